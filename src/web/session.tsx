/**
 * @module The signed-in session as React state: the SessionView from GET /api/session, the API
 * client carrying its CSRF token, and the few actions that change it (sign out, switch language).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { matchLocale, type Locale } from '../platform/i18n/catalogs.ts';
import { ApiClient } from './api.ts';
import { initialLocale, rememberLocale } from './i18n.tsx';
import type { SessionView } from './session-types.ts';

export interface SessionState {
  api: ApiClient;
  /** undefined while loading; null when signed out. */
  session: SessionView | null | undefined;
  /** The language the app shows. */
  locale: Locale;
  /** Adopts a SessionView an API call returned (sign-in steps, context, locale). */
  adopt(view: SessionView | null): void;
  /** Switches the language; saved to the account when signed in, to this device otherwise. */
  changeLocale(locale: Locale): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the session once and provides it to the app. */
export function SessionProvider({ children }: { children: ReactNode }): ReactElement {
  const api = useMemo(() => new ApiClient(), []);
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  const [deviceLocale, setDeviceLocale] = useState<Locale>(initialLocale);

  const adopt = useCallback((view: SessionView | null) => {
    api.setCsrfToken(view?.csrfToken);
    setSession(view);
  }, [api]);

  useEffect(() => {
    api.onSessionEnded = () => adopt(null);
    return () => { api.onSessionEnded = undefined; };
  }, [api, adopt]);

  useEffect(() => {
    // Not signed in (401) or the server unreachable: both start at the sign-in page, which reports
    // a connection problem when the person tries.
    api.get<SessionView>('/api/session').then(adopt, () => adopt(null));
  }, [api, adopt]);

  const changeLocale = useCallback(async (locale: Locale) => {
    rememberLocale(locale);
    setDeviceLocale(locale);
    if (session) adopt(await api.put<SessionView>('/api/session/locale', { locale }));
  }, [api, adopt, session]);

  const signOut = useCallback(async () => {
    try {
      await api.delete('/api/session');
    } finally {
      adopt(null);
    }
  }, [api, adopt]);

  const locale = session ? matchLocale([session.user.locale]) : deviceLocale;
  const value = useMemo<SessionState>(() => ({ api, session, locale, adopt, changeLocale, signOut }),
    [api, session, locale, adopt, changeLocale, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state; only inside <SessionProvider>. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() needs a <SessionProvider> above it');
  return state;
}

/** The session when signed in fully (pages behind the sign-in gates use this). */
export function useSignedIn(): SessionState & { session: SessionView } {
  const state = useSession();
  if (!state.session) throw new Error('useSignedIn() used before sign-in');
  return state as SessionState & { session: SessionView };
}
