/**
 * @module Storage of instruments a facility imported and of completed screens. Screens are
 * protected health information: the response, its evaluation and the Observation are sealed, every
 * read and write is audited, and everything is scoped to the caller's organization.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, notFound } from '../platform/http/errors.ts';

export interface StoredScreening<Evaluation> {
  id: string;
  observationId: string;
  facilityId: string | null;
  mode: 'clinician' | 'self';
  createdAt: string;
  createdBy: string;
  response: fhir4.QuestionnaireResponse;
  observation: fhir4.Observation;
  evaluation: Evaluation;
}

export async function saveInstrument(scope: OrgScope, questionnaire: fhir4.Questionnaire & { id: string; url: string; version: string }): Promise<void> {
  await scope.transaction(async (tx) => {
    const clash = await tx.selectFrom('recognize_instrument').select('id')
      .where((eb) => eb.or([eb('id', '=', questionnaire.id), eb.and([eb('url', '=', questionnaire.url), eb('version', '=', questionnaire.version)])]))
      .executeTakeFirst();
    if (clash) throw conflict('An instrument with this id, or this url and version, already exists; give the new one a new version.', 'version');
    await tx.insert('recognize_instrument', {
      id: questionnaire.id, url: questionnaire.url, version: questionnaire.version, name: questionnaire.name ?? questionnaire.id,
      status: questionnaire.status, resource: JSON.stringify(questionnaire), created_by: tx.actor.id ?? 'system', created_at: new Date().toISOString(),
    });
    await tx.audit({ action: 'create', resourceType: 'instrument', resourceId: questionnaire.id, purpose: 'operations' });
  });
}

export async function listImportedInstruments(scope: OrgScope): Promise<fhir4.Questionnaire[]> {
  const rows = await scope.selectFrom('recognize_instrument').select('resource').orderBy('created_at').execute();
  return rows.map((r) => JSON.parse(r.resource) as fhir4.Questionnaire);
}

export interface NewScreening<Evaluation> {
  id: string;
  observationId: string;
  facilityId: string | null;
  mode: 'clinician' | 'self';
  instrument: { url: string; version: string };
  response: fhir4.QuestionnaireResponse;
  observation: fhir4.Observation;
  evaluation: Evaluation;
}

/** Stores a completed, validated screen; `afterSave` runs in the same transaction (counters). */
export async function saveScreening<Evaluation>(scope: OrgScope, screening: NewScreening<Evaluation>, afterSave?: (tx: OrgScope) => Promise<void>): Promise<void> {
  await scope.transaction(async (tx) => {
    const place = (column: string) => ({ table: 'recognize_screening', column, rowId: screening.id });
    await tx.insert('recognize_screening', {
      id: screening.id, facility_id: screening.facilityId, observation_id: screening.observationId,
      instrument_url: screening.instrument.url, instrument_version: screening.instrument.version, mode: screening.mode,
      response: tx.seal(JSON.stringify(screening.response), place('response')),
      evaluation: tx.seal(JSON.stringify(screening.evaluation), place('evaluation')),
      observation: tx.seal(JSON.stringify(screening.observation), place('observation')),
      created_by: tx.actor.id ?? 'system', created_at: new Date().toISOString(),
    });
    await tx.audit({ action: 'create', resourceType: 'screening', resourceId: screening.id, purpose: 'treatment' });
    if (afterSave) await afterSave(tx);
  });
}

/** Reads a screen by its QuestionnaireResponse id or its Observation id (audited). */
export async function readScreening<Evaluation>(scope: OrgScope, by: { responseId: string } | { observationId: string }): Promise<StoredScreening<Evaluation>> {
  let query = scope.selectFrom('recognize_screening').selectAll();
  query = 'responseId' in by ? query.where('id', '=', by.responseId) : query.where('observation_id', '=', by.observationId);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The screening');
  await scope.audit({ action: 'read', resourceType: 'screening', resourceId: row.id, purpose: 'treatment' });
  const place = (column: string) => ({ table: 'recognize_screening', column, rowId: row.id });
  return {
    id: row.id, observationId: row.observation_id, facilityId: row.facility_id, mode: row.mode as 'clinician' | 'self',
    createdAt: row.created_at, createdBy: row.created_by,
    response: JSON.parse(scope.open(row.response, place('response'))) as fhir4.QuestionnaireResponse,
    observation: JSON.parse(scope.open(row.observation, place('observation'))) as fhir4.Observation,
    evaluation: JSON.parse(scope.open(row.evaluation, place('evaluation'))) as Evaluation,
  };
}
