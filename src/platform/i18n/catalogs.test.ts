import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogFiles, catalogs, defaultLocale, locales, matchLocale, parseAcceptLanguage } from './catalogs.ts';
import { createTranslator, textDirection } from './format.ts';
import { findMessageKeys, messageArguments } from './key-usage.ts';

const srcRoot = fileURLToPath(new URL('../../', import.meta.url));
const i18nRoot = fileURLToPath(new URL('../../../content/i18n/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** key → files that use it, over all of src/ (tests excluded: a key only a test names is unused). */
function keysUsedInSource(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(srcRoot)) {
    for (const key of findMessageKeys(readFileSync(file, 'utf8'))) {
      used.set(key, [...(used.get(key) ?? []), relative(srcRoot, file)]);
    }
  }
  return used;
}

/** Catalog keys named in content data (a YAML rule's `summaryKey: ehr.signal.x`), outside content/i18n. */
function keysUsedInContent(keys: readonly string[]): Set<string> {
  const contentRoot = fileURLToPath(new URL('../../../content/', import.meta.url));
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return path === join(contentRoot, 'i18n') ? [] : walk(path);
      return /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
  })(contentRoot);
  const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  return new Set(keys.filter((key) => new RegExp(`(^|[^\\w.-])${key.replace(/\./g, '\\.')}($|[^\\w.-])`).test(text)));
}

const english = catalogs[defaultLocale];

describe('message catalogs', () => {
  test('every catalog file under content/i18n is loaded, one per shipped language in each folder', () => {
    const onDisk = (dir: string, folder: string): string[] => readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return onDisk(path, folder ? `${folder}/${name}` : name);
      return name.endsWith('.json') ? [`${folder}:${name.replace(/\.json$/, '')}`] : [];
    });
    const loaded = Object.keys(catalogFiles).flatMap((folder) => locales.map((locale) => `${folder}:${locale}`));
    expect(onDisk(i18nRoot, '').sort()).toEqual(loaded.sort());
  });

  test('no key is defined in two catalog files, and capability keys start with the capability', () => {
    const problems: string[] = [];
    const owner = new Map<string, string>();
    for (const [folder, files] of Object.entries(catalogFiles)) {
      for (const key of Object.keys(files[defaultLocale])) {
        if (owner.has(key)) problems.push(`${key}: in ${owner.get(key) || 'the platform'} and ${folder || 'the platform'}`);
        owner.set(key, folder);
        if (folder && !key.startsWith(`${folder}.`)) problems.push(`${key}: in ${folder}/ but not prefixed "${folder}."`);
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(Object.entries(catalogFiles).flatMap(([folder, files]) => locales.filter((l) => l !== defaultLocale).map((locale) => [folder || '(platform)', locale, files] as const)))(
    '%s/%s defines exactly the keys English defines', (_folder, locale, files) => {
      const keys = Object.keys(files[locale]);
      expect(Object.keys(files[defaultLocale]).filter((key) => !keys.includes(key)), 'missing').toEqual([]);
      expect(keys.filter((key) => !(key in files[defaultLocale])), 'not in English').toEqual([]);
    });

  test.each([...locales])('every %s message parses as ICU MessageFormat and uses the same arguments as English', (locale) => {
    const problems: string[] = [];
    for (const [key, message] of Object.entries(catalogs[locale])) {
      try {
        const ast = new IntlMessageFormat(message, locale).getAst();
        const englishAst = new IntlMessageFormat(english[key] ?? '', defaultLocale).getAst();
        const args = messageArguments(ast);
        const expected = messageArguments(englishAst);
        if (args.join() !== expected.join()) problems.push(`${key}: uses {${args.join(', ')}}, English uses {${expected.join(', ')}}`);
        if (message.trim() === '') problems.push(`${key}: empty`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every catalog key is used by some code in src/ (or named by content data)', () => {
    const used = keysUsedInSource();
    const unusedInCode = Object.keys(english).filter((key) => !used.has(key));
    const inContent = keysUsedInContent(unusedInCode);
    expect(unusedInCode.filter((key) => !inContent.has(key))).toEqual([]);
  });

  test('every key the code uses is in the catalogs', () => {
    const missing = [...keysUsedInSource()].filter(([key]) => !(key in english)).map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });
});

describe('finding the keys code uses', () => {
  test('finds keys in t(), translate() and messageKey() calls, across lines and quote styles', () => {
    const source = `t('a.b'); t( "c.d", { n: 1 }); translate(\n  'e-f.g'); messageKey(\`h.i\`); const x = at('no'); t(variable); label: 'j.k'`;
    expect(findMessageKeys(source)).toEqual(['a.b', 'c.d', 'e-f.g', 'h.i']);
  });

  test('lists the arguments of nested ICU messages', () => {
    const ast = new IntlMessageFormat('{n, plural, one {# item for {name}} other {{kind, select, a {A} other {{kind}}}}}', 'en').getAst();
    expect(messageArguments(ast)).toEqual(['kind', 'n', 'name']);
  });
});

describe('formatting', () => {
  test('formats plurals and arguments in the locale', () => {
    const en = createTranslator('en');
    expect(en('retention.saved', { days: 1 })).toBe('Saved. Protected data is kept for 1 day.');
    expect(en('retention.saved', { days: 400 })).toBe('Saved. Protected data is kept for 400 days.');
    expect(createTranslator('es')('home.greeting', { name: 'Ana' })).toBe('Hola, Ana');
  });

  test('falls back to English for a key a catalog lacks, and to the key when no catalog has it', () => {
    const partial = createTranslator('es', { 'nav.home': 'Inicio' });
    expect(partial('nav.home')).toBe('Inicio');
    expect(partial('nav.users')).toBe('Users');
    expect(createTranslator('es', {}, {})('nav.users')).toBe('nav.users');
  });
});

describe('languages', () => {
  test('right-to-left languages get dir="rtl", others "ltr"', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG', 'ps'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'es', 'es-MX', 'vi', 'zh-Hant', 'not a tag'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  test('a requested language is matched exactly, then by its base language, else English', () => {
    expect(matchLocale(['es'])).toBe('es');
    expect(matchLocale(['es-MX', 'en'])).toBe('es');
    expect(matchLocale(['fr-CA', 'ES'])).toBe('es');
    expect(matchLocale(['fr', 'de'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });

  test('Accept-Language is read in order of preference', () => {
    expect(parseAcceptLanguage('fr;q=0.5, es-MX, en;q=0.8, *;q=0.1')).toEqual(['es-MX', 'en', 'fr']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(matchLocale(parseAcceptLanguage('de-DE,de;q=0.9,es;q=0.8'))).toBe('es');
  });
});
