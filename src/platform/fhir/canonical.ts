/**
 * @module Canonical URLs of what Lantern defines in FHIR (CodeSystems, extensions, Questionnaires).
 * A canonical URL is an identifier, never fetched. One base, so a deployment that publishes its
 * own implementation guide changes it in one place.
 */
export const LANTERN_FHIR_BASE = 'http://lantern.example.org/fhir';

export const canonical = {
  codeSystem: (name: string): string => `${LANTERN_FHIR_BASE}/CodeSystem/${name}`,
  valueSet: (name: string): string => `${LANTERN_FHIR_BASE}/ValueSet/${name}`,
  extension: (name: string): string => `${LANTERN_FHIR_BASE}/StructureDefinition/${name}`,
  questionnaire: (id: string): string => `${LANTERN_FHIR_BASE}/Questionnaire/${id}`,
  namingSystem: (name: string): string => `${LANTERN_FHIR_BASE}/NamingSystem/${name}`,
};
