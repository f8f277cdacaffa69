/**
 * @module The server's CapabilityStatement (`GET /fhir/metadata`, FHIR R4 §3.1.0.4.1), assembled
 * from what each capability declares it serves, so the statement cannot drift from the routes.
 */

export interface FhirResourceCapability {
  type: string;
  profile?: string;
  interactions: ('read' | 'search-type' | 'create' | 'update')[];
  searchParams?: { name: string; type: 'string' | 'token' | 'uri' | 'reference' | 'date' }[];
}

export function buildCapabilityStatement(input: { publicUrl: string; version: string; resources: FhirResourceCapability[] }): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-28',
    publisher: 'Lantern',
    kind: 'instance',
    software: { name: 'Lantern', version: input.version },
    implementation: { description: 'Lantern FHIR API', url: `${input.publicUrl}/fhir` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      security: {
        description: 'Send an API token as "Authorization: Bearer <token>", or use a signed-in session. SMART on FHIR launch is described at /.well-known/smart-configuration when enabled.',
      },
      resource: input.resources.map((r) => ({
        type: r.type,
        ...(r.profile ? { profile: r.profile } : {}),
        interaction: r.interactions.map((code) => ({ code })),
        ...(r.searchParams && r.searchParams.length > 0 ? { searchParam: r.searchParams } : {}),
      })),
    }],
  };
}
