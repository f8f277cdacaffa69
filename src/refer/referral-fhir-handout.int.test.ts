import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../../test/support/poppler.ts';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { fhirSchemaErrors, fhirStructureErrors } from '../../test/support/fhir-validation.ts';
import { findNationalRoute, loadShippedReference } from '../respond/jurisdictions.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { importDirectory } from './store-import.ts';
import { findConfidentialLocationIds } from './confidential.ts';

describe('referrals in FHIR, and the patient card', () => {
  let lantern: TestLantern;
  let hospital: TestOrganization;
  let partner: TestOrganization;
  let caseId: string;
  let open: { serviceId: string; street: string };
  let secret: { serviceId: string; street: string };
  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    lantern.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    lantern = await startTestLantern();
    const db = lantern.platform.data.db;
    hospital = await givenOrganization(db, 'Hospital');
    partner = await givenOrganization(db, 'Partner');
    const records = await collectDirectory(generateDirectory({ services: 40, seed: 7 }));
    await importDirectory(lantern.platform.scope(hospital.organizationId, { id: null, kind: 'system' }), records);
    const confidential = findConfidentialLocationIds(records);
    const streetOf = (locationId: string) => String(records.address.find((a) => a.location_id === locationId)?.address_1 ?? '');
    const placed = records.service_at_location.filter((link) => streetOf(String(link.location_id)) !== '');
    const openLink = placed.find((link) => !confidential.has(String(link.location_id)) && !records.service_at_location.some((o) => o.service_id === link.service_id && confidential.has(String(o.location_id))))!;
    const secretLink = placed.find((link) => confidential.has(String(link.location_id)))!;
    open = { serviceId: String(openLink.service_id), street: streetOf(String(openLink.location_id)) };
    secret = { serviceId: String(secretLink.service_id), street: streetOf(String(secretLink.location_id)) };
    const opened = await call('POST', '/api/cases', hospital.users.clinician.token, {
      source: 'clinician',
      context: { ageYears: 30, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true, immediateDanger: false, jurisdiction: 'US-TX', setting: 'emergency', choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false } },
    });
    caseId = opened.json().id;
    await call('POST', '/api/referral-partners', hospital.users['program-lead'].token, { organizationId: partner.organizationId, name: 'Riverside Partner' });
  });
  afterAll(async () => { await lantern.close(); });

  test('a referral is a valid ServiceRequest and Task whose status follows the partner, beside Respond\'s case Tasks', async () => {
    const referral = (await call('POST', `/api/cases/${caseId}/referrals`, hospital.users.clinician.token, {
      serviceId: open.serviceId, consent: { fields: ['initials'], partnerOrganizationId: partner.organizationId, until: new Date(Date.now() + 86400000).toISOString() }, shared: { initials: 'Q.R.' },
    })).json();
    const request = await call('GET', `/fhir/ServiceRequest/${referral.id}`, hospital.users.clinician.token);
    expect(request.statusCode).toBe(200);
    expect(request.headers['content-type']).toContain('application/fhir+json');
    const serviceRequest = request.json();
    expect(fhirSchemaErrors(serviceRequest)).toEqual([]);
    expect(fhirStructureErrors(serviceRequest)).toEqual([]);
    expect(serviceRequest).toMatchObject({ resourceType: 'ServiceRequest', status: 'active', intent: 'order' });
    expect(request.body).not.toContain('Q.R.');

    const taskOf = async () => (await call('GET', `/fhir/Task/${referral.id}`, hospital.users.clinician.token)).json();
    const requested = await taskOf();
    expect(fhirSchemaErrors(requested)).toEqual([]);
    expect(fhirStructureErrors(requested)).toEqual([]);
    expect(requested).toMatchObject({ resourceType: 'Task', status: 'requested', focus: { reference: `ServiceRequest/${referral.id}` } });
    await call('POST', `/api/referral-inbox/${referral.id}/status`, partner.users.partner.token, { status: 'accepted' });
    expect((await taskOf()).status).toBe('accepted');
    await call('POST', `/api/referral-inbox/${referral.id}/status`, partner.users.partner.token, { status: 'completed' });
    const completed = await taskOf();
    expect(completed.status).toBe('completed');
    expect(fhirSchemaErrors(completed)).toEqual([]);
    expect((await call('GET', `/fhir/ServiceRequest/${referral.id}`, hospital.users.clinician.token)).json().status).toBe('completed');

    const declined = (await call('POST', `/api/cases/${caseId}/referrals`, hospital.users.clinician.token, {
      serviceId: open.serviceId, consent: { fields: [], partnerOrganizationId: partner.organizationId, until: new Date(Date.now() + 86400000).toISOString() }, shared: {},
    })).json();
    await call('POST', `/api/referral-inbox/${declined.id}/status`, partner.users.partner.token, { status: 'rejected', reason: 'full' });
    const rejected = (await call('GET', `/fhir/Task/${declined.id}`, hospital.users.clinician.token)).json();
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: { text: 'full' } });
    expect(fhirStructureErrors(rejected)).toEqual([]);
    expect((await call('GET', `/fhir/ServiceRequest/${declined.id}`, hospital.users.clinician.token)).json().status).toBe('revoked');

    // Respond's case actions are still Tasks at the same address.
    const action = (await call('GET', `/api/cases/${caseId}`, hospital.users.clinician.token)).json().actions[0];
    const caseTask = await call('GET', `/fhir/Task/${action.id}`, hospital.users.clinician.token);
    expect(caseTask.statusCode).toBe(200);
    expect(caseTask.json()).toMatchObject({ resourceType: 'Task', id: action.id, intent: 'plan' });
    expect((await call('GET', '/fhir/Task/no-such-task', hospital.users.clinician.token)).statusCode).toBe(404);
  });

  test('the PDF card carries the chosen services and the helpline in Spanish, discreetly, without a confidential address', async () => {
    const response = await call('GET', `/api/referral-handout.pdf?service=${open.serviceId}&service=${secret.serviceId}&language=es`, hospital.users.clinician.token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    const hotline = findNationalRoute(loadShippedReference().national, 'human-trafficking-hotline')!;
    expect(text).toContain('Contactos útiles');
    expect(text).toContain(hotline.phone);
    expect(text).toContain(open.street);
    expect(text).not.toContain(secret.street);
    expect(text).toContain('Llame para pedir la dirección');
    expect(text).not.toMatch(/traffick|trata/i);
    const english = pdfText((await call('GET', `/api/referral-handout.pdf?service=${open.serviceId}&language=en`, hospital.users.clinician.token)).rawPayload);
    expect(english).toContain('Helpful contacts');
    expect(english).toContain(hotline.phone);
  });

  test('the print page says the same in the patient\'s language, with card-sized print CSS', async () => {
    const response = await call('GET', `/api/referral-handout.html?service=${secret.serviceId}&language=es-MX`, hospital.users.clinician.token);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="es">');
    expect(response.body).toContain('@page { size: 5in 3in');
    expect(response.body).not.toContain(secret.street);
    expect(response.body).not.toMatch(/traffick/i);
    expect((await call('GET', `/api/referral-handout.html?service=nope`, hospital.users.clinician.token)).statusCode).toBe(400);
    expect((await call('GET', `/api/referral-handout.html?service=${open.serviceId}`, hospital.users.learner.token)).statusCode).toBe(403);
  });
});
