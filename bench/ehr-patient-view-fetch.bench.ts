/**
 * CDS Hooks `patient-view` with prefetch missing: the same call, but Lantern reads the Patient and
 * the Conditions from the test EHR's FHIR server (on 127.0.0.1) with the given access token.
 */
import type { Benchmark } from './harness.ts';
import { patientViewPlan } from './ehr-bench-setup.ts';

const patientViewFetch: Benchmark = (context) => patientViewPlan(context, false);

export default patientViewFetch;
