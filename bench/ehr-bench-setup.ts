/**
 * @module What the EHR benchmarks share: the local test EHR (JWK Set, FHIR server) registered
 * with the Lantern under test, a pool of single-use JWTs signed in advance (the service refuses a
 * replayed `jti`, so every request needs its own, and signing during the run would be measured),
 * and the patient-view request body.
 */
import { startTestEhr, CDS_SERVICE_ID, type TestEhr } from '../test/support/test-ehr.ts';
import { hookRequestBody } from '../test/support/test-ehr-cds.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { BenchContext, BenchPlan } from './harness.ts';

/**
 * The JWT audience is the service's URL under Lantern's public URL. The server under test is
 * started on PORT=0 with no LANTERN_PUBLIC_URL (test/support/server-process.ts), so its public URL
 * is what the configuration derives from those, not the address it ended up listening on.
 */
function serviceAudience(path: string): string {
  const env = { HOST: '127.0.0.1', PORT: '0', ...(process.env.LANTERN_PUBLIC_URL ? { LANTERN_PUBLIC_URL: process.env.LANTERN_PUBLIC_URL } : {}) };
  return `${loadConfig(env).publicUrl}${path}`;
}

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

/** Starts the test EHR with a patient whose record suggests a screen, and registers it with Lantern. */
export async function givenRegisteredEhr(context: BenchContext): Promise<TestEhr> {
  const ehr = await startTestEhr();
  const birthDate = `${new Date().getUTCFullYear() - 16}-01-01`;
  const recent = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  ehr.putResource({ resourceType: 'Patient', id: 'bench-patient', birthDate });
  ehr.putResource({ resourceType: 'Condition', id: 'bench-condition', subject: { reference: 'Patient/bench-patient' }, code: { coding: [{ system: ICD, code: 'Z34.00' }] }, recordedDate: recent } as fhir4.Condition & { id: string });
  const res = await fetch(`${context.url}/api/ehr/cds-clients`, {
    method: 'POST', headers: { authorization: `Bearer ${await context.token('admin')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ issuer: ehr.issuer, jwksUrl: ehr.jwksUrl, fhirServers: [ehr.fhirBase] }),
  });
  if (res.status !== 201) throw new Error(`registering the test EHR answered ${res.status} ${await res.text()}`);
  return ehr;
}

/** A header factory handing out one pre-signed JWT per request. */
export async function presignedAuthorization(ehr: TestEhr, audience: string, count: number): Promise<() => Record<string, string>> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) tokens.push(await ehr.signRequestJwt(audience, { expiresInSeconds: 1800 }));
  let next = 0;
  return () => {
    // Past the pool a token would be replayed and refused: the run then reports failures, as it should.
    const token = tokens[Math.min(next, tokens.length - 1)]!;
    next += 1;
    return { authorization: `Bearer ${token}` };
  };
}

/** The patient-view plan: prefetch filled by the EHR, or left out so Lantern fetches from the EHR. */
export async function patientViewPlan(context: BenchContext, prefetch: boolean): Promise<BenchPlan> {
  const ehr = await givenRegisteredEhr(context);
  const path = `/cds-services/${CDS_SERVICE_ID}`;
  const headersFor = await presignedAuthorization(ehr, serviceAudience(path), context.requestBudget);
  const call = {
    serviceUrl: `${context.url}${path}`, hook: 'patient-view' as const, context: { userId: 'Practitioner/bench', patientId: 'bench-patient' },
    ...(prefetch
      ? { prefetch: { patient: ehr.listResources('Patient')[0], conditions: { resourceType: 'Bundle', type: 'searchset', entry: ehr.listResources('Condition').map((resource) => ({ resource })) } } }
      : { fhirServer: ehr.fhirBase, accessToken: ehr.accessToken }),
  };
  return {
    title: prefetch
      ? 'POST /cds-services/{id} patient-view, prefetch given (JWT verify, jti, signals, one card)'
      : 'POST /cds-services/{id} patient-view, prefetch missing (Lantern reads Patient and Conditions from the test EHR)',
    request: { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(hookRequestBody(call)), headersFor },
    p99RatioGoal: 2,
    stop: () => ehr.close(),
  };
}
