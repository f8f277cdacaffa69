/**
 * @module What Respond stores that is protected: the encrypted columns (for key rotation and the
 * plaintext-dump test) and the rows the retention purge removes (cases with everything in them).
 */
import { orgField, registerProtectedField } from '../platform/crypto/protected-fields.ts';

for (const [table, column] of [
  ['respond_case', 'context'], ['respond_case', 'ehr_patient'], ['respond_case_action', 'status_reason'],
  ['respond_case_task', 'title'], ['respond_case_note', 'body'], ['respond_case_event', 'detail'],
] as const) {
  registerProtectedField(orgField(table, column));
}
