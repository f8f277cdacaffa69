/**
 * @module Finds the message keys source code uses, so a test can fail on catalog keys nothing
 * uses. The convention that makes this reliable: code names a key only as a string literal passed
 * to `t('…')`, `translate('…')` or `messageKey('…')` (the last marks keys kept in data, such as a
 * role's label); a key computed at run time is typed `MessageKey` and so comes from one of those.
 */

const KEY_CALL = /\b(?:t|translate|messageKey)\(\s*(['"`])([A-Za-z0-9_.-]+)\1/g;

/** The message keys a source file names, in order of appearance (duplicates kept). */
export function findMessageKeys(source: string): string[] {
  return [...source.matchAll(KEY_CALL)].map((match) => match[2]!);
}

/** The argument names a parsed ICU message uses (`{name}`, `{count, plural, …}`), sorted. */
export function messageArguments(ast: readonly unknown[]): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly unknown[]): void => {
    for (const node of nodes) {
      if (typeof node !== 'object' || node === null) continue;
      const element = node as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] };
      // Types from @formatjs/icu-messageformat-parser: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value);
      if (element.options) for (const option of Object.values(element.options)) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(ast);
  return [...names].sort();
}
