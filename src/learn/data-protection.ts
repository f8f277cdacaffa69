/**
 * @module What Learn encrypts: the certificate code (only its hash is looked up), declared for key
 * rotation and the plaintext-dump test. Learning records are kept, not purged: a certificate must
 * stay verifiable for as long as a license board may ask.
 */
import { orgField, registerProtectedField } from '../platform/crypto/protected-fields.ts';

registerProtectedField(orgField('learn_certificate', 'code'));
// One settings row per organization, keyed by it: the row id is the organization id.
registerProtectedField(orgField('learn_lrs_settings', 'password', 'organization_id'));
registerProtectedField(orgField('learn_smtp_settings', 'password', 'organization_id'));
