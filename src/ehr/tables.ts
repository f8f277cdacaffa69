/**
 * @module The EHR integration's tables, added to the platform's `Database` type.
 */

export interface EhrCdsClientTable {
  id: string;
  organization_id: string;
  /** The `iss` of the EHR's JWTs. */
  issuer: string;
  /** The only JWK Set URL trusted for this issuer (a `jku` header must equal it). */
  jwks_url: string;
  /** JSON array of FHIR server base URLs Lantern may query when prefetch is missing. */
  fhir_servers: string;
  facility_id: string | null;
  created_at: string;
}

export interface EhrCdsJtiTable {
  issuer: string;
  jti: string;
  expires_at: string;
}

export interface EhrCdsCardTable {
  uuid: string;
  organization_id: string;
  facility_id: string | null;
  /** JSON array of the risk-signal ids behind the card. */
  signals: string;
  issued_at: string;
  /** `accepted` or `overridden` once feedback arrives. */
  outcome: string | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    ehr_cds_client: EhrCdsClientTable;
    ehr_cds_jti: EhrCdsJtiTable;
    ehr_cds_card: EhrCdsCardTable;
  }
}
