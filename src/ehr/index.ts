/**
 * @module EHR integration: the CDS Hooks service (and, next, the SMART App Launch app).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Capability } from '../platform/http/app.ts';
import type { Platform } from '../platform/services.ts';
import { cdsRoutes } from './cds-routes.ts';
import { cdsClientRoutes } from './cds-client-routes.ts';

const ehrPlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(cdsRoutes, options);
  await app.register(cdsClientRoutes, options);
};

export const ehr: Capability = { name: 'ehr', plugin: ehrPlugin };
