/**
 * @module What referrals store that is protected: the sealed columns (for key rotation and the
 * plaintext-dump test) and the rows the retention purge removes, dated by their last change.
 */
import { orgField, registerProtectedField } from '../platform/crypto/protected-fields.ts';
import { registerPurgeableTable } from '../platform/ops/retention.ts';

registerProtectedField(orgField('refer_referral', 'shared'));
registerProtectedField(orgField('refer_referral', 'status_reason'));
registerProtectedField(orgField('refer_referral_share', 'shared', 'referral_id'));
registerProtectedField(orgField('refer_referral_share', 'status_reason', 'referral_id'));

// refer_partner is configuration, not patient data: it is kept.
registerPurgeableTable({ table: 'refer_notification', timestampColumn: 'created_at' });
registerPurgeableTable({ table: 'refer_referral_share', timestampColumn: 'updated_at' });
registerPurgeableTable({ table: 'refer_referral', timestampColumn: 'updated_at' });
