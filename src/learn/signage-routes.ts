/**
 * @module Signage under `/api/learn/signage`: the state rules with a workplace sign duty, the sign
 * for one rule as a PDF, and a wallet-size hotline card in any shipped language. The hotline's
 * numbers come from content/jurisdictions/national-routes.yaml; the rule's size and languages
 * from content/compliance/rules.yaml. Mount with `app.register(signageRoutes, { platform })`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { notFound } from '../platform/http/errors.ts';
import { locales, matchLocale } from '../platform/i18n/catalogs.ts';
import { loadShippedReference, type NationalRoutes } from '../respond/jurisdictions.ts';
import { loadComplianceRules, type ComplianceRulesFile } from './compliance-rules.ts';
import { renderHotlineCard, renderWorkplaceSign, signageDutyOf } from './signage-pdf.ts';

const tags = ['learn'];
const RuleParams = Type.Object({ ruleId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100 }) }, { additionalProperties: false });
const CardQuery = Type.Object({ lang: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })) }, { additionalProperties: false });

export interface SignageRouteOptions {
  platform?: Platform;
  /** The national routes (default: the shipped data). */
  national?: () => NationalRoutes;
  /** The compliance rules (default: the shipped file). */
  rules?: () => Promise<ComplianceRulesFile>;
}

/** Lists the rules that carry a sign duty, with the duty. */
export function signRules(rules: ComplianceRulesFile): { ruleId: string; jurisdiction: string; title: string; law: string; minWidthInches: number; minHeightInches: number; minFontPoints: number; languages: string[]; statutoryText: 'confirmed' | 'unconfirmed' | 'none' }[] {
  return rules.rules.flatMap((rule) => {
    try {
      const { statutoryText, ...duty } = signageDutyOf(rule.signage);
      return [{ ruleId: rule.id, jurisdiction: rule.jurisdiction, title: rule.title, law: rule.law, ...duty, statutoryText: statutoryText?.status ?? 'none' }];
    } catch {
      return [];
    }
  });
}

export const signageRoutes: FastifyPluginAsync<SignageRouteOptions> = async (base, options) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const national = options.national ?? (() => loadShippedReference().national);
  const rules = options.rules ?? (() => loadComplianceRules());

  app.get('/api/learn/signage', {
    config: { access: { permission: ['course', 'read'] } },
    schema: { tags, summary: 'State rules with a workplace sign duty, and the languages a hotline card can be printed in' },
  }, async () => ({ signs: signRules(await rules()), cardLanguages: [...locales] }));

  app.get('/api/learn/signage/signs/:ruleId', {
    config: { access: { permission: ['course', 'read'] } },
    schema: { tags, summary: 'The print-ready workplace sign a rule requires (PDF)', params: RuleParams },
  }, async (request, reply) => {
    const rule = (await rules()).rules.find((r) => r.id === request.params.ruleId);
    if (!rule) throw notFound('Rule');
    const pdf = await renderWorkplaceSign(national(), signageDutyOf(rule.signage), rule);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="sign-${rule.id}.pdf"`).send(pdf);
  });

  app.get('/api/learn/signage/card', {
    config: { access: { permission: ['course', 'read'] } },
    schema: { tags, summary: 'A wallet-size hotline card (PDF) in a shipped language', querystring: CardQuery },
  }, async (request, reply) => {
    const language = matchLocale([request.query.lang ?? 'en']);
    const pdf = await renderHotlineCard(national(), language);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="hotline-card-${language}.pdf"`).send(pdf);
  });
};
