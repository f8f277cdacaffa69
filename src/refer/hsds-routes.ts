/**
 * @module The HSDS 3.0 read API at /hsds, as the specification's schema/openapi.json defines it,
 * so other HSDS tools can read Lantern's directory (API tokens with ['directory', 'read']).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { refuseInfiniteQuery } from './finite-query.ts';
import { notFound } from '../platform/http/errors.ts';
import { pageOrganizations, pageServiceAtLocations, pageServices, pageTaxonomyRows, readHsdsOrganization, readHsdsService, readTaxonomyRow } from './hsds-read.ts';

const tags = ['hsds'];
const access = { permission: ['directory', 'read'] as ['directory', 'read'] };
const paging = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  format: Type.Optional(Type.Literal('json')),
};
const search = Type.Optional(Type.String({ maxLength: 200 }));
const serviceFilters = {
  search,
  taxonomy_term_id: Type.Optional(Type.String()),
  taxonomy_id: Type.Optional(Type.String()),
  organization_id: Type.Optional(Type.String()),
  modified_after: Type.Optional(Type.String()),
  minimal: Type.Optional(Type.Boolean()),
  full: Type.Optional(Type.Boolean()),
  ...paging,
};
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const hsdsRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', refuseInfiniteQuery);

  app.get('/hsds/', { config: { access }, schema: { tags, summary: 'HSDS API root' } }, async (request) => ({
    version: '3.0',
    profile: 'https://openreferral.org/',
    openapi_url: `${request.protocol}://${request.host}/openapi.json`,
  }));

  app.get('/hsds/services', {
    config: { access },
    schema: { tags, summary: 'Services (HSDS 3.0)', querystring: Type.Object(serviceFilters, { additionalProperties: false }) },
  }, async (request) => pageServices(request.scope(), request.query));

  app.get('/hsds/services/:id', { config: { access }, schema: { tags, summary: 'A compiled service', params: IdParams } }, async (request) => {
    const document = await readHsdsService(request.scope(), request.params.id);
    if (!document) throw notFound(`Service ${request.params.id}`);
    return document;
  });

  app.get('/hsds/service_at_locations', {
    config: { access },
    schema: {
      tags, summary: 'Services at locations, optionally near a postcode (proximity in metres)',
      querystring: Type.Object({ ...serviceFilters, postcode: Type.Optional(Type.String({ maxLength: 10 })), proximity: Type.Optional(Type.String({ maxLength: 12 })) }, { additionalProperties: false }),
    },
  }, async (request) => pageServiceAtLocations(request.scope(), request.query));

  app.get('/hsds/organizations', {
    config: { access },
    schema: { tags, summary: 'Organizations', querystring: Type.Object({ search, full: Type.Optional(Type.Boolean()), full_service: Type.Optional(Type.Boolean()), ...paging }, { additionalProperties: false }) },
  }, async (request) => pageOrganizations(request.scope(), request.query));

  app.get('/hsds/organizations/:id', {
    config: { access },
    schema: { tags, summary: 'A compiled organization', params: IdParams, querystring: Type.Object({ full_service: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) },
  }, async (request) => {
    const document = await readHsdsOrganization(request.scope(), request.params.id, { fullService: request.query.full_service === true });
    if (!document) throw notFound(`Organization ${request.params.id}`);
    return document;
  });

  app.get('/hsds/taxonomies', {
    config: { access },
    schema: { tags, summary: 'Taxonomies', querystring: Type.Object({ search, ...paging }, { additionalProperties: false }) },
  }, async (request) => pageTaxonomyRows(request.scope(), 'taxonomy', request.query));

  app.get('/hsds/taxonomies/:id', { config: { access }, schema: { tags, summary: 'A taxonomy', params: IdParams } }, async (request) => {
    const row = await readTaxonomyRow(request.scope(), 'taxonomy', request.params.id);
    if (!row) throw notFound(`Taxonomy ${request.params.id}`);
    return row;
  });

  app.get('/hsds/taxonomy_terms', {
    config: { access },
    schema: {
      tags, summary: 'Taxonomy terms',
      querystring: Type.Object({ search, taxonomy_id: Type.Optional(Type.String()), parent_id: Type.Optional(Type.String()), top_only: Type.Optional(Type.Boolean()), ...paging }, { additionalProperties: false }),
    },
  }, async (request) => pageTaxonomyRows(request.scope(), 'taxonomy_term', request.query));

  app.get('/hsds/taxonomy_terms/:id', { config: { access }, schema: { tags, summary: 'A taxonomy term', params: IdParams } }, async (request) => {
    const row = await readTaxonomyRow(request.scope(), 'taxonomy_term', request.params.id);
    if (!row) throw notFound(`Taxonomy term ${request.params.id}`);
    return row;
  });
};
