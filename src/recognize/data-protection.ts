/**
 * @module What Recognize stores that is protected: the encrypted columns of a completed screen.
 */
import { orgField, registerProtectedField } from '../platform/crypto/protected-fields.ts';

for (const column of ['response', 'evaluation', 'observation']) {
  registerProtectedField(orgField('recognize_screening', column));
}
