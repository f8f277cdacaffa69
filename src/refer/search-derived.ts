/**
 * @module The search table is derived from the stored HSDS rows: a backup leaves it out (its
 * full-text and spatial indexes differ between SQLite and PostgreSQL) and restore rebuilds it.
 */
import { registerDerivedTables } from '../platform/backup/derived-tables.ts';
import { createCipher } from '../platform/crypto/cipher.ts';
import { OrgScope } from '../platform/db/scope.ts';
import { rebuildSearch } from './store-import.ts';

/** Directory listings are not protected data: writing them seals nothing, so no key is needed. */
export const keylessCipher = createCipher(() => { throw new Error('directory listings are not encrypted'); });

registerDerivedTables({
  tables: ['refer_search', 'refer_search_term', 'refer_search_week', 'refer_search_fts', 'refer_search_place'],
  async rebuild(tx, dialect) {
    const services = await tx.selectFrom('refer_row').select(['organization_id', 'id']).where('hsds_table', '=', 'service').execute();
    const byOrganization = new Map<string, string[]>();
    for (const s of services) byOrganization.set(s.organization_id, [...(byOrganization.get(s.organization_id) ?? []), s.id]);
    for (const [organizationId, ids] of byOrganization) {
      const scope = new OrgScope(tx, dialect, organizationId, { id: null, kind: 'system' }, null, keylessCipher);
      await rebuildSearch(scope, ids);
      await scope.refreshPlannerStatistics('refer_search');
    }
  },
});
