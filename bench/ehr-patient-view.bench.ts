/**
 * CDS Hooks `patient-view` with prefetch, as an EHR calls it on opening a chart: a fresh ES384 JWT
 * per request (verified against the EHR's JWK Set, cached), the `jti` recorded, risk signals matched,
 * one card issued (stored, counted, audited).
 */
import type { Benchmark } from './harness.ts';
import { patientViewPlan } from './ehr-bench-setup.ts';

const patientView: Benchmark = (context) => patientViewPlan(context, true);

export default patientView;
