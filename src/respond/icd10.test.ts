import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { suggestCodes, type CodingInput, type Finding } from './icd10.ts';

const codesOf = (input: Partial<CodingInput> & { finding: Finding }): string[] =>
  suggestCodes({ suggestClaimCodesForSuspected: true, ...input }).codes.map((c) => c.code);

describe('suggestCodes', () => {
  test.each([
    // status, type, age, encounter, expected — from the FY2019 code table (domain facts §3)
    ['suspected', 'sex', 30, 'initial', ['T76.51XA']],
    ['suspected', 'sex', 16, 'initial', ['T76.52XA']],
    ['suspected', 'labor', 30, 'subsequent', ['T76.61XD']],
    ['suspected', 'labor', 12, 'sequela', ['T76.62XS']],
    ['confirmed', 'sex', 30, 'initial', ['T74.51XA']],
    ['confirmed', 'sex', 17, 'subsequent', ['T74.52XD']],
    ['confirmed', 'labor', 45, 'sequela', ['T74.61XS']],
    ['confirmed', 'labor', 8, 'initial', ['T74.62XA']],
    ['suspected', 'both', 22, 'initial', ['T76.51XA', 'T76.61XA']],
    ['confirmed', 'both', 15, 'subsequent', ['T74.52XD', 'T74.62XD']],
  ] as const)('%s %s exploitation at age %i, %s encounter → %j', (status, type, ageYears, encounterType, expected) => {
    expect(codesOf({ finding: { status, type, encounterType }, ageYears })).toEqual(expected);
  });

  test('the encounter type defaults to initial', () => {
    expect(codesOf({ finding: { status: 'confirmed', type: 'sex' }, ageYears: 40 })).toEqual(['T74.51XA']);
  });

  test('ruled out suspicion uses Z04.81 / Z04.82, never a T76 code', () => {
    expect(codesOf({ finding: { status: 'ruled-out', type: 'sex' }, ageYears: 30 })).toEqual(['Z04.81']);
    expect(codesOf({ finding: { status: 'ruled-out', type: 'labor' }, ageYears: 10 })).toEqual(['Z04.82']);
    expect(codesOf({ finding: { status: 'ruled-out', type: 'both' } })).toEqual(['Z04.81', 'Z04.82']);
  });

  test('history is Z91.42, or Z62.813 when it happened in childhood', () => {
    expect(codesOf({ finding: { status: 'history' }, ageYears: 40 })).toEqual(['Z91.42']);
    expect(codesOf({ finding: { status: 'history', historyInChildhood: true }, ageYears: 40 })).toEqual(['Z62.813']);
    expect(codesOf({ finding: { status: 'history' }, ageYears: 15 })).toEqual(['Z62.813']);
    expect(codesOf({ finding: { status: 'history', historyInChildhood: false }, ageYears: 15 })).toEqual(['Z91.42']);
  });

  test('Y07.6 is added for several perpetrators on confirmed cases only', () => {
    expect(codesOf({ finding: { status: 'confirmed', type: 'labor', multiplePerpetrators: true }, ageYears: 30 })).toEqual(['T74.61XA', 'Y07.6']);
    expect(codesOf({ finding: { status: 'suspected', type: 'labor', multiplePerpetrators: true }, ageYears: 30 })).toEqual(['T76.61XA']);
  });

  test('the facility setting withholds claim-visible codes for suspected cases only', () => {
    const suspected = suggestCodes({ finding: { status: 'suspected', type: 'both' }, ageYears: 30, suggestClaimCodesForSuspected: false });
    expect(suspected.codes).toEqual([]);
    expect(suspected.withheld).toEqual(['T76.51XA', 'T76.61XA']);
    expect(suspected.notes.join(' ')).toMatch(/claims/);
    const confirmed = suggestCodes({ finding: { status: 'confirmed', type: 'sex' }, ageYears: 30, suggestClaimCodesForSuspected: false });
    expect(confirmed.codes.map((c) => c.code)).toEqual(['T74.51XA']);
  });

  test('never guesses a missing age or type', () => {
    const noAge = suggestCodes({ finding: { status: 'suspected', type: 'sex' }, suggestClaimCodesForSuspected: true });
    expect(noAge.codes).toEqual([]);
    expect(noAge.notes[0]).toMatch(/age/);
    const noType = suggestCodes({ finding: { status: 'confirmed' }, ageYears: 30, suggestClaimCodesForSuspected: true });
    expect(noType.codes).toEqual([]);
    expect(noType.notes[0]).toMatch(/sexual, labor or both/);
  });

  test('reasons and notes follow the language; codes and official titles do not', () => {
    const input = { finding: { status: 'confirmed', type: 'both', multiplePerpetrators: true }, ageYears: 15, suggestClaimCodesForSuspected: true } as const;
    const en = suggestCodes(input);
    const es = suggestCodes({ ...input, language: 'es' });
    expect(es.codes.map((c) => [c.code, c.display])).toEqual(en.codes.map((c) => [c.code, c.display]));
    expect(en.codes.map((c) => c.reason)).toEqual([
      'Confirmed sexual exploitation of a child.', 'Confirmed labor exploitation of a child.',
      'Several perpetrators are known (perpetrator code added to a confirmed case).',
    ]);
    expect(es.codes.map((c) => c.reason)).toEqual([
      'Explotación sexual confirmada de un menor.', 'Explotación laboral confirmada de un menor.',
      'Se conocen varios perpetradores (código de perpetrador añadido a un caso confirmado).',
    ]);
    expect(es.notes).toEqual(['Los códigos de diagnóstico aparecen en las reclamaciones y los estados de beneficios, que puede ver quien controle el hogar o el seguro.']);
    const withheld = suggestCodes({ finding: { status: 'suspected', type: 'labor' }, ageYears: 30, suggestClaimCodesForSuspected: false, language: 'es' });
    expect(withheld.notes[0]).toMatch(/^Su centro no sugiere códigos/);
    expect(suggestCodes({ finding: { status: 'suspected', type: 'sex' }, suggestClaimCodesForSuspected: true, language: 'es' }).notes[0]).toMatch(/edad del paciente/);
    expect(suggestCodes({ finding: { status: 'ruled-out', type: 'sex' }, suggestClaimCodesForSuspected: true, language: 'es' }).codes[0]?.reason).toMatch(/^En esta consulta se descartó/);
    expect(suggestCodes({ finding: { status: 'history' }, ageYears: 12, suggestClaimCodesForSuspected: true, language: 'es' }).codes[0]?.reason).toBe('Explotación en el pasado, durante la infancia.');
  });

  test('uses the official long titles with the encounter', () => {
    const [code] = suggestCodes({ finding: { status: 'suspected', type: 'sex', encounterType: 'sequela' }, ageYears: 14, suggestClaimCodesForSuspected: true }).codes;
    expect(code).toMatchObject({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'T76.52XS', display: 'Child sexual exploitation, suspected, sequela' });
  });

  test('every exploitation code has the X placeholder and a 7th character, adult .x1 and child .x2', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('suspected' as const, 'confirmed' as const),
        fc.constantFrom('sex' as const, 'labor' as const, 'both' as const),
        fc.constantFrom('initial' as const, 'subsequent' as const, 'sequela' as const),
        fc.integer({ min: 0, max: 110 }),
        (status, type, encounterType, ageYears) => {
          const codes = codesOf({ finding: { status, type, encounterType }, ageYears });
          expect(codes).toHaveLength(type === 'both' ? 2 : 1);
          for (const code of codes) {
            expect(code).toMatch(/^T7[46]\.[56][12]X[ADS]$/);
            expect(code[5]).toBe(ageYears < 18 ? '2' : '1');
            expect(code.startsWith(status === 'confirmed' ? 'T74' : 'T76')).toBe(true);
            expect(code[7]).toBe({ initial: 'A', subsequent: 'D', sequela: 'S' }[encounterType]);
          }
        },
      ),
    );
  });
});
