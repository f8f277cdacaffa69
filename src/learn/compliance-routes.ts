/**
 * @module Compliance: the learner's license profile (`GET`/`PUT /api/learn/profile`), their in-app
 * reminders (`/api/learn/reminders`), and for educators who is compliant, due soon or overdue
 * (`GET /api/learn/compliance`, filterable by facility, role and status), its CSV export and a
 * completion-over-time series for a chart.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { notFound } from '../platform/http/errors.ts';
import { loadComplianceRules } from './compliance-rules.ts';
import { buildComplianceRows, complianceCsv, completionSeries, filterComplianceRows, type ComplianceRow } from './compliance-report.ts';
import { facilityNames, listCompletions, listMembers, listProfiles, readProfile, saveProfile } from './compliance-store.ts';
import { DEFAULT_DUE_SOON_DAYS } from './reminder-job.ts';
import { learnerOf } from './learner-request.ts';
import { ComplianceQuery, IdParams, ProfileBody, SeriesQuery } from './schemas.ts';
import { addMonths } from './compliance.ts';

const tags = ['learn'];
const today = (): string => new Date().toISOString().slice(0, 10);

async function complianceRows(scope: OrgScope, filter: ComplianceQuery): Promise<ComplianceRow[]> {
  const { rules } = await loadComplianceRules();
  const rows = buildComplianceRows({
    members: await listMembers(scope), profiles: await listProfiles(scope), completions: await listCompletions(scope), rules, today: today(), dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  });
  return filterComplianceRows(rows, filter);
}

export const complianceRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/learn/profile', {
    config: { access: { permission: ['enrolment', 'read'] } },
    schema: { tags, summary: 'The caller\'s profession, jurisdiction, facility and license dates, with the professions to choose from' },
  }, async (request) => {
    const { professions } = await loadComplianceRules();
    return { profile: await readProfile(request.scope(), learnerOf(request).userId), professions };
  });

  app.put('/api/learn/profile', {
    config: { access: { permission: ['enrolment', 'update'] } },
    schema: { tags, summary: 'Record the caller\'s profession, jurisdiction, facility and license dates', body: ProfileBody },
  }, async (request) => ({ profile: await saveProfile(request.scope(), learnerOf(request).userId, request.body, await loadComplianceRules()) }));

  app.get('/api/learn/reminders', {
    config: { access: { permission: ['enrolment', 'read'] } },
    schema: { tags, summary: 'The caller\'s open training reminders' },
  }, async (request) => {
    const rows = await request.scope().selectFrom('learn_reminder').selectAll().where('user_id', '=', learnerOf(request).userId)
      .where('dismissed_at', 'is', null).orderBy('created_at', 'desc').execute();
    return {
      reminders: rows.map((r) => ({ id: r.id, ruleId: r.rule_id, status: r.status, dueDate: r.due_date, ...(JSON.parse(r.detail) as { code: string; reason: string }), createdAt: r.created_at })),
    };
  });

  app.post('/api/learn/reminders/:id/dismissal', {
    config: { access: { permission: ['enrolment', 'update'] } },
    schema: { tags, summary: 'Dismiss one of the caller\'s reminders', params: IdParams },
  }, async (request, reply) => {
    const result = await request.scope().updateTable('learn_reminder').set({ dismissed_at: new Date().toISOString() })
      .where('id', '=', request.params.id).where('user_id', '=', learnerOf(request).userId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('Reminder');
    return reply.code(204).send();
  });

  app.get('/api/learn/compliance', {
    config: { access: { permission: ['compliance', 'read'] } },
    schema: { tags, summary: 'Who is compliant, due soon or overdue under the state rules', querystring: ComplianceQuery },
  }, async (request) => {
    const scope = request.scope();
    const rows = await complianceRows(scope, request.query);
    await scope.audit({ action: 'read', resourceType: 'compliance' });
    const counts = { compliant: 0, 'due-soon': 0, overdue: 0, 'not-applicable': 0, 'no-profile': 0 };
    for (const row of rows) counts[row.status] += 1;
    return { today: today(), dueSoonDays: DEFAULT_DUE_SOON_DAYS, counts, rows };
  });

  app.get('/api/learn/compliance/export.csv', {
    config: { access: { permission: ['compliance', 'export'] } },
    schema: { tags, summary: 'The compliance view as CSV (spreadsheet-safe)', querystring: ComplianceQuery },
  }, async (request, reply) => {
    const scope = request.scope();
    const csv = complianceCsv(await complianceRows(scope, request.query), await facilityNames(scope));
    await scope.audit({ action: 'export', resourceType: 'compliance' });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="compliance-${today()}.csv"`).send(csv);
  });

  app.get('/api/learn/compliance/series', {
    config: { access: { permission: ['compliance', 'read'] } },
    schema: { tags, summary: 'Course completions per month (default: the last 12 months), for a chart', querystring: SeriesQuery },
  }, async (request) => {
    const scope = request.scope();
    const to = request.query.to ?? today();
    const from = request.query.from ?? addMonths(to, -11);
    let completions = await listCompletions(scope);
    if (request.query.facilityId || request.query.role) {
      const keep = new Set(filterComplianceRows(await complianceRows(scope, {}), request.query).map((r) => r.userId));
      completions = completions.filter((c) => keep.has(c.userId));
    }
    await scope.audit({ action: 'read', resourceType: 'compliance' });
    return { from, to, points: completionSeries(completions, from, to) };
  });
};
