/**
 * @module `GET /api/statistics` and `GET /api/statistics.csv`: the program dashboard's data.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { readStatistics, statisticsCsv } from './statistics.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const StatisticsQuery = Type.Object({
  from: Type.Optional(Month),
  to: Type.Optional(Month),
  facilityId: Type.Optional(Type.String({ format: 'uuid' })),
  metric: Type.Optional(Type.String({ pattern: '^[a-z.-]{1,60}$', description: 'metric prefix, e.g. "screening." or "case."' })),
}, { additionalProperties: false });

export const statisticsRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/statistics', {
    config: { access: { permission: ['statistics', 'read'] } },
    schema: { tags: ['respond'], summary: 'De-identified monthly counts, small counts shown as "<11"', querystring: StatisticsQuery },
  }, async (request) => {
    const { metric, ...range } = request.query;
    return readStatistics(request.scope(), { ...range, ...(metric ? { metricPrefix: metric } : {}) });
  });

  app.get('/api/statistics.csv', {
    config: { access: { permission: ['statistics', 'export'] } },
    schema: { tags: ['respond'], summary: 'The same counts as CSV', querystring: StatisticsQuery },
  }, async (request, reply) => {
    const scope = request.scope();
    const { metric, ...range } = request.query;
    const rows = await readStatistics(scope, { ...range, ...(metric ? { metricPrefix: metric } : {}) });
    const facilities = await scope.selectFrom('platform_facility').select(['id', 'name']).execute();
    await scope.audit({ action: 'export', resourceType: 'statistics', purpose: 'operations' });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="lantern-statistics.csv"')
      .send(statisticsCsv(rows, new Map(facilities.map((f) => [f.id, f.name]))));
  });
};
