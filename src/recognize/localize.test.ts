import { describe, expect, test } from 'vitest';
import { answerFirstN } from './answers.ts';
import { fhirExtension } from './extension-urls.ts';
import { loadShippedInstruments } from './instruments.ts';
import { findUntranslatedTexts, listTexts, localizeResource, localizeText, pickText } from './localize.ts';
import { evaluateScreen } from './scoring.ts';

const translated = (pairs: Record<string, string>): fhir4.Element => ({
  extension: Object.entries(pairs).map(([lang, content]) => ({
    url: fhirExtension.translation,
    extension: [{ url: 'lang', valueCode: lang }, { url: 'content', valueString: content }],
  })),
});

describe('picking a language', () => {
  const element = translated({ es: 'Sí', 'pt-BR': 'Sim' });

  test('exact tag, then primary subtag, then the base text', () => {
    expect(pickText('Yes', element, 'es')).toBe('Sí');
    expect(pickText('Yes', element, 'es-MX')).toBe('Sí');
    expect(pickText('Yes', element, 'pt-BR')).toBe('Sim');
    expect(pickText('Yes', element, 'fr')).toBe('Yes');
    expect(pickText('Yes', undefined, 'es')).toBe('Yes');
  });

  test('adding a language is adding a translation: no code knows the list', () => {
    const withVietnamese = translated({ es: 'Sí', vi: 'Có' });
    expect(pickText('Yes', withVietnamese, 'vi')).toBe('Có');
  });
});

describe('localizing shipped content', () => {
  const adult = loadShippedInstruments().get('lantern-adult-screen')!;

  test('a Spanish copy of a Questionnaire has every text in Spanish and leaves the original alone', () => {
    const spanish = localizeResource(adult, 'es');
    expect(spanish.language).toBe('es');
    expect(spanish.title).toBe('Evaluación para adultos: trabajo, seguridad e intercambio');
    expect(spanish.item![0]!.text).toMatch(/^¿Alguna vez/);
    expect(spanish.item![0]!.answerOption![0]!.valueCoding!.display).toBe('Sí');
    expect(adult.item![0]!.text).toMatch(/^Have you ever/);
    const english = listTexts(adult).map((site) => site.text);
    const changed = listTexts(spanish).filter((site, index) => site.text !== english[index]);
    // Every text changed except those identical in both languages (e.g. "No", citations).
    const same = listTexts(adult).filter((site) => pickText(site.text, site.element, 'es') === site.text).length;
    expect(changed.length + same).toBe(english.length);
    expect(localizeResource(adult, 'fr').language).toBe('en');
  });

  test('result interpretations localize at run time', () => {
    const { interpretation } = evaluateScreen(adult, answerFirstN(adult, 1));
    expect(localizeText(interpretation.display, 'en')).toBe('Positive screen');
    expect(localizeText(interpretation.display, 'es')).toBe('Evaluación positiva');
    expect(localizeText(interpretation.display, 'zh')).toBe('Positive screen');
  });

  test('translation contents are not themselves counted as texts needing translation', () => {
    expect(listTexts({ text: 'a', _text: translated({ es: 'b' }) })).toHaveLength(1);
    expect(findUntranslatedTexts({ text: 'a', _text: translated({ es: 'b' }) }, 'es')).toEqual([]);
  });
});
