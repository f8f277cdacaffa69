/**
 * @module The label of each shareable field, in the reader's language.
 */
import type { Translate } from '../../platform/i18n/format.ts';
import type { ShareableField } from './referral-ui-types.ts';

/** The shareable fields in the order the pages show them. */
export const fieldOrder: readonly ShareableField[] = ['firstName', 'initials', 'preferredLanguage', 'callbackNumber', 'needs'];

/** The field's label. */
export function fieldLabel(t: Translate, field: ShareableField): string {
  switch (field) {
    case 'firstName': return t('refer.field.firstName');
    case 'initials': return t('refer.field.initials');
    case 'preferredLanguage': return t('refer.field.preferredLanguage');
    case 'callbackNumber': return t('refer.field.callbackNumber');
    case 'needs': return t('refer.field.needs');
  }
}
