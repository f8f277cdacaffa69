/**
 * @module The SMART App Launch registration table, added to the platform's `Database` type.
 */

export interface EhrSmartClientTable {
  id: string;
  organization_id: string;
  /** The EHR's FHIR base URL, as the launch's `iss` names it. */
  issuer: string;
  /** Lantern's public client id at that EHR's authorization server. */
  client_id: string;
  /** A name the clinician recognizes, for standalone launch. */
  label: string;
  /** The EHR's token endpoint when it is not on the FHIR server's origin (the browser calls it). */
  token_endpoint: string | null;
  created_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    ehr_smart_client: EhrSmartClientTable;
  }
}
