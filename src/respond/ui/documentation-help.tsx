/**
 * @module Documentation help on a case: the clinician states the finding and the objective findings;
 * Lantern suggests ICD-10-CM codes (and says which it withheld, and why) and drafts the note with the
 * portal-safe part kept clearly apart from the part that belongs only in a sensitive note.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import type { CodingResult, NoteDraft, NoteSection } from './respond-types.ts';

type Status = 'suspected' | 'confirmed' | 'ruled-out' | 'history';
type Kind = 'sex' | 'labor' | 'both';
type EncounterType = 'initial' | 'subsequent' | 'sequela';

function Sections({ sections }: { sections: NoteSection[] }): ReactElement {
  return (
    <>
      {sections.map((section) => (
        <div key={section.title}>
          <h4>{section.title}</h4>
          <ul>{section.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
        </div>
      ))}
    </>
  );
}

/** The documentation section of the case page. */
export function DocumentationHelp({ caseId }: { caseId: string }): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [status, setStatus] = useState<Status>('suspected');
  const [kind, setKind] = useState<Kind>('sex');
  const [encounterType, setEncounterType] = useState<EncounterType>('initial');
  const [childhood, setChildhood] = useState(false);
  const [several, setSeveral] = useState(false);
  const [findings, setFindings] = useState('');
  const [result, setResult] = useState<{ coding: CodingResult; draft: NoteDraft }>();
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    try {
      setResult(await api.post<{ coding: CodingResult; draft: NoteDraft }>(`/api/cases/${caseId}/documentation`, {
        finding: {
          status, encounterType,
          ...(status === 'history' ? { historyInChildhood: childhood } : { type: kind }),
          ...(status === 'confirmed' ? { multiplePerpetrators: several } : {}),
        },
        objectiveFindings: findings.split('\n').map((line) => line.trim()).filter(Boolean),
      }));
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };

  const radio = <T extends string>(name: string, value: T, current: T, set: (v: T) => void, label: string): ReactElement => (
    <label className="choice" key={value}><input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} />{label}</label>
  );

  return (
    <section aria-labelledby="documentation-heading" className="section-card">
      <h2 id="documentation-heading">{t('respond.doc.heading')}</h2>
      <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
        <FormError message={error} />
        <fieldset>
          <legend>{t('respond.doc.finding')}</legend>
          <div className="choices-grid">
            {radio('doc-status', 'suspected', status, setStatus, t('respond.doc.status.suspected'))}
            {radio('doc-status', 'confirmed', status, setStatus, t('respond.doc.status.confirmed'))}
            {radio('doc-status', 'ruled-out', status, setStatus, t('respond.doc.status.ruledOut'))}
            {radio('doc-status', 'history', status, setStatus, t('respond.doc.status.history'))}
          </div>
        </fieldset>
        {status === 'history' ? (
          <label className="choice"><input type="checkbox" checked={childhood} onChange={(e) => setChildhood(e.target.checked)} />{t('respond.doc.inChildhood')}</label>
        ) : (
          <fieldset>
            <legend>{t('respond.doc.type')}</legend>
            <div className="choices-grid">
              {radio('doc-type', 'sex', kind, setKind, t('respond.doc.type.sex'))}
              {radio('doc-type', 'labor', kind, setKind, t('respond.doc.type.labor'))}
              {radio('doc-type', 'both', kind, setKind, t('respond.doc.type.both'))}
            </div>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="doc-encounter">{t('respond.doc.encounter')}</label>
          <select id="doc-encounter" value={encounterType} onChange={(e) => setEncounterType(e.target.value as EncounterType)}>
            <option value="initial">{t('respond.doc.encounter.initial')}</option>
            <option value="subsequent">{t('respond.doc.encounter.subsequent')}</option>
            <option value="sequela">{t('respond.doc.encounter.sequela')}</option>
          </select>
        </div>
        {status === 'confirmed' ? (
          <label className="choice"><input type="checkbox" checked={several} onChange={(e) => setSeveral(e.target.checked)} />{t('respond.doc.several')}</label>
        ) : null}
        <div className="field">
          <label htmlFor="doc-findings">{t('respond.doc.objective')}</label>
          <p className="hint" id="doc-findings-hint">{t('respond.doc.objectiveHint')}</p>
          <textarea id="doc-findings" value={findings} onChange={(e) => setFindings(e.target.value)} rows={4} aria-describedby="doc-findings-hint" />
        </div>
        <div className="actions"><button type="submit" className="button-primary">{t('respond.doc.suggest')}</button></div>
      </form>
      <StatusMessage message={result ? t('respond.doc.ready', { count: result.coding.codes.length }) : undefined} />
      <div>
        {result ? (
          <div className="stack section-card">
            <h3>{t('respond.doc.codes')}</h3>
            {result.coding.codes.length === 0 ? <p>{t('respond.doc.noCodes')}</p> : (
              <ul className="plain-list stack">
                {result.coding.codes.map((c) => (
                  <li key={c.code} className="card"><strong><code>{c.code}</code></strong> {c.display}<br /><span className="muted">{c.reason}</span></li>
                ))}
              </ul>
            )}
            {result.coding.withheld.length > 0 ? (
              <p className="notice notice-important">{t('respond.doc.withheld', { codes: result.coding.withheld.join(', ') })}</p>
            ) : null}
            {result.coding.notes.length > 0 ? <ul>{result.coding.notes.map((note) => <li key={note}>{note}</li>)}</ul> : null}
            <div className="note-part note-part-safe">
              <h3>{t('respond.doc.portalSafe')}</h3>
              <p className="muted">{t('respond.doc.portalSafeHint')}</p>
              <Sections sections={result.draft.portalSafe} />
            </div>
            <div className="note-part note-part-sensitive">
              <h3>{t('respond.doc.sensitive')}</h3>
              <p className="muted">{t('respond.doc.sensitiveHint')}</p>
              <Sections sections={result.draft.sensitive} />
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
