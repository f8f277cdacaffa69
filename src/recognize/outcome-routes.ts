/**
 * @module Screens that did not happen are results too: `POST /api/screenings/outcomes` records that a
 * screen was not safe to run now (the privacy gate said no) or that the patient declined. The record
 * is de-identified (no patient, no answers): an audit event and a monthly counter per facility, so a
 * program can see how often the gate stops a screen without anyone learning about whom.
 *
 * `GET /welcome` is the neutral page the patient self-screen's quick exit replaces itself with: it
 * names neither Lantern nor screening, and sets nothing on the device.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Platform } from '../platform/services.ts';

export const ScreeningOutcomeBody = Type.Object({
  outcome: Type.Union([Type.Literal('not-safe-to-screen'), Type.Literal('declined')]),
  /** The instrument that would have been used (its id), when one was chosen. */
  instrument: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' })),
  /** Why the gate stopped the screen (codes from the privacy gate; never free text). */
  reasons: Type.Optional(Type.Array(Type.Union([
    Type.Literal('not-alone'), Type.Literal('interpreter-need-unknown'), Type.Literal('interpreter-unavailable'),
    Type.Literal('confidentiality-not-explained'), Type.Literal('not-safe-to-talk'),
  ]), { maxItems: 5, uniqueItems: true })),
  mode: Type.Optional(Type.Union([Type.Literal('clinician'), Type.Literal('self')])),
}, { additionalProperties: false });
export type ScreeningOutcomeBody = Static<typeof ScreeningOutcomeBody>;

const RecordedOutcome = Type.Object({
  id: Type.String(),
  outcome: Type.String(),
  recordedAt: Type.String(),
}, { additionalProperties: false });

const NEUTRAL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Welcome</title><link rel="icon" href="data:,">
<style>body{font:1.25rem/1.6 system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#1f2933;background:#f7f9fb}main{max-width:36rem;margin:auto}</style>
</head><body><main><h1>Welcome</h1><p>Please take a seat. A member of staff will be with you soon.</p>
<p lang="es">Bienvenido. Por favor, tome asiento. Alguien del personal le atenderá pronto.</p></main></body></html>`;

export const screeningOutcomeRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/screenings/outcomes', {
    config: { access: { permission: ['screening', 'create'] } },
    schema: {
      tags: ['recognize'], summary: 'Record, de-identified, that a screen was not safe to run or was declined',
      body: ScreeningOutcomeBody, response: { 201: RecordedOutcome },
    },
  }, async (request, reply) => {
    const { outcome, instrument, mode } = request.body;
    const id = randomUUID();
    const facilityId = request.principal?.facilityId ?? null;
    await request.scope().transaction(async (tx) => {
      await tx.audit({ action: 'create', resourceType: 'screening-outcome', resourceId: id, purpose: 'treatment' });
      await tx.count({ facilityId, metric: `screening.${outcome}`, dimension: `${instrument ?? 'none'}:${mode ?? 'clinician'}` });
    });
    return reply.code(201).send({ id, outcome, recordedAt: new Date().toISOString() });
  });

  app.get('/welcome', {
    config: { access: 'public' },
    schema: { hide: true },
  }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NEUTRAL_PAGE));
};
