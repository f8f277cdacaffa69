/**
 * @module The directory REST API: `GET /api/directory/search` (search with pinned national
 * routes), `GET /api/directory/services/{id}` (one listing as a compiled HSDS service), and
 * for program leads the listings to edit (`GET /api/directory/listings[/{id}]`, confidential
 * addresses included, that read audited) and listing edits (`POST`, `PUT`,
 * `DELETE /api/directory/services/{id}`), each change audited in its transaction.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { refuseInfiniteQuery } from './finite-query.ts';
import { notFound } from '../platform/http/errors.ts';
import { searchDirectory, type DirectorySearch } from './search.ts';
import { deleteListing, listListings, readListingForEditing, readServiceDocument, saveListing } from './store-listing.ts';

const tags = ['directory'];

export const SearchQuery = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 100, description: 'Taxonomy term id, or a code of Lantern\'s taxonomy (emergency-shelter)' })),
  language: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$' })),
  age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  gender: Type.Optional(Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('nonbinary')])),
  minors: Type.Optional(Type.Boolean()),
  free: Type.Optional(Type.Boolean()),
  openNow: Type.Optional(Type.Boolean()),
  /** ISO date-time to evaluate "open" at instead of now (for a planned visit, and for tests). */
  openAt: Type.Optional(Type.String({ format: 'date-time' })),
  latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  postalCode: Type.Optional(Type.String({ pattern: '^\\d{5}(-\\d{4})?$' })),
  radiusKm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
}, { additionalProperties: false });

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()]);
// The response schema names every field that leaves: nothing else is serialized.
export const SearchReply = Type.Object({
  pinned: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), purpose: Type.String(), phone: Type.String(),
    text: Type.Union([Type.Object({ number: Type.String(), keywords: Type.Array(Type.String()) }), Type.Null()]),
    web: Nullable(Type.String()), hours: Nullable(Type.String()),
  })),
  results: Type.Array(Type.Object({
    serviceId: Type.String(), serviceAtLocationId: Nullable(Type.String()), name: Type.String(), organizationName: Type.String(),
    description: Type.String(), categories: Type.Array(Type.String()), languages: Type.Array(Type.String()), populations: Type.Array(Type.String()),
    minAge: Nullable(Type.Number()), maxAge: Nullable(Type.Number()), minors: Type.Boolean(), free: Type.Boolean(), confidential: Type.Boolean(),
    latitude: Nullable(Type.Number()), longitude: Nullable(Type.Number()), timeZone: Type.String(),
    distanceKm: Nullable(Type.Number()), relevance: Nullable(Type.Number()),
    phone: Nullable(Type.String()), address: Nullable(Type.String()), openNow: Type.Union([Type.Boolean(), Type.Null()]),
  })),
  hasMore: Type.Boolean(),
});

const ListingsQuery = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
}, { additionalProperties: false });
const ListingsReply = Type.Object({
  listings: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), organizationName: Type.String(), confidential: Type.Boolean() })),
  hasMore: Type.Boolean(),
});

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
// The HSDS document itself is checked against the HSDS service schema (with paths) by saveListing.
const ListingBody = Type.Object({ service: Type.Object({}, { additionalProperties: true }) }, { additionalProperties: false });

/** Turns the HTTP query into a search. */
export function toDirectorySearch(query: Static<typeof SearchQuery>, now: Date = new Date()): DirectorySearch {
  const near = query.latitude !== undefined && query.longitude !== undefined ? { latitude: query.latitude, longitude: query.longitude } : undefined;
  const openAt = query.openAt !== undefined ? new Date(query.openAt) : query.openNow ? now : undefined;
  return {
    text: query.text, category: query.category, language: query.language, age: query.age, gender: query.gender,
    minors: query.minors, free: query.free, openAt, near, postalCode: query.postalCode, radiusKm: query.radiusKm,
    limit: query.limit, offset: query.offset,
  };
}

export const directoryRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', refuseInfiniteQuery);

  app.get('/api/directory/search', {
    config: { access: { permission: ['directory', 'read'] } },
    schema: { tags, summary: 'Search the directory; the national hotline and the CyberTipline come first, always', querystring: SearchQuery, response: { 200: SearchReply } },
  }, async (request) => searchDirectory(request.scope(), toDirectorySearch(request.query)));

  app.get('/api/directory/listings', {
    config: { access: { permission: ['directory', 'update'] } },
    schema: { tags, summary: 'The organization\'s listings by name, for editing', querystring: ListingsQuery, response: { 200: ListingsReply } },
  }, async (request) => listListings(request.scope(), { text: request.query.text, limit: request.query.limit ?? 25, offset: request.query.offset ?? 0 }));

  app.get('/api/directory/listings/:id', {
    config: { access: { permission: ['directory', 'update'] } },
    schema: { tags, summary: 'One listing whole, for its editor: confidential addresses included, the read audited', params: IdParams },
  }, async (request) => {
    const document = await readListingForEditing(request.scope(), request.params.id);
    if (!document) throw notFound(`Service ${request.params.id}`);
    return document;
  });

  app.get('/api/directory/services/:id', {
    config: { access: { permission: ['directory', 'read'] } },
    schema: { tags, summary: 'One listing as a compiled HSDS 3.0 service (confidential addresses withheld)', params: IdParams },
  }, async (request) => {
    const document = await readServiceDocument(request.scope(), request.params.id);
    if (!document) throw notFound(`Service ${request.params.id}`);
    return document;
  });

  app.post('/api/directory/services', {
    config: { access: { permission: ['directory', 'create'] } },
    schema: { tags, summary: 'Add a listing (an HSDS 3.0 service document, nested records included)', body: ListingBody },
  }, async (request, reply) => reply.code(201).send(await saveListing(request.scope(), request.body.service, 'create')));

  app.put('/api/directory/services/:id', {
    config: { access: { permission: ['directory', 'update'] } },
    schema: { tags, summary: 'Replace a listing', params: IdParams, body: ListingBody },
  }, async (request) => saveListing(request.scope(), request.body.service, { update: request.params.id }));

  app.delete('/api/directory/services/:id', {
    config: { access: { permission: ['directory', 'delete'] } },
    schema: { tags, summary: 'Remove a listing', params: IdParams },
  }, async (request, reply) => {
    await deleteListing(request.scope(), request.params.id);
    return reply.code(204).send();
  });
};
