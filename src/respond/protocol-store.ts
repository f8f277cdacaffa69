/**
 * @module Published protocol versions per organization. The newest published version is the one
 * cases use; an organization that has published none uses Lantern's default protocol.
 */
import { randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { loadDefaultProtocol, type Protocol } from './protocol.ts';

export interface ProtocolVersionSummary {
  id: string;
  protocolId: string;
  version: string;
  title: string;
  publishedBy: string;
  publishedByEmail: string | null;
  publishedAt: string;
}

let shippedDefault: Protocol | undefined;
function defaultProtocol(): Protocol {
  shippedDefault ??= loadDefaultProtocol();
  return shippedDefault;
}

/** The protocol new cases are evaluated with. */
export async function activeProtocol(scope: OrgScope): Promise<Protocol> {
  const row = await scope.selectFrom('respond_protocol_version').select('document').orderBy('published_at', 'desc').limit(1).executeTakeFirst();
  return row ? (JSON.parse(row.document) as Protocol) : defaultProtocol();
}

export async function listProtocolVersions(scope: OrgScope): Promise<ProtocolVersionSummary[]> {
  const rows = await scope.selectFrom('respond_protocol_version')
    .leftJoin('platform_user', 'platform_user.id', 'respond_protocol_version.published_by')
    .select(['respond_protocol_version.id', 'protocol_id', 'version', 'document', 'published_by', 'published_at', 'platform_user.email'])
    .orderBy('published_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, protocolId: r.protocol_id, version: r.version, title: (JSON.parse(r.document) as Protocol).title,
    publishedBy: r.published_by, publishedByEmail: r.email, publishedAt: r.published_at,
  }));
}

export async function readProtocolVersion(scope: OrgScope, id: string): Promise<{ protocol: Protocol; cases: unknown; summary: Omit<ProtocolVersionSummary, 'publishedByEmail' | 'title'> }> {
  const row = await scope.selectFrom('respond_protocol_version').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The protocol version');
  return {
    protocol: JSON.parse(row.document) as Protocol,
    cases: JSON.parse(row.cases) as unknown,
    summary: { id: row.id, protocolId: row.protocol_id, version: row.version, publishedBy: row.published_by, publishedAt: row.published_at },
  };
}

/** Stores a protocol version whose test cases have passed (the caller runs them). */
export async function publishProtocolVersion(scope: OrgScope, input: { protocol: Protocol; cases: unknown }): Promise<string> {
  return scope.transaction(async (tx) => {
    const existing = await tx.selectFrom('respond_protocol_version').select('id')
      .where('protocol_id', '=', input.protocol.id).where('version', '=', input.protocol.version).executeTakeFirst();
    if (existing) throw conflict(`Version ${input.protocol.version} of this protocol is already published; give the new one a new version.`, 'protocol.version');
    const id = randomUUID();
    await tx.insert('respond_protocol_version', {
      id, protocol_id: input.protocol.id, version: input.protocol.version, document: JSON.stringify(input.protocol),
      cases: JSON.stringify(input.cases), published_by: tx.actor.id ?? 'system', published_at: new Date().toISOString(),
    });
    await tx.audit({ action: 'create', resourceType: 'protocol', resourceId: id, purpose: 'operations' });
    return id;
  });
}
