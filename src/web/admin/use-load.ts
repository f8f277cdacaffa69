/**
 * @module Loading data for a page: the value, an error, and a way to load it again after a change.
 */
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  reload(): Promise<void>;
}

/** Runs `load` on mount and on `reload()`. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
