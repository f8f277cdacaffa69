/**
 * @module Admin settings for Learn's outside services under `/api/learn/integrations`: the learning
 * record store that receives xAPI statements and the SMTP server for reminder email. Reads and
 * changes are audited; passwords are write-only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { OrgScope } from '../platform/db/scope.ts';
import {
  describeLrsSettings, describeSmtpSettings, removeLrsSettings, removeSmtpSettings, saveLrsSettings, saveSmtpSettings,
} from './integration-settings.ts';

const tags = ['learn'];
// No control characters: PostgreSQL refuses NUL, and none belongs in a URL, user name or secret.
const printable = '^[^\\u0000-\\u001F\\u007F]*$';

const LrsBody = Type.Object({
  endpoint: Type.String({ minLength: 1, maxLength: 500, pattern: printable, description: 'The LRS xAPI endpoint; https:// (plain http only on loopback)' }),
  username: Type.String({ minLength: 1, maxLength: 200, pattern: printable, description: 'Basic auth key / user name' }),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: printable, description: 'Basic auth secret; leave out to keep the saved one' })),
  enabled: Type.Boolean(),
}, { additionalProperties: false });

const SmtpBody = Type.Object({
  host: Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.-]+$|^\\[[0-9A-Fa-f:.]+\\]$' }),
  port: Type.Integer({ minimum: 1, maximum: 65535 }),
  secure: Type.Boolean({ description: 'true: TLS from the start (usually port 465); false: STARTTLS when offered (587, 25)' }),
  username: Type.Optional(Type.String({ maxLength: 200, pattern: printable })),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: printable, description: 'leave out to keep the saved one' })),
  from: Type.String({ format: 'email', maxLength: 254, description: 'The sender address reminders come from' }),
}, { additionalProperties: false });

const LrsView = Type.Object({
  endpoint: Type.String(), username: Type.String(), enabled: Type.Boolean(), deliveredCount: Type.Integer(), failedCount: Type.Integer(),
  lastFailure: Type.Union([Type.String(), Type.Null()]), lastFailureAt: Type.Union([Type.String(), Type.Null()]), pending: Type.Integer(),
});
const SmtpView = Type.Object({
  host: Type.String(), port: Type.Integer(), secure: Type.Boolean(), username: Type.Union([Type.String(), Type.Null()]), hasPassword: Type.Boolean(),
  from: Type.String(), failedCount: Type.Integer(),
});
const IntegrationsReply = Type.Object({ lrs: Type.Union([LrsView, Type.Null()]), smtp: Type.Union([SmtpView, Type.Null()]) });

export const integrationRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  const describe = async (scope: OrgScope) => ({
    lrs: await describeLrsSettings(scope), smtp: await describeSmtpSettings(scope),
  });

  app.get('/api/learn/integrations', {
    config: { access: { permission: ['organization', 'read'] } },
    schema: { tags, summary: 'The learning record store (xAPI) and SMTP settings, without passwords', response: { 200: IntegrationsReply } },
  }, async (request) => {
    const scope = request.scope();
    await scope.audit({ action: 'read', resourceType: 'learn-integrations', resourceId: scope.organizationId });
    return describe(scope);
  });

  app.put('/api/learn/integrations/lrs', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Send xAPI statements to a learning record store', body: LrsBody, response: { 200: IntegrationsReply } },
  }, async (request) => {
    const scope = request.scope();
    await saveLrsSettings(scope, request.body);
    return describe(scope);
  });

  app.delete('/api/learn/integrations/lrs', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Stop sending xAPI statements and drop those waiting' },
  }, async (request, reply) => {
    await removeLrsSettings(request.scope());
    return reply.code(204).send();
  });

  app.put('/api/learn/integrations/smtp', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Send reminder email through this SMTP server', body: SmtpBody, response: { 200: IntegrationsReply } },
  }, async (request) => {
    const scope = request.scope();
    await saveSmtpSettings(scope, request.body);
    return describe(scope);
  });

  app.delete('/api/learn/integrations/smtp', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Turn reminder email off' },
  }, async (request, reply) => {
    await removeSmtpSettings(request.scope());
    return reply.code(204).send();
  });
};
