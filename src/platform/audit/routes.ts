/**
 * @module The audit log's REST API, for admins: `GET /api/audit` (filters, cursor paging, newest
 * first) and `GET /api/audit/export.csv` (same filters, every match). Reading the log is itself
 * audited: a page view appends a `read` event, an export an `export` event.
 */
import { Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../services.ts';
import { checkAuditFilter, decodeCursor, eachAuditEvent, listAuditEvents, type AuditEventView } from './query.ts';
import { csvRow } from './csv.ts';

// No control characters: nothing Lantern records has them, and PostgreSQL refuses NUL in text.
const PRINTABLE = '^[^\\u0000-\\u001f]*$';

const filterFields = {
  from: Type.Optional(Type.String({ maxLength: 40, pattern: PRINTABLE, description: 'ISO date or date-time, inclusive' })),
  to: Type.Optional(Type.String({ maxLength: 40, pattern: PRINTABLE, description: 'ISO date (the whole day) or date-time, inclusive' })),
  actor: Type.Optional(Type.String({ maxLength: 320, pattern: PRINTABLE, description: 'user id or email address' })),
  action: Type.Optional(Type.String({ maxLength: 64, pattern: PRINTABLE })),
  resourceType: Type.Optional(Type.String({ maxLength: 64, pattern: PRINTABLE })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')])),
};

export const AuditExportQuery = Type.Object(filterFields, { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditListQuery = Type.Object({
  ...filterFields,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 64, pattern: PRINTABLE })),
}, { additionalProperties: false });
export type AuditListQuery = Static<typeof AuditListQuery>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const AuditEventReply = Type.Object({
  seq: Type.Integer(), at: Type.String(), actorId: Nullable(Type.String()), actorEmail: Nullable(Type.String()),
  actorKind: Type.String(), action: Type.String(), resourceType: Type.String(), resourceId: Nullable(Type.String()),
  purpose: Nullable(Type.String()), requestId: Nullable(Type.String()), outcome: Type.String(),
}, { additionalProperties: false });

export const AuditPageReply = Type.Object({
  events: Type.Array(AuditEventReply),
  nextCursor: Nullable(Type.String()),
}, { additionalProperties: false });

const CSV_COLUMNS: (keyof AuditEventView)[] = [
  'seq', 'at', 'actorId', 'actorEmail', 'actorKind', 'action', 'resourceType', 'resourceId', 'purpose', 'requestId', 'outcome',
];

function filterOf(query: AuditExportQuery): AuditExportQuery {
  const { from, to, actor, action, resourceType, outcome } = query;
  return Object.fromEntries(Object.entries({ from, to, actor, action, resourceType, outcome }).filter(([, v]) => v !== undefined && v !== ''));
}

export const auditRoutes: FastifyPluginAsync<{ platform: Platform }> = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/audit', {
    config: { access: { permission: ['audit', 'read'] } },
    schema: { tags: ['audit'], summary: 'Browse the audit log, newest first', querystring: AuditListQuery, response: { 200: AuditPageReply } },
  }, async (request) => {
    const beforeSeq = request.query.cursor ? decodeCursor(request.query.cursor) : undefined;
    return request.scope().transaction(async (scope) => {
      const page = await listAuditEvents(scope, filterOf(request.query), { limit: request.query.limit ?? 50, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
      await scope.audit({ action: 'read', resourceType: 'audit', purpose: 'audit-review' });
      return page;
    });
  });

  app.get('/api/audit/export.csv', {
    config: { access: { permission: ['audit', 'export'] } },
    schema: { tags: ['audit'], summary: 'Export the audit log as CSV (same filters)', querystring: AuditExportQuery, produces: ['text/csv'] },
  }, async (request, reply) => {
    const scope = request.scope();
    const filter = filterOf(request.query);
    // Refuse a bad filter now: once the CSV streams, the status line is already sent.
    checkAuditFilter(filter);
    await scope.audit({ action: 'export', resourceType: 'audit', purpose: 'audit-review' });
    async function* lines(): AsyncGenerator<string> {
      yield csvRow(CSV_COLUMNS);
      for await (const event of eachAuditEvent(scope, filter)) yield csvRow(CSV_COLUMNS.map((c) => event[c]));
    }
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="lantern-audit-${day}.csv"`)
      .send(Readable.from(lines()));
  });
};
