import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';

describe('a case opened from an EHR launch', () => {
  let lantern: TestLantern;
  let org: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
  });
  afterAll(async () => { await lantern.close(); });

  const open = (ehrPatient: unknown) => lantern.app.inject({
    method: 'POST', url: '/api/cases', headers: bearer(org.users.clinician.token),
    payload: { source: 'clinician', ehrPatient, context: { screen: 'not-screened', ageYears: 30 } },
  });

  test('keeps the EHR patient link sealed: the column holds ciphertext that opens to the link, and no answer shows it', async () => {
    const res = await open({ iss: 'https://ehr.example.org/fhir', patientId: 'patient-7731' });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain('patient-7731');
    const id = res.json().id as string;
    const row = await lantern.platform.data.db.selectFrom('respond_case').select('ehr_patient').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.ehr_patient).toBeTruthy();
    expect(row.ehr_patient).not.toContain('patient-7731');
    const scope = lantern.platform.scope(org.organizationId, { id: 'test', kind: 'system' });
    const link = JSON.parse(scope.open(row.ehr_patient!, { table: 'respond_case', column: 'ehr_patient', rowId: id })) as unknown;
    expect(link).toEqual({ iss: 'https://ehr.example.org/fhir', patientId: 'patient-7731' });
    const read = await lantern.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: bearer(org.users.clinician.token) });
    expect(read.body).not.toContain('patient-7731');
  });

  test('a case without a launch stores no link; a malformed link is refused naming the field', async () => {
    const plain = await open(undefined);
    expect(plain.statusCode).toBe(201);
    const row = await lantern.platform.data.db.selectFrom('respond_case').select('ehr_patient').where('id', '=', plain.json().id).executeTakeFirstOrThrow();
    expect(row.ehr_patient).toBeNull();
    const bad = await open({ iss: 'https://ehr.example.org/fhir', patientId: 'p', name: 'Jane' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toMatch(/ehrPatient/);
  });
});
