/**
 * @module Recognize as a capability the server mounts: its FHIR routes and what it declares in the
 * CapabilityStatement.
 */
import './data-protection.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { Capability } from '../platform/http/app.ts';
import type { Platform } from '../platform/services.ts';
import { recognizeFhirResources, recognizeFhirRoutes } from './fhir-routes.ts';
import { screeningOutcomeRoutes } from './outcome-routes.ts';

const recognizePlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(recognizeFhirRoutes, options);
  await app.register(screeningOutcomeRoutes, options);
};

export const recognize: Capability = { name: 'recognize', plugin: recognizePlugin, fhirResources: recognizeFhirResources };
