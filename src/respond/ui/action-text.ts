/**
 * @module Action names and protocol reasons in the reader's language: names from the shipped
 * response-actions CodeSystem's designations, reasons from the step's translations (English when a
 * step has none). Browser-safe: reads the CodeSystem through the bundler, not the file system.
 */
import codeSystem from '../../../content/respond/response-actions.codesystem.json' with { type: 'json' };
import type { RecommendedAction } from './respond-types.ts';

interface Concept {
  code: string;
  display?: string;
  designation?: { language?: string; value: string }[];
}

const concepts = new Map((codeSystem.concept as Concept[]).map((c) => [c.code, c]));

/** The action's display name in a language, falling back to English, then the code. */
export function actionName(code: string, locale: string): string {
  const concept = concepts.get(code);
  if (!concept) return code;
  const language = locale.split('-')[0];
  return concept.designation?.find((d) => d.language === locale || d.language === language)?.value ?? concept.display ?? code;
}

/** Every action code the CodeSystem defines, in its order (for the editor's action picker). */
export function actionCodes(): string[] {
  return [...concepts.keys()];
}

/** The reason of a recommended action in a language, falling back to English (as the server's localizeReason). */
export function reasonIn(action: Pick<RecommendedAction, 'reason' | 'reasonTranslations'>, locale: string): string {
  return action.reasonTranslations?.[locale] ?? action.reasonTranslations?.[locale.split('-')[0] ?? ''] ?? action.reason;
}
