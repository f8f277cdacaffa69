/**
 * @module Refer: the HSDS 3.0 resource directory (import, export, search, listings, the HSDS read
 * API). This plugin, and the functions re-exported here, are what the rest of Lantern imports.
 */
import './tables.ts';
import './search-derived.ts';
import './demo-directory.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform/services.ts';
import type { Capability } from '../platform/http/app.ts';
import { directoryRoutes } from './directory-routes.ts';
import { hsdsRoutes } from './hsds-routes.ts';
import { referralFhirResources, referralRoutes } from './referral-routes.ts';

export { searchDirectory, buildSearchQuery, compileSearchQuery, listTimeZones, type DirectorySearch, type SearchResult, type SearchHit } from './search.ts';
export { readServiceDocument } from './store-listing.ts';
export { importPath } from './directory-import.ts';
export { importDirectory } from './store-import.ts';

const referPlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(directoryRoutes, options);
  await app.register(hsdsRoutes, options);
  await app.register(referralRoutes, options);
};

export const refer: Capability = { name: 'refer', plugin: referPlugin, fhirResources: referralFhirResources };
