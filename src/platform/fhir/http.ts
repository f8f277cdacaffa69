/**
 * @module FHIR over HTTP, shared by every capability that serves FHIR resources: the
 * `application/fhir+json` content type (read like JSON, see http/json-body.ts), searchset Bundles, and errors as OperationOutcome (the
 * app's error handler does that for every route under /fhir).
 */
import { LanternError } from '../http/errors.ts';

export const FHIR_JSON = 'application/fhir+json';

export interface SearchsetEntry {
  resource: { resourceType: string; id?: string };
}

/** A searchset Bundle (R4 Bundle.type = searchset) with full URLs relative to the FHIR base. */
export function searchsetBundle(baseUrl: string, resources: { resourceType: string; id?: string }[]): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: [{ relation: 'self', url: baseUrl }],
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl.replace(/\/[^/]*$/, '')}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

/**
 * Thrown when a FHIR resource breaks rules: the error handler answers 400 with this
 * OperationOutcome, which names each element and rule (built by the capability that checked it).
 */
export class FhirValidationError extends LanternError {
  constructor(readonly outcome: { resourceType: 'OperationOutcome'; issue: { diagnostics?: string; details?: { text?: string } }[] }) {
    const first = outcome.issue[0];
    super('INVALID', first?.details?.text ?? first?.diagnostics ?? 'The resource is not valid.');
  }
}
