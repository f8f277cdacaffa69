/**
 * @module Picks the text for a language from the FHIR translation extension at run time
 * (http://hl7.org/fhir/R4/extension-translation.html), falling back to the base text. Adding a
 * patient language is adding translations to content, never code.
 */
import { fhirExtension } from './extension-urls.ts';
import type { LocalizableText } from './score-declaration.ts';

/** The translations an element carries, by language tag. */
export function readTranslations(element: fhir4.Element | undefined): Map<string, string> {
  const translations = new Map<string, string>();
  for (const ext of element?.extension ?? []) {
    if (ext.url !== fhirExtension.translation) continue;
    const lang = ext.extension?.find((part) => part.url === 'lang')?.valueCode;
    const content = ext.extension?.find((part) => part.url === 'content')?.valueString;
    if (lang && typeof content === 'string') translations.set(lang.toLowerCase(), content);
  }
  return translations;
}

/**
 * Returns the text in `language` (exact tag, then its primary subtag: es-MX falls back to es),
 * else the base text.
 */
export function pickText(text: string, element: fhir4.Element | undefined, language: string): string {
  return findTranslation(element, language) ?? text;
}

/** The translation into `language` (exact tag, then primary subtag), if the element carries one. */
export function findTranslation(element: fhir4.Element | undefined, language: string): string | undefined {
  const translations = readTranslations(element);
  const tag = language.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? tag);
}

/** Localizes a LocalizableText (as carried in result interpretations). */
export function localizeText(value: LocalizableText, language: string): string {
  return pickText(value.text, value.element, language);
}

/**
 * Returns a copy of a resource with every translated string replaced by its text in `language`
 * and `language` set, for a renderer (or LHC-Forms) that reads only base texts.
 */
export function localizeResource<T extends { language?: string }>(resource: T, language: string): T {
  const copy = structuredClone(resource);
  replaceTexts(copy, language);
  // The base language is what the resource already says; only a translation changes it.
  if (hasTranslationFor(resource, language)) copy.language = language;
  return copy;
}

function replaceTexts(node: unknown, language: string): void {
  if (Array.isArray(node)) {
    for (const child of node) replaceTexts(child, language);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && !key.startsWith('_')) {
      const element = record[`_${key}`] as fhir4.Element | undefined;
      if (element) record[key] = pickText(value, element, language);
    } else replaceTexts(value, language);
  }
}

function hasTranslationFor(node: unknown, language: string): boolean {
  return listTexts(node).some(({ element }) => findTranslation(element, language) !== undefined);
}

/** A human-readable string in a resource and the element that would carry its translations. */
export interface TextSite {
  /** JSON path of the string, e.g. `item[0].item[1].text` (its translations sit in `_text`). */
  path: string;
  text: string;
  element?: fhir4.Element;
}

// Keys whose string values people read. valueString is read inside Lantern's own extensions
// (result bands, evidence notes); inside a translation it is the translation itself.
const TEXT_KEYS = new Set(['title', 'description', 'purpose', 'copyright', 'text', 'display', 'citation', 'valueString', 'valueMarkdown']);

/** Lists every human-readable string in a resource (translations themselves excluded). */
export function listTexts(node: unknown, path = ''): TextSite[] {
  if (Array.isArray(node)) return node.flatMap((child, index) => listTexts(child, `${path}[${index}]`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  if (record.url === fhirExtension.translation) return [];
  const sites: TextSite[] = [];
  for (const [key, value] of Object.entries(record)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === 'string') {
      if (TEXT_KEYS.has(key)) {
        const element = record[`_${key}`] as fhir4.Element | undefined;
        sites.push({ path: at, text: value, ...(element ? { element } : {}) });
      }
    } else if (!key.startsWith('_')) sites.push(...listTexts(value, at));
  }
  return sites;
}

/** The paths of human-readable strings that lack a translation into `language`. */
export function findUntranslatedTexts(resource: unknown, language: string): string[] {
  return listTexts(resource).filter((site) => findTranslation(site.element, language) === undefined).map((site) => site.path);
}
