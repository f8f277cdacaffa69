/**
 * @module EHR integration: the CDS Hooks service and the SMART App Launch app's registrations (the app's pages are in ui/).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Capability } from '../platform/http/app.ts';
import type { Platform } from '../platform/services.ts';
import { cdsRoutes } from './cds-routes.ts';
import { cdsClientRoutes } from './cds-client-routes.ts';
import { smartClientRoutes } from './smart-client-routes.ts';
import { smartPageRoutes } from './smart-page-routes.ts';

const ehrPlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(cdsRoutes, options);
  await app.register(cdsClientRoutes, options);
  await app.register(smartClientRoutes, options);
  await app.register(smartPageRoutes, options);
};

export const ehr: Capability = { name: 'ehr', plugin: ehrPlugin };
