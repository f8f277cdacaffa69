/**
 * @module The admin API: `/api/users`, `/api/api-tokens`, `/api/organization`. Each route names its
 * permission from the one policy table; each handler runs one transaction with the caller's
 * organization scope, so the change and its audit event land together.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../services.ts';
import { inAdminTransaction } from './admin-scope.ts';
import { addMember, listMembers, updateMember } from './user-admin.ts';
import { issueApiToken, listApiTokens, revokeApiToken } from './token-admin.ts';
import { readOrganization, setRetention } from './organization-admin.ts';
import { removeSsoProvider, saveSsoProvider } from './sso-provider.ts';
import {
  ApiTokenReply, CreateApiTokenBody, CreateUserBody, IdParams, OrganizationReply, RetentionBody, SsoConfigBody, UpdateUserBody, UserReply,
} from './schemas.ts';

export const adminRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/users', {
    config: { access: { permission: ['user', 'read'] } },
    schema: { tags: ['admin'], summary: 'People in the organization', response: { 200: Type.Array(UserReply) } },
  }, (request) => inAdminTransaction(platform, request, async (scope) => {
    await scope.audit({ action: 'read', resourceType: 'user' });
    return listMembers(scope);
  }));

  app.post('/api/users', {
    config: { access: { permission: ['user', 'create'] } },
    schema: { tags: ['admin'], summary: 'Add a person', body: CreateUserBody, response: { 201: UserReply } },
  }, async (request, reply) => {
    const user = await inAdminTransaction(platform, request, (scope, tx) => addMember(scope, tx, request.body));
    return reply.code(201).send(user);
  });

  app.patch('/api/users/:id', {
    config: { access: { permission: ['user', 'update'] } },
    schema: { tags: ['admin'], summary: 'Change roles, disable or unlock a person', params: IdParams, body: UpdateUserBody, response: { 200: UserReply } },
  }, (request) => inAdminTransaction(platform, request, (scope, tx) => updateMember(scope, tx, request.params.id, request.body)));

  app.get('/api/api-tokens', {
    config: { access: { permission: ['api-token', 'read'] } },
    schema: { tags: ['admin'], summary: 'API tokens of the organization', response: { 200: Type.Array(ApiTokenReply) } },
  }, (request) => inAdminTransaction(platform, request, async (scope) => {
    await scope.audit({ action: 'read', resourceType: 'api-token' });
    return listApiTokens(scope);
  }));

  app.post('/api/api-tokens', {
    config: { access: { permission: ['api-token', 'create'] } },
    schema: {
      tags: ['admin'], summary: 'Issue an API token (shown once)', body: CreateApiTokenBody,
      response: { 201: Type.Object({ id: Type.String(), token: Type.String() }) },
    },
  }, async (request, reply) => {
    const issued = await inAdminTransaction(platform, request, (scope, tx) => issueApiToken(scope, tx, request.body));
    return reply.code(201).send(issued);
  });

  app.delete('/api/api-tokens/:id', {
    config: { access: { permission: ['api-token', 'delete'] } },
    schema: { tags: ['admin'], summary: 'Revoke an API token', params: IdParams },
  }, async (request, reply) => {
    await inAdminTransaction(platform, request, (scope) => revokeApiToken(scope, request.params.id));
    return reply.code(204).send();
  });

  app.get('/api/organization', {
    config: { access: { permission: ['organization', 'read'] } },
    schema: { tags: ['admin'], summary: 'The organization and its settings', response: { 200: OrganizationReply } },
  }, (request) => inAdminTransaction(platform, request, async (scope, tx) => {
    await scope.audit({ action: 'read', resourceType: 'organization', resourceId: scope.organizationId });
    return readOrganization(scope, tx);
  }));

  app.put('/api/organization/retention', {
    config: { access: { permission: ['retention', 'update'] } },
    schema: { tags: ['admin'], summary: 'Set the retention period for protected data', body: RetentionBody, response: { 200: OrganizationReply } },
  }, (request) => inAdminTransaction(platform, request, (scope, tx) => setRetention(scope, tx, request.body.retentionDays)));

  app.put('/api/organization/sso', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags: ['admin'], summary: 'Configure single sign-on (OpenID Connect)', body: SsoConfigBody, response: { 200: OrganizationReply } },
  }, (request) => inAdminTransaction(platform, request, async (scope, tx) => {
    await saveSsoProvider(scope, request.body);
    await scope.audit({ action: 'update', resourceType: 'sso-provider', resourceId: scope.organizationId });
    return readOrganization(scope, tx);
  }));

  app.delete('/api/organization/sso', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags: ['admin'], summary: 'Turn single sign-on off' },
  }, async (request, reply) => {
    await inAdminTransaction(platform, request, async (scope) => {
      if (await removeSsoProvider(scope)) {
        await scope.audit({ action: 'delete', resourceType: 'sso-provider', resourceId: scope.organizationId });
      }
    });
    return reply.code(204).send();
  });
};
