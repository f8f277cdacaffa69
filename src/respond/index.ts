/**
 * @module Respond: the facility's protocol as data, jurisdictions, documentation help and cases.
 * This plugin is all the rest of Lantern imports from this folder (plus the case functions other
 * capabilities record timeline events with).
 */
import './data-protection.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform/services.ts';
import type { Capability } from '../platform/http/app.ts';
import { caseRoutes } from './case-routes.ts';
import { caseAssigneeRoutes } from './case-assignees.ts';
import { jurisdictionRoutes } from './jurisdiction-routes.ts';
import { caseFhirResources, caseFhirRoutes } from './case-fhir-routes.ts';
import { protocolRoutes } from './protocol-routes.ts';
import { statisticsRoutes } from './statistics-routes.ts';

export { recordCaseEvent, readCase } from './case-store.ts';

const respondPlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(caseRoutes, options);
  await app.register(caseAssigneeRoutes, options);
  await app.register(jurisdictionRoutes, options);
  await app.register(caseFhirRoutes, options);
  await app.register(protocolRoutes, options);
  await app.register(statisticsRoutes, options);
};

export const respond: Capability = {
  name: 'respond',
  plugin: respondPlugin,
  fhirResources: caseFhirResources,
};
