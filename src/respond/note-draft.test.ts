import { describe, expect, test } from 'vitest';
import { suggestCodes } from './icd10.ts';
import { loadShippedReference } from './jurisdictions.ts';
import { draftNote, findPortalHazards, patientWordsPlaceholder } from './note-draft.ts';
import { createTranslator } from '../platform/i18n/format.ts';
import { evaluateProtocol, loadDefaultProtocol } from './protocol.ts';

const reference = loadShippedReference();

function draftFor16YearOld(language?: string) {
  const actions = evaluateProtocol(loadDefaultProtocol(), {
    ageYears: 16, screen: 'positive', alone: true, safeToTalk: true, jurisdiction: 'US-TX', setting: 'emergency',
    finding: { status: 'suspected', type: 'sex' },
  }, reference);
  const codes = suggestCodes({ finding: { status: 'suspected', type: 'sex' }, ageYears: 16, suggestClaimCodesForSuspected: true, ...(language ? { language } : {}) }).codes;
  return draftNote({ objectiveFindings: ['Healing abrasions on both wrists.'], screen: 'positive', instrument: 'lantern-youth-screen', actions, codes, ...(language ? { language } : {}) });
}

const text = (sections: { title: string; lines: string[] }[]) => sections.flatMap((s) => [s.title, ...s.lines]).join('\n');

describe('draftNote', () => {
  test('portal-safe text holds objective findings and the patient\'s own words, and nothing hazardous', () => {
    const draft = draftFor16YearOld();
    const portal = text(draft.portalSafe);
    expect(portal).toContain('Healing abrasions on both wrists.');
    expect(portal).toContain(patientWordsPlaceholder());
    expect(patientWordsPlaceholder()).toBe('"[patient\'s own words, quoted exactly]"');
    expect(findPortalHazards(portal, reference.national)).toEqual([]);
  });

  test('the sensitive note holds the screen, reports, safety plan, resources and codes', () => {
    const sensitive = text(draftFor16YearOld().sensitive);
    expect(sensitive).toContain('Screen (lantern-youth-screen): positive');
    expect(sensitive).toContain('Report to Department of Family and Protective Services (DFPS), Texas Abuse Hotline');
    expect(sensitive).toContain('CyberTipline report');
    expect(sensitive).toMatch(/safety plan/i);
    expect(sensitive).toContain('T76.52XA');
    expect(findPortalHazards(sensitive, reference.national).length).toBeGreaterThan(0);
  });

  test('an encounter without findings leaves a placeholder, and no report section without a report', () => {
    const draft = draftNote({ objectiveFindings: [], screen: 'negative', actions: [], codes: [] });
    expect(draft.portalSafe[0]?.lines).toEqual(['[objective findings]']);
    expect(draft.sensitive.map((s) => s.title)).not.toContain('Reports made');
  });
});

describe('draftNote in the reader\'s language', () => {
  const hotlineNumbers = reference.national.routes.filter((r) => r.id !== 'emergency')
    .flatMap((r) => [r.phone, r.text?.number].filter((v): v is string => Boolean(v)));

  test('the Spanish draft has Spanish titles and fixed lines; codes, code titles and typed findings stay as data', () => {
    const es = draftFor16YearOld('es');
    expect(es.portalSafe.map((s) => s.title)).toEqual(['Hallazgos objetivos', 'Palabras del propio paciente']);
    expect(es.portalSafe[1]?.lines).toEqual(['El paciente refiere: "[palabras del propio paciente, citadas textualmente]"']);
    expect(es.sensitive.map((s) => s.title)).toEqual(['Evaluación', 'Respuesta recomendada', 'Reportes hechos', 'Plan de seguridad y recursos entregados', 'Códigos ICD-10-CM sugeridos']);
    const sensitive = text(es.sensitive);
    expect(sensitive).toContain('Evaluación (lantern-youth-screen): positiva');
    expect(sensitive).toContain('Reporte a la CyberTipline');
    expect(sensitive).toContain('T76.52XA Child sexual exploitation, suspected, initial encounter');
    expect(text(es.portalSafe)).toContain('Healing abrasions on both wrists.');
    // No English title or fixed line is left in the Spanish draft.
    const en = draftFor16YearOld('en');
    for (const title of [...en.portalSafe, ...en.sensitive].map((s) => s.title)) expect(text([...es.portalSafe, ...es.sensitive])).not.toContain(title);
    // A regional tag gets the language's catalog; an unshipped language gets English.
    expect(draftFor16YearOld('es-MX').portalSafe[0]?.title).toBe('Hallazgos objetivos');
    expect(draftFor16YearOld('vi').portalSafe[0]?.title).toBe('Objective findings');
  });

  test.each(['en', 'es'])('in %s, no hotline number or safety-plan wording reaches the portal-safe part', (language) => {
    const draft = draftFor16YearOld(language);
    const t = createTranslator(language === 'es' ? 'es' : 'en');
    const portal = text(draft.portalSafe);
    expect(findPortalHazards(portal, reference.national)).toEqual([]);
    for (const number of hotlineNumbers) expect(portal.replace(/\D/g, '')).not.toContain(number.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, ''));
    for (const safetyText of [t('respond.note.safety.title'), t('respond.note.safety.plan'), t('respond.note.safety.resources')]) {
      expect(portal).not.toContain(safetyText);
      expect(text(draft.sensitive)).toContain(safetyText);
    }
    // The hazard check itself catches this language's safety-plan and report wording.
    expect(findPortalHazards(text(draft.sensitive), reference.national)).toEqual(expect.arrayContaining([t('respond.note.safety.title'), t('respond.note.safety.plan')]));
  });
});

describe('findPortalHazards', () => {
  test('flags hotline numbers however they are written, text codes and tell-tale words', () => {
    const lines = [
      'Gave patient the number (888) 373-7888.',
      'Text 233733 for help.',
      'Safety plan discussed.',
      'Reported to CPS.',
      'BP 120/80, pulse 88.',
      'Patient states: "I work long hours."',
    ];
    expect(findPortalHazards(lines.join('\n'), reference.national)).toEqual(lines.slice(0, 4));
  });

  test('flags Spanish safety-plan, hotline and report wording, and leaves clinical Spanish alone', () => {
    const lines = [
      'Se habló del plan de seguridad.',
      'Se le dio el número de la línea de ayuda.',
      'Posible víctima de trata.',
      'Reporte a protección infantil hecho.',
      'Placas eritematosas en el antebrazo.',
      'El paciente refiere: "Trabajo muchas horas."',
    ];
    expect(findPortalHazards(lines.join('\n'), reference.national)).toEqual(lines.slice(0, 4));
  });
});
