import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { canonical } from '../platform/fhir/canonical.ts';
import { fhirExtension, ITEM_CONTROL_SYSTEM, lanternExtension } from './extension-urls.ts';
import { loadInstrumentsFrom, loadShippedInstruments } from './instruments.ts';
import { listItems, isQuestion } from './item-walk.ts';
import { findUntranslatedTexts, listTexts } from './localize.ts';
import { validateQuestionnaire } from './questionnaire-validation.ts';

const instruments = loadShippedInstruments();
const ids = ['lantern-indicators', 'lantern-adult-screen', 'lantern-youth-screen'];

function isHelp(item: fhir4.QuestionnaireItem): boolean {
  return item.type === 'display' && (item.extension ?? []).some((ext) =>
    ext.url === fhirExtension.itemControl && ext.valueCodeableConcept?.coding?.some((c) => c.system === ITEM_CONTROL_SYSTEM && c.code === 'help'));
}

describe('shipped instruments', () => {
  test('the three instruments load by id with Lantern canonical urls and pass validation without warnings', () => {
    expect([...instruments.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const questionnaire = instruments.get(id)!;
      expect(questionnaire.url).toBe(canonical.questionnaire(id));
      expect(questionnaire.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(validateQuestionnaire(questionnaire)).toEqual([]);
    }
  });

  test.each(ids)('every question of %s has a one-line help item', (id) => {
    for (const { item } of listItems(instruments.get(id)!)) {
      if (!isQuestion(item) || item.readOnly) continue;
      const help = (item.item ?? []).filter(isHelp);
      expect(help, item.linkId).toHaveLength(1);
      expect(help[0]!.text, item.linkId).not.toMatch(/\n/);
    }
  });

  test.each(['lantern-adult-screen', 'lantern-youth-screen'])('%s cites its source, says the wording is adapted and marks unconfirmed themes', (id) => {
    const questionnaire = instruments.get(id)!;
    const citations = (questionnaire.extension ?? []).filter((ext) => ext.url === 'http://hl7.org/fhir/StructureDefinition/cqf-relatedArtifact');
    expect(citations.length).toBeGreaterThan(0);
    expect(citations[0]!.valueRelatedArtifact?.citation).toMatch(/doi/);
    expect(questionnaire.description).toMatch(/not the published wording/);
    expect(questionnaire.description).toMatch(/do not transfer to this adapted wording/);
    expect(questionnaire.description).toMatch(/UNCONFIRMED/);
    // Each question carries the machine-readable marker too, so an editor can find what to verify.
    for (const { item } of listItems(questionnaire)) {
      if (item.type !== 'choice') continue;
      const evidence = item.extension?.find((ext) => ext.url === lanternExtension.contentEvidence);
      expect(evidence?.extension?.find((part) => part.url === 'status')?.valueCode, item.linkId).toBe('unconfirmed');
    }
  });

  test('the indicators checklist has the six groups, minors enabled only for a minor, and never yields a label', () => {
    const questionnaire = instruments.get('lantern-indicators')!;
    const groups = (questionnaire.item ?? []).filter((item) => item.type === 'group').map((item) => item.linkId);
    expect(groups).toEqual(['presentation', 'history', 'physical', 'labor', 'sex', 'minors']);
    const minors = questionnaire.item!.find((item) => item.linkId === 'minors')!;
    expect(minors.enableWhen).toEqual([{ question: 'context-minor', operator: '=', answerBoolean: true }]);
    const bands = JSON.stringify(questionnaire).match(/"valueCode": ?"(consider-private-screen|no-indicators|positive|negative)"/g);
    expect(bands).toEqual(['"valueCode":"no-indicators"', '"valueCode":"consider-private-screen"']);
  });
});

describe('Spanish localization', () => {
  test.each(ids)('every human-readable text in %s has an es translation', (id) => {
    const questionnaire = instruments.get(id)!;
    expect(listTexts(questionnaire).length).toBeGreaterThan(20);
    expect(findUntranslatedTexts(questionnaire, 'es')).toEqual([]);
  });

  test('a missing translation is detected, wherever it is', () => {
    const questionnaire = structuredClone(instruments.get('lantern-adult-screen')!);
    delete questionnaire.item![0]!.answerOption![0]!.valueCoding!._display;
    delete questionnaire.item![0]!.item![0]!._text;
    expect(findUntranslatedTexts(questionnaire, 'es')).toEqual([
      'item[0].answerOption[0].valueCoding.display',
      'item[0].item[0].text',
    ]);
    expect(findUntranslatedTexts(questionnaire, 'fr').length).toBe(listTexts(questionnaire).length);
  });
});

describe('loading', () => {
  test('an invalid instrument fails the load naming the file, item and rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-instruments-'));
    const broken = structuredClone(instruments.get('lantern-adult-screen')!);
    broken.item![1]!.linkId = 'adult-unsafe-place';
    writeFileSync(join(dir, 'lantern-adult-screen.json'), JSON.stringify(broken));
    expect(() => loadInstrumentsFrom(dir)).toThrow(/lantern-adult-screen\.json is invalid: adult-unsafe-place: link-id-duplicate/);
  });

  test('a file must be named after its id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-instruments-'));
    writeFileSync(join(dir, 'other.json'), JSON.stringify(instruments.get('lantern-youth-screen')));
    expect(() => loadInstrumentsFrom(dir)).toThrow(/must be named after its id/);
  });
});
