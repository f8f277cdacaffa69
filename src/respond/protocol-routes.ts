/**
 * @module The protocol API: the active protocol, its published versions with who published each,
 * a diff between versions, and publishing — which requires the protocol's own test cases to pass.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { LanternError } from '../platform/http/errors.ts';
import { loadDefaultProtocol, protocolSchema, validateProtocol, type Protocol } from './protocol.ts';
import { parseProtocolCases, runProtocolCases, type ProtocolCaseSuite } from './protocol-cases.ts';
import type { ContentIssue } from '../platform/content/document.ts';
import { activeProtocol, listProtocolVersions, publishProtocolVersion, readProtocolVersion } from './protocol-store.ts';
import { diffProtocols } from './protocol-diff.ts';
import { organizationReference } from './jurisdiction-store.ts';
import { shippedScreeningEngine } from './protocol-test-command.ts';

const tags = ['respond'];
const SHIPPED = 'shipped';
const VersionId = Type.Union([Type.Literal(SHIPPED), Type.String({ format: 'uuid' })], { description: `a published version's id, or "${SHIPPED}" for Lantern's default` });

let shippedCases: ProtocolCaseSuite | undefined;
function defaultCases(): ProtocolCaseSuite {
  if (!shippedCases) {
    const parsed = parseProtocolCases(readFileSync(new URL('../../content/protocols/default.cases.yaml', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('content/protocols/default.cases.yaml is invalid');
    shippedCases = parsed.suite;
  }
  return shippedCases;
}

function issuesError(message: string, issues: ContentIssue[]): LanternError {
  const first = issues[0];
  return new LanternError('INVALID', `${message} ${first?.path || '/'}: ${first?.reason ?? ''}`.trim(), first?.path || undefined, {
    errors: issues.map((issue) => ({ field: issue.path || '/', message: issue.line ? `${issue.reason} (line ${issue.line})` : issue.reason })),
  });
}

export const protocolRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const engine = shippedScreeningEngine();

  async function versionOrShipped(scope: OrgScope, id: string): Promise<{ protocol: Protocol; cases: ProtocolCaseSuite }> {
    if (id === SHIPPED) return { protocol: loadDefaultProtocol(), cases: defaultCases() };
    const version = await readProtocolVersion(scope, id);
    return { protocol: version.protocol, cases: version.cases as ProtocolCaseSuite };
  }

  app.get('/api/protocols/schema', {
    config: { access: { permission: ['protocol', 'read'] } },
    schema: { tags, summary: 'The published JSON Schema of a protocol document' },
  }, async () => protocolSchema);

  app.get('/api/protocols/active', {
    config: { access: { permission: ['protocol', 'read'] } },
    schema: { tags, summary: 'The protocol new cases are evaluated with' },
  }, async (request) => {
    const scope = request.scope();
    const [versions, protocol] = await Promise.all([listProtocolVersions(scope), activeProtocol(scope)]);
    return { protocol, versionId: versions[0]?.id ?? SHIPPED };
  });

  app.get('/api/protocols/versions', {
    config: { access: { permission: ['protocol', 'read'] } },
    schema: { tags, summary: 'Published versions, newest first, with who published each' },
  }, async (request) => listProtocolVersions(request.scope()));

  app.get('/api/protocols/versions/:id', {
    config: { access: { permission: ['protocol', 'read'] } },
    schema: { tags, summary: `A published version with its test cases (id "${SHIPPED}" is Lantern's default)`, params: Type.Object({ id: VersionId }, { additionalProperties: false }) },
  }, async (request) => versionOrShipped(request.scope(), request.params.id));

  app.get('/api/protocols/diff', {
    config: { access: { permission: ['protocol', 'read'] } },
    schema: {
      tags, summary: 'What changed between two versions',
      querystring: Type.Object({ from: VersionId, to: VersionId }, { additionalProperties: false }),
    },
  }, async (request) => {
    const scope = request.scope();
    const [from, to] = await Promise.all([versionOrShipped(scope, request.query.from), versionOrShipped(scope, request.query.to)]);
    return diffProtocols(from.protocol, to.protocol);
  });

  app.post('/api/protocols/versions', {
    config: { access: { permission: ['protocol', 'create'] } },
    schema: {
      tags, summary: "Publish a new version; its test cases (or the current version's) must all pass",
      // Both documents are validated against their published JSON Schemas below, with paths.
      body: Type.Object({ protocol: Type.Object({}, { additionalProperties: true }), cases: Type.Optional(Type.Object({}, { additionalProperties: true })) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const scope = request.scope();
    const checked = validateProtocol(request.body.protocol);
    if (!checked.ok) throw issuesError('The protocol is not valid:', checked.issues);
    let cases: ProtocolCaseSuite;
    if (request.body.cases) {
      const parsed = parseProtocolCases(JSON.stringify(request.body.cases));
      if (!parsed.ok) throw issuesError('The test cases are not valid:', parsed.issues.map((i) => ({ ...i, path: `/cases${i.path}` })));
      cases = parsed.suite;
    } else {
      const versions = await listProtocolVersions(scope);
      cases = (await versionOrShipped(scope, versions[0]?.id ?? SHIPPED)).cases;
    }
    const result = runProtocolCases(cases, checked.protocol, await organizationReference(scope), engine);
    if (result.failed > 0) {
      const failing = result.cases.filter((c) => !c.passed);
      throw new LanternError('INVALID', `${result.failed} of ${result.total} test cases fail; the protocol was not published. First: "${failing[0]!.name}" — ${failing[0]!.failures[0]}`, 'cases', {
        errors: failing.map((c) => ({ field: `cases: ${c.name}`, message: c.failures.join('; ') })),
      });
    }
    const id = await publishProtocolVersion(scope, { protocol: checked.protocol, cases });
    return reply.code(201).send({ id, tests: { total: result.total, passed: result.passed } });
  });
};
