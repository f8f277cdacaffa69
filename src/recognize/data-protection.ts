/**
 * @module What Recognize stores that is protected: the encrypted columns of a completed screen.
 */
import { orgField, registerProtectedField } from '../platform/crypto/protected-fields.ts';
import { registerPurgeableTable } from '../platform/ops/retention.ts';

for (const column of ['response', 'evaluation', 'observation']) {
  registerProtectedField(orgField('recognize_screening', column));
}

registerPurgeableTable({ table: 'recognize_screening', timestampColumn: 'created_at' });
