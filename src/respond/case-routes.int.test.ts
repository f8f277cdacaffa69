import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { fhirSchemaErrors, fhirStructureErrors } from '../../test/support/fhir-validation.ts';

describe('case API', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    other = await givenOrganization(lantern.platform.data.db, 'Other');
  });
  afterAll(async () => { await lantern.close(); });

  const openYouthCase = () => lantern.app.inject({
    method: 'POST', url: '/api/cases', headers: bearer(org.users.clinician.token),
    payload: {
      source: 'screen',
      context: { ageYears: 16, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true, immediateDanger: false, jurisdiction: 'US-TX', setting: 'emergency', choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false } },
    },
  });

  test('a positive youth screen opens a case whose timeline reports to child protection and offers the hotline', async () => {
    const res = await openYouthCase();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const codes = body.actions.map((a: { code: string }) => a.code);
    expect(codes).toContain('report-child-protection');
    expect(codes).toContain('offer-hotline');
    expect(codes).not.toContain('law-enforcement-with-consent');
    const report = body.actions.find((a: { code: string }) => a.code === 'report-child-protection');
    expect(report.recommendation.contact.kind).toBe('child-protection');
    expect(report.recommendation.contact.jurisdiction.code).toBe('US-TX');
  });

  test('a clinician works the timeline and prints a handoff without sensitive notes', async () => {
    const opened = (await openYouthCase()).json();
    const first = opened.actions[0];
    const done = await lantern.app.inject({ method: 'POST', url: `/api/cases/${opened.id}/actions/${first.id}`, headers: bearer(org.users.clinician.token), payload: { status: 'done' } });
    expect(done.statusCode).toBe(200);
    expect(done.json().actions[0].status).toBe('done');
    await lantern.app.inject({ method: 'POST', url: `/api/cases/${opened.id}/notes`, headers: bearer(org.users.clinician.token), payload: { body: 'sensitive-marker', sensitive: true } });
    const noted = await lantern.app.inject({ method: 'POST', url: `/api/cases/${opened.id}/notes`, headers: bearer(org.users.clinician.token), payload: { body: 'shareable-marker', sensitive: false } });
    const notes = noted.json().notes as { id: string; body: string }[];
    const handoff = await lantern.app.inject({ method: 'GET', url: `/api/cases/${opened.id}/handoff?${notes.map((n) => `notes=${n.id}`).join('&')}`, headers: bearer(org.users.clinician.token) });
    expect(handoff.statusCode).toBe(200);
    expect(handoff.body).toContain('shareable-marker');
    expect(handoff.body).not.toContain('sensitive-marker');
  });

  test('unknown fields, a learner, and another organization are refused', async () => {
    const extra = await lantern.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(org.users.clinician.token), payload: { source: 'screen', context: { screen: 'positive' }, name: 'Jane' } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ code: 'INVALID', field: 'name' });
    const learner = await lantern.app.inject({ method: 'GET', url: '/api/cases', headers: bearer(org.users.learner.token) });
    expect(learner.statusCode).toBe(403);
    const opened = (await openYouthCase()).json();
    const foreign = await lantern.app.inject({ method: 'GET', url: `/api/cases/${opened.id}`, headers: bearer(other.users['program-lead'].token) });
    expect(foreign.statusCode).toBe(404);
  });

  test('documentation help suggests the confirmed child code and keeps the hotline out of portal-safe text', async () => {
    const opened = (await openYouthCase()).json();
    const res = await lantern.app.inject({
      method: 'POST', url: `/api/cases/${opened.id}/documentation`, headers: bearer(org.users.clinician.token),
      payload: { finding: { status: 'confirmed', type: 'sex', encounterType: 'initial' }, objectiveFindings: ['Bruising on left forearm'] },
    });
    expect(res.statusCode).toBe(200);
    const { coding, draft } = res.json();
    expect(coding.codes.map((c: { code: string }) => c.code)).toEqual(['T74.52XA']);
    const portal = JSON.stringify(draft.portalSafe);
    expect(portal).toContain('Bruising on left forearm');
    expect(portal).not.toMatch(/888|373|7888|233733|hotline/i);
  });

  test("documentation help is drafted in the user's language, and the portal-safe part stays free of hotline and safety-plan text", async () => {
    const opened = (await openYouthCase()).json();
    const ask = () => lantern.app.inject({
      method: 'POST', url: `/api/cases/${opened.id}/documentation`, headers: bearer(org.users.clinician.token),
      payload: { finding: { status: 'confirmed', type: 'sex', encounterType: 'initial' }, objectiveFindings: ['Hematomas en el antebrazo izquierdo'] },
    });
    const english = (await ask()).json();
    const db = lantern.platform.data.db;
    await db.updateTable('platform_user').set({ locale: 'es' }).where('id', '=', org.users.clinician.id).execute();
    try {
      const res = await ask();
      expect(res.statusCode).toBe(200);
      const { coding, draft } = res.json();
      expect(draft.portalSafe.map((s: { title: string }) => s.title)).toEqual(['Hallazgos objetivos', 'Palabras del propio paciente']);
      expect(draft.sensitive.map((s: { title: string }) => s.title)).toContain('Plan de seguridad y recursos entregados');
      expect(coding.codes).toEqual([expect.objectContaining({ code: 'T74.52XA', display: english.coding.codes[0].display, reason: 'Explotación sexual confirmada de un menor.' })]);
      expect(coding.notes[0]).toMatch(/^Los códigos de diagnóstico/);
      for (const { portalSafe } of [draft, english.draft]) {
        const portal = JSON.stringify(portalSafe);
        expect(portal).not.toMatch(/888|373|7888|233733|hotline|l[ií]nea de ayuda|safety plan|plan de seguridad/i);
      }
      expect(JSON.stringify(english.draft.sensitive)).toMatch(/Safety plan and resources given/);
    } finally {
      await db.updateTable('platform_user').set({ locale: 'en' }).where('id', '=', org.users.clinician.id).execute();
    }
  });

  test('the actions of a case are served as FHIR Tasks that validate under the R4 schema', async () => {
    const opened = (await openYouthCase()).json();
    await lantern.app.inject({ method: 'POST', url: `/api/cases/${opened.id}/actions/${opened.actions[1].id}`, headers: bearer(org.users.clinician.token), payload: { status: 'skipped', reason: 'Not safe today' } });
    const search = await lantern.app.inject({ method: 'GET', url: `/fhir/Task?group-identifier=${opened.pseudonym}`, headers: bearer(org.users.clinician.token) });
    expect(search.statusCode).toBe(200);
    expect(search.headers['content-type']).toContain('application/fhir+json');
    const bundle = search.json();
    expect(bundle.entry).toHaveLength(opened.actions.length);
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(fhirStructureErrors(bundle)).toEqual([]);
    const read = await lantern.app.inject({ method: 'GET', url: `/fhir/Task/${opened.actions[1].id}`, headers: bearer(org.users.clinician.token) });
    expect(read.json()).toMatchObject({ resourceType: 'Task', status: 'cancelled', statusReason: { text: 'Not safe today' }, groupIdentifier: { value: opened.pseudonym } });
    const foreign = await lantern.app.inject({ method: 'GET', url: `/fhir/Task/${opened.actions[1].id}`, headers: bearer(other.users.clinician.token) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().resourceType).toBe('OperationOutcome');
  });

  test("a case opened without a jurisdiction takes its facility's, so the child-protection route is the state's", async () => {
    const res = await lantern.app.inject({
      method: 'POST', url: '/api/cases', headers: bearer(org.users.clinician.token),
      payload: { source: 'screen', facilityId: org.facilityId, context: { ageYears: 15, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true } },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().context.jurisdiction).toBe('US-TX');
    const report = res.json().actions.find((a: { code: string }) => a.code === 'report-child-protection');
    expect(report.recommendation.contact).toMatchObject({ isFallback: false, jurisdiction: { code: 'US-TX' } });
    const foreign = await lantern.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(other.users.clinician.token), payload: { source: 'screen', facilityId: org.facilityId, context: { screen: 'positive' } } });
    expect(foreign.statusCode).toBe(400);
  });
});
