/**
 * @module Retention: each organization keeps protected data for `retention_days`, then the daily
 * purge deletes it. Capabilities declare which of their tables hold purgeable protected rows and
 * which column dates a row; de-identified counters (platform_counter) are never declared, so they
 * outlive the rows they count. Each organization's purge is one transaction with its audit event.
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Job } from '../jobs/scheduler.ts';
import { utcDay } from '../jobs/scheduler.ts';
import { listTables } from '../backup/tables.ts';

/**
 * A table whose rows are deleted once older than their organization's retention period. A row goes
 * by its own timestamp; declare child tables too (they are purged before their parents), and date
 * a parent by its latest activity so that it never expires before its children.
 */
export interface PurgeableTable {
  table: string;
  /** ISO-8601 text column that dates the row (e.g. `created_at`, `closed_at`). */
  timestampColumn: string;
  /** Defaults to `organization_id`. */
  organizationColumn?: string;
}

const registry = new Map<string, PurgeableTable>();

/** Declares a purgeable table (a later declaration replaces an earlier one). Returns an undo. */
export function registerPurgeableTable(table: PurgeableTable): () => void {
  registry.set(table.table, table);
  return () => {
    if (registry.get(table.table) === table) registry.delete(table.table);
  };
}

/** Every declared purgeable table, in a stable order. */
export function purgeableTables(): PurgeableTable[] {
  return [...registry.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/** The oldest moment an organization still keeps: rows dated before it are purged. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 86_400_000);
}

export interface PurgeReport {
  organizationId: string;
  cutoff: string;
  deleted: Record<string, number>;
}

// A child row must go before the parent row its foreign key points at.
async function childrenFirst(db: Db, dialect: Dialect, tables: PurgeableTable[]): Promise<PurgeableTable[]> {
  const order = (await listTables(db, dialect)).map((t) => t.name);
  return [...tables].sort((a, b) => order.indexOf(b.table) - order.indexOf(a.table));
}

/** Deletes every organization's expired protected rows; returns what went, per organization. */
export async function purgeExpiredData(db: Db, dialect: Dialect, options: { now?: Date; tables?: PurgeableTable[] } = {}): Promise<PurgeReport[]> {
  const now = options.now ?? new Date();
  const tables = await childrenFirst(db, dialect, options.tables ?? purgeableTables());
  const organizations = await db.selectFrom('platform_organization').select(['id', 'retention_days']).orderBy('id').execute();
  const reports: PurgeReport[] = [];
  for (const organization of organizations) {
    const cutoff = retentionCutoff(now, organization.retention_days).toISOString();
    const deleted: Record<string, number> = {};
    await db.transaction().execute(async (tx) => {
      for (const t of tables) {
        const result = await sql`delete from ${sql.table(t.table)}
          where ${sql.ref(t.organizationColumn ?? 'organization_id')} = ${organization.id}
          and ${sql.ref(t.timestampColumn)} < ${cutoff}`.execute(tx);
        deleted[t.table] = Number(result.numAffectedRows ?? 0);
      }
      await recordAudit(tx, dialect, {
        organizationId: organization.id, actorId: null, actorKind: 'system', action: 'purge',
        resourceType: 'retention', resourceId: cutoff, purpose: 'retention',
      }, now);
    });
    reports.push({ organizationId: organization.id, cutoff, deleted });
  }
  return reports;
}

/** The daily purge job. */
export const retentionPurgeJob: Job = {
  name: 'retention-purge',
  periodOf: utcDay,
  async run(platform, { now }) {
    const reports = await purgeExpiredData(platform.data.db, platform.data.dialect, { now });
    return { organizations: reports.length, deleted: reports.reduce((sum, r) => sum + Object.values(r.deleted).reduce((a, b) => a + b, 0), 0) };
  },
};
