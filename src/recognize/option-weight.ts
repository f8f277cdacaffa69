/**
 * @module Reads the weight an answer option declares, the way fhirpath.js `weight()` does: the
 * itemWeight or ordinalValue extension's valueDecimal (fhirpath/src/sdc-ig-supplements.js).
 */
import { fhirExtension } from './extension-urls.ts';

const WEIGHT_URLS: readonly string[] = [fhirExtension.itemWeight, fhirExtension.ordinalValue];

/** The weight extensions on an answer option (any value type, so validation can reject the wrong one). */
export function weightExtensions(option: fhir4.QuestionnaireItemAnswerOption): fhir4.Extension[] {
  return (option.extension ?? []).filter((ext) => WEIGHT_URLS.includes(ext.url));
}

/** The option's weight, or undefined when it declares none usable by `weight()`. */
export function optionWeight(option: fhir4.QuestionnaireItemAnswerOption): number | undefined {
  const value = weightExtensions(option)[0]?.valueDecimal;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whether an item is scored: it offers answer options and every one carries a weight. */
export function isScoredItem(item: fhir4.QuestionnaireItem): boolean {
  const options = item.answerOption ?? [];
  return options.length > 0 && options.every((option) => optionWeight(option) !== undefined);
}
