/**
 * @module What Respond stores that is protected: the encrypted columns (for key rotation and the
 * plaintext-dump test) and the rows the retention purge removes (cases with everything in them).
 */
import { orgField, registerProtectedField } from '../platform/crypto/protected-fields.ts';
import { registerPurgeableTable } from '../platform/ops/retention.ts';

for (const [table, column] of [
  ['respond_case', 'context'], ['respond_case', 'ehr_patient'], ['respond_case_action', 'status_reason'],
  ['respond_case_task', 'title'], ['respond_case_note', 'body'], ['respond_case_event', 'detail'],
] as const) {
  registerProtectedField(orgField(table, column));
}

// Children go by their own dates; the case by its last activity, which is never older than them.
registerPurgeableTable({ table: 'respond_case_event', timestampColumn: 'at' });
registerPurgeableTable({ table: 'respond_case_note', timestampColumn: 'created_at' });
registerPurgeableTable({ table: 'respond_case_task', timestampColumn: 'created_at' });
registerPurgeableTable({ table: 'respond_case_action', timestampColumn: 'updated_at' });
registerPurgeableTable({ table: 'respond_case', timestampColumn: 'last_activity_at' });
