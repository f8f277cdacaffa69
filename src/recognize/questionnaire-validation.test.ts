import { describe, expect, test } from 'vitest';
import { fhirExtension, lanternExtension } from './extension-urls.ts';
import { loadShippedInstruments } from './instruments.ts';
import { toOperationOutcome } from './issues.ts';
import { validateQuestionnaire, type QuestionnaireIssue } from './questionnaire-validation.ts';
import { facilityInstrument, resultBand } from './test-instrument.ts';

const adult = loadShippedInstruments().get('lantern-adult-screen')!;

const errors = (issues: QuestionnaireIssue[]): [string, string | undefined][] =>
  issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.rule, issue.linkId]);

function scoreItem(questionnaire: fhir4.Questionnaire): fhir4.QuestionnaireItem {
  return questionnaire.item!.find((item) => (item.extension ?? []).some((ext) => ext.url === lanternExtension.resultBand))!;
}

describe('import validation', () => {
  test('a well-formed facility instrument passes', () => {
    expect(validateQuestionnaire(facilityInstrument())).toEqual([]);
  });

  test('not a Questionnaire, bad status, no url', () => {
    expect(errors(validateQuestionnaire({ resourceType: 'Patient' }))).toEqual([['resource-type', undefined]]);
    const questionnaire = { ...facilityInstrument(), status: 'published' as 'active', url: undefined };
    expect(errors(validateQuestionnaire(questionnaire))).toEqual([['status-invalid', undefined], ['url-missing', undefined]]);
  });

  test('duplicate and missing linkIds', () => {
    const questionnaire = structuredClone(adult);
    questionnaire.item![1]!.linkId = 'adult-unsafe-place';
    questionnaire.item![2]!.linkId = '';
    const issues = validateQuestionnaire(questionnaire);
    expect(errors(issues).slice(0, 2)).toEqual([['link-id-duplicate', 'adult-unsafe-place'], ['link-id-missing', undefined]]);
    expect(issues[0]!.expression).toBe('Questionnaire.item[1].linkId');
    expect(issues[0]!.message).toMatch(/"adult-unsafe-place" is used by more than one item/);
  });

  test('enableWhen must point at an existing, answerable question with a fitting answer', () => {
    const questionnaire = facilityInstrument();
    const detail = questionnaire.item!.find((item) => item.linkId === 'q1-detail')!;
    detail.enableWhen = [
      { question: 'no-such-item', operator: '=', answerBoolean: true },
      { question: 'part-a', operator: 'exists', answerBoolean: true },
      { question: 'q1', operator: 'is' as '=', answerInteger: 2 },
      { question: 'q1-detail', operator: 'exists', answerBoolean: true },
      { question: 'q3', operator: '=', answerBoolean: true },
    ];
    expect(errors(validateQuestionnaire(questionnaire))).toEqual([
      ['enable-when-question-unknown', 'q1-detail'],
      ['enable-when-question-not-answerable', 'q1-detail'],
      ['enable-when-operator', 'q1-detail'],
      ['enable-when-self', 'q1-detail'],
      ['enable-when-answer', 'q1-detail'],
      ['enable-behavior-missing', 'q1-detail'],
    ]);
  });

  test('weights must be valueDecimal, on every option or none, and agree', () => {
    const questionnaire = facilityInstrument();
    const [q1, q2] = questionnaire.item![0]!.item!;
    q1!.answerOption![0]!.extension = [{ url: fhirExtension.itemWeight, valueInteger: 0 }];
    delete q2!.answerOption![1]!.extension;
    questionnaire.item![2]!.answerOption![2]!.extension!.push({ url: fhirExtension.ordinalValue, valueDecimal: 7 });
    const issues = validateQuestionnaire(questionnaire);
    expect(errors(issues)).toEqual([['weight-not-decimal', 'q1'], ['weight-partial', 'q2'], ['weight-conflict', 'q3']]);
    expect(issues[0]!.message).toMatch(/valueDecimal/);
  });

  test('result bands: floor, thresholds that parse, unique codes, full texts', () => {
    const questionnaire = facilityInstrument();
    const total = scoreItem(questionnaire);
    const bands = total.extension!.filter((ext) => ext.url === lanternExtension.resultBand);
    bands[0]!.extension!.find((part) => part.url === 'minScore')!.valueDecimal = undefined;
    bands[0]!.extension!.find((part) => part.url === 'minScore')!.valueString = '>=2.5';
    bands[2]!.extension!.find((part) => part.url === 'code')!.valueCode = 'low';
    bands[2]!.extension = bands[2]!.extension!.filter((part) => part.url !== 'meaning');
    expect(errors(validateQuestionnaire(questionnaire))).toEqual([
      ['band-threshold-invalid', 'total'], ['band-code-duplicate', 'total'], ['band-text-missing', 'total']]);

    const noFloor = facilityInstrument();
    scoreItem(noFloor).extension = [scoreItem(noFloor).extension![0]!, resultBand('low', 0), resultBand('high', 5)];
    expect(errors(validateQuestionnaire(noFloor))).toEqual([['band-floor-missing', 'total']]);

    const twoFloors = facilityInstrument();
    scoreItem(twoFloors).extension!.push(resultBand('other'), resultBand('again', 5));
    expect(errors(validateQuestionnaire(twoFloors))).toEqual([['band-threshold-duplicate', 'total'], ['band-floor-duplicate', 'total']]);
  });

  test('an action not worded "Consider …" is a warning, not an error', () => {
    const questionnaire = facilityInstrument();
    scoreItem(questionnaire).extension!.push(resultBand('label', 9, 'Victim identified.'));
    const issues = validateQuestionnaire(questionnaire);
    expect(issues.map((issue) => [issue.severity, issue.rule])).toEqual([['warning', 'band-action-not-consider']]);
  });

  test('the score item: present, one, numeric, with a FHIRPath calculatedExpression', () => {
    const none = facilityInstrument();
    none.item!.pop();
    expect(errors(validateQuestionnaire(none))).toEqual([['score-item-missing', undefined]]);

    const wrong = facilityInstrument();
    const total = scoreItem(wrong);
    total.type = 'string';
    total.extension![0]!.valueExpression!.language = 'text/cql';
    expect(errors(validateQuestionnaire(wrong))).toEqual([['expression-language', 'total'], ['score-item-type', 'total'], ['score-expression-language', 'total']]);

    const two = facilityInstrument();
    two.item!.push({ ...structuredClone(scoreItem(two)), linkId: 'total-2' });
    expect(errors(validateQuestionnaire(two))).toEqual([['score-item-multiple', 'total-2']]);
  });

  test('FHIRPath expressions must compile and run without a terminology server', () => {
    const syntax = facilityInstrument();
    scoreItem(syntax).extension![0]!.valueExpression!.expression = '%resource.repeat(item).answer.value.weight(.sum()';
    const syntaxIssues = validateQuestionnaire(syntax);
    expect(errors(syntaxIssues)).toEqual([['expression-invalid', 'total']]);
    expect(syntaxIssues[0]!.message).toMatch(/does not compile/);

    const unknownFunction = facilityInstrument();
    scoreItem(unknownFunction).extension![0]!.valueExpression!.expression = '%resource.repeat(item).answer.value.score().sum()';
    expect(errors(validateQuestionnaire(unknownFunction))).toEqual([['expression-invalid', 'total']]);

    // A coded question without weights would send weight() to a terminology server.
    const unweighted = facilityInstrument();
    unweighted.item!.splice(2, 0, { linkId: 'sex', text: 'Sex', type: 'choice', answerOption: [{ valueCoding: { system: 'http://hl7.org/fhir/administrative-gender', code: 'female' } }] });
    const unweightedIssues = validateQuestionnaire(unweighted);
    expect(errors(unweightedIssues)).toEqual([['expression-invalid', 'total']]);
    expect(unweightedIssues[0]!.message).toMatch(/sample response/);

    const notANumber = facilityInstrument();
    scoreItem(notANumber).extension![0]!.valueExpression!.expression = "'high'";
    expect(errors(validateQuestionnaire(notANumber))).toEqual([['score-expression-result', 'total']]);
  });

  test('R4 structure: empty groups, display children, options on the wrong type, choice without options', () => {
    const questionnaire = facilityInstrument();
    questionnaire.item!.unshift(
      { linkId: 'empty', type: 'group' },
      { linkId: 'note', type: 'display', text: 'n', required: true, item: [{ linkId: 'note-child', type: 'display', text: 'c' }] },
      { linkId: 'flag', type: 'boolean', text: 'f', answerOption: [{ valueString: 'x' }] },
      { linkId: 'pick', type: 'choice', text: 'p' },
      { linkId: 'vs', type: 'choice', text: 'v', answerValueSet: 'http://example.org/ValueSet/x' },
      { linkId: 'kind', type: 'memo' as 'text', text: 'k' },
    );
    expect(errors(validateQuestionnaire(questionnaire))).toEqual([
      ['group-empty', 'empty'],
      ['display-has-children', 'note'],
      ['display-required-or-repeats', 'note'],
      ['answer-option-type', 'flag'],
      ['choice-without-options', 'pick'],
      ['answer-value-set-unsupported', 'vs'],
      ['item-type-invalid', 'kind'],
    ]);
  });

  test('enableWhenExpression is refused rather than silently ignored', () => {
    const questionnaire = facilityInstrument();
    questionnaire.item![1]!.extension = [{ url: fhirExtension.enableWhenExpression, valueExpression: { language: 'text/fhirpath', expression: 'true' } }];
    expect(errors(validateQuestionnaire(questionnaire))).toEqual([['enable-when-expression-unsupported', 'q1-detail']]);
  });

  test('issues become an OperationOutcome naming item, rule and location', () => {
    const questionnaire = structuredClone(adult);
    questionnaire.item![1]!.linkId = 'adult-unsafe-place';
    const outcome = toOperationOutcome(validateQuestionnaire(questionnaire));
    expect(outcome.issue[0]).toEqual({
      severity: 'error',
      code: 'invalid',
      details: {
        coding: [{ system: 'http://lantern.example.org/fhir/CodeSystem/validation-rule', code: 'link-id-duplicate' }],
        text: expect.stringMatching(/^adult-unsafe-place: linkId "adult-unsafe-place" is used by more than one item/),
      },
      expression: ['Questionnaire.item[1].linkId'],
    });
  });
});
