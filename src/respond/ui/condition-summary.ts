/**
 * @module A protocol step's condition in words ("a minor and screen positive or declined"), for the
 * protocol view, the editor and the diff. Pure: takes the translator.
 */
import type { Translate } from '../../platform/i18n/format.ts';
import type { MessageKey } from '../../platform/i18n/catalogs.ts';
import { messageKey } from '../../web/i18n.tsx';
import type { StepCondition } from './respond-types.ts';

/** The yes/no facts a condition can test, with their labels. */
export const BOOLEAN_FACTS: readonly (readonly [keyof StepCondition, MessageKey])[] = [
  ['immediateDanger', messageKey('respond.cond.fact.immediateDanger')],
  ['privacyGatePassed', messageKey('respond.cond.fact.privacyGatePassed')],
  ['alone', messageKey('respond.cond.fact.alone')],
  ['safeToTalk', messageKey('respond.cond.fact.safeToTalk')],
  ['interpreterNeeded', messageKey('respond.cond.fact.interpreterNeeded')],
  ['interpreterAvailable', messageKey('respond.cond.fact.interpreterAvailable')],
  ['indicatorsPresent', messageKey('respond.cond.fact.indicatorsPresent')],
  ['wantsHelp', messageKey('respond.cond.fact.wantsHelp')],
  ['consentsToReferral', messageKey('respond.cond.fact.consentsToReferral')],
  ['consentsToLawEnforcement', messageKey('respond.cond.fact.consentsToLawEnforcement')],
  ['jurisdictionRequiresAdultReport', messageKey('respond.cond.fact.jurisdictionRequiresAdultReport')],
  ['ageKnown', messageKey('respond.cond.fact.ageKnown')],
];

/** The keys the structured editor has controls for; any other key makes the condition "compound". */
export const EDITABLE_KEYS = new Set<string>([...BOOLEAN_FACTS.map(([key]) => key), 'minor', 'age', 'screen', 'jurisdiction', 'setting', 'findingStatus', 'findingType']);

/** True when the structured editor can edit every part of the condition. */
export function isSimpleCondition(condition: StepCondition | undefined): boolean {
  return Object.keys(condition ?? {}).every((key) => EDITABLE_KEYS.has(key));
}

/** The condition in words; no condition reads "always". */
export function summarizeCondition(condition: StepCondition | undefined, t: Translate): string {
  const parts = describe(condition ?? {}, t);
  return parts.length === 0 ? t('respond.cond.always') : parts.join(t('respond.cond.and'));
}

function describe(condition: StepCondition, t: Translate): string[] {
  const parts: string[] = [];
  const yesNo = (value: unknown): string => (value ? t('respond.cond.yes') : t('respond.cond.no'));
  for (const [key, value] of Object.entries(condition) as [keyof StepCondition, unknown][]) {
    const fact = BOOLEAN_FACTS.find(([k]) => k === key);
    if (fact) {
      parts.push(`${t(fact[1])}: ${yesNo(value)}`);
      continue;
    }
    switch (key) {
      case 'minor':
        parts.push(value ? t('respond.cond.minor') : t('respond.cond.adult'));
        break;
      case 'age': {
        const range = value as NonNullable<StepCondition['age']>;
        const bits = [range.gte !== undefined ? `≥ ${range.gte}` : '', range.gt !== undefined ? `> ${range.gt}` : '',
          range.lt !== undefined ? `< ${range.lt}` : '', range.lte !== undefined ? `≤ ${range.lte}` : ''].filter(Boolean);
        parts.push(t('respond.cond.age', { range: bits.join(', ') }));
        break;
      }
      case 'screen':
        parts.push(t('respond.cond.screen', { values: (value as string[]).join(' / ') }));
        break;
      case 'jurisdiction':
        parts.push(t('respond.cond.jurisdiction', { values: (value as string[]).join(', ') }));
        break;
      case 'setting':
        parts.push(t('respond.cond.setting', { values: (value as string[]).join(', ') }));
        break;
      case 'findingStatus':
        parts.push(t('respond.cond.findingStatus', { values: (value as string[]).join(' / ') }));
        break;
      case 'findingType':
        parts.push(t('respond.cond.findingType', { values: (value as string[]).join(' / ') }));
        break;
      case 'all':
        parts.push(`(${(value as StepCondition[]).map((c) => describe(c, t).join(t('respond.cond.and'))).join(t('respond.cond.and'))})`);
        break;
      case 'any':
        parts.push(`(${(value as StepCondition[]).map((c) => describe(c, t).join(t('respond.cond.and'))).join(t('respond.cond.or'))})`);
        break;
      case 'not':
        parts.push(t('respond.cond.not', { condition: describe(value as StepCondition, t).join(t('respond.cond.and')) }));
        break;
      default:
        parts.push(`${key}: ${JSON.stringify(value)}`);
    }
  }
  return parts;
}
