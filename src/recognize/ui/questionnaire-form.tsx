/**
 * @module A light renderer of FHIR Questionnaires: text picked for the reader's language at run time
 * from the `translation` extensions, enableWhen, required items, help texts, hidden and calculated
 * items left out; one question per screen or all on one form. Each question is a fieldset whose
 * legend is the question, so a radio group reads as one; hints and errors are tied to it, and focus
 * moves to the new question, or to the error summary, so keyboard and screen reader users follow.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type MouseEvent, type ReactElement, type ReactNode, type Ref } from 'react';
import type { Translate } from '../../platform/i18n/format.ts';
import {
  answerKey, buildFormTree, buildResponse, findMissingRequired, groupTextOf, listQuestions, pruneAnswers,
  type FormAnswers, type FormNode, type QuestionNode,
} from './form-model.ts';

export type FormLayout = 'one-per-screen' | 'all';

export interface QuestionnaireFormProps {
  questionnaire: fhir4.Questionnaire;
  /** The language the questions are read in (a BCP 47 tag the Questionnaire may translate to). */
  language: string;
  layout: FormLayout;
  /** The UI's own words (buttons, errors) in the reader's language. */
  t: Translate;
  submitLabel: string;
  onSubmit: (response: fhir4.QuestionnaireResponse) => void | Promise<void>;
  /** meta.tag on the response (a self-screen). */
  tags?: fhir4.Coding[];
  /** Called on every step, e.g. to keep the browser history unchanged. */
  onStep?: () => void;
  busy?: boolean;
  /** Extra controls beside the buttons (e.g. "the patient declines"). */
  extraActions?: ReactNode;
}

/** Renders a Questionnaire and hands back the completed QuestionnaireResponse. */
export function QuestionnaireForm(props: QuestionnaireFormProps): ReactElement {
  const { questionnaire, language, layout, t, submitLabel, onSubmit, tags, onStep, busy, extraActions } = props;
  const formId = useId();
  const [answers, setAnswers] = useState<FormAnswers>(new Map());
  const [errors, setErrors] = useState<string[]>([]);
  const [position, setPosition] = useState(0);
  // Focus goes to the error summary on a failed attempt only, never while the person fixes answers.
  const [failedAttempts, setFailedAttempts] = useState(0);
  const labels = useMemo(() => ({ yes: t('recognize.form.yes'), no: t('recognize.form.no') }), [t]);
  const tree = useMemo(() => buildFormTree(questionnaire, language, answers, labels), [questionnaire, language, answers, labels]);
  const questions = useMemo(() => listQuestions(tree), [tree]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const questionRef = useRef<HTMLSpanElement>(null);
  const moved = useRef(false);
  const current = questions[Math.min(position, questions.length - 1)];

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);
  useEffect(() => {
    // Focus follows the question only after the person moved; the first question keeps page focus.
    if (moved.current) questionRef.current?.focus();
  }, [position]);

  const answer = (linkId: string, value: fhir4.QuestionnaireResponseItemAnswer[]): void => {
    setAnswers((before) => new Map(before).set(linkId, value));
    setErrors((before) => before.filter((id) => id !== linkId));
  };

  const finish = async (): Promise<void> => {
    const missing = findMissingRequired(questions, answers);
    if (missing.length > 0) {
      setErrors(missing);
      setFailedAttempts((n) => n + 1);
      return;
    }
    const given = pruneAnswers(questionnaire, answers, labels);
    await onSubmit(buildResponse(questionnaire, given, { authored: new Date().toISOString(), language, ...(tags ? { tags } : {}) }));
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    if (layout === 'all' || !current || position >= questions.length - 1) {
      void finish();
      return;
    }
    if (current.required && !answers.get(current.linkId)?.length) {
      setErrors([current.linkId]);
      setFailedAttempts((n) => n + 1);
      return;
    }
    setErrors([]);
    moved.current = true;
    setPosition(position + 1);
    onStep?.();
  };

  const back = (): void => {
    setErrors([]);
    moved.current = true;
    setPosition(Math.max(0, position - 1));
    onStep?.();
  };

  // Same-page links would add history entries (a self-screen must add none): focus the field instead.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, linkId: string): void => {
    event.preventDefault();
    document.getElementById(`${formId}-${linkId}-0`)?.focus();
  };

  const errorSummary = errors.length > 0 ? (
    <div ref={summaryRef} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>{t('recognize.form.fixAnswers')}</p>
      <ul>
        {errors.map((linkId) => {
          const question = questions.find((q) => q.linkId === linkId);
          return <li key={linkId}><a href={`#${formId}-${linkId}-0`} onClick={(event) => focusField(event, linkId)}>{question?.text ?? linkId}</a></li>;
        })}
      </ul>
    </div>
  ) : null;

  const renderQuestion = (node: QuestionNode, heading: boolean): ReactElement => (
    <Question key={node.linkId} node={node} idBase={`${formId}-${node.linkId}`} value={answers.get(node.linkId) ?? []}
      onAnswer={(value) => answer(node.linkId, value)} error={errors.includes(node.linkId) ? t('recognize.form.required') : undefined}
      requiredLabel={t('recognize.form.requiredMark')} optionalLabel={t('recognize.form.optionalMark')}
      {...(heading ? { headingRef: questionRef } : {})}>
      {node.children.map((child) => renderNode(child))}
    </Question>
  );

  const renderNode = (node: FormNode): ReactElement => {
    if (node.kind === 'question') return renderQuestion(node, false);
    if (node.kind === 'display') return <p key={node.linkId} className="q-display" data-link-id={node.linkId}>{node.text}</p>;
    return (
      <section key={node.linkId} className="q-group" data-link-id={node.linkId} aria-labelledby={`${formId}-${node.linkId}-title`}>
        <h2 id={`${formId}-${node.linkId}-title`}>{node.text}</h2>
        {node.help ? <p className="hint">{node.help}</p> : null}
        {node.children.map(renderNode)}
      </section>
    );
  };

  if (layout === 'one-per-screen' && current) {
    const group = groupTextOf(tree, current.linkId);
    const isLast = position >= questions.length - 1;
    return (
      <form className="q-form q-one" onSubmit={submit} noValidate aria-describedby={`${formId}-progress`}>
        <p className="q-progress" id={`${formId}-progress`}>{t('recognize.form.progress', { current: position + 1, total: questions.length })}</p>
        {group ? <p className="q-group-label">{group}</p> : null}
        {errorSummary}
        {renderQuestion({ ...current, children: [] }, true)}
        {current.children.map(renderNode)}
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy}>{isLast ? submitLabel : t('recognize.form.next')}</button>
          {position > 0 ? <button type="button" className="button-secondary" onClick={back}>{t('recognize.form.back')}</button> : null}
          {extraActions}
        </div>
      </form>
    );
  }

  return (
    <form className="q-form q-all" onSubmit={submit} noValidate>
      {errorSummary}
      {tree.map(renderNode)}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>{submitLabel}</button>
        {extraActions}
      </div>
    </form>
  );
}

interface QuestionProps {
  node: QuestionNode;
  idBase: string;
  value: readonly fhir4.QuestionnaireResponseItemAnswer[];
  onAnswer: (value: fhir4.QuestionnaireResponseItemAnswer[]) => void;
  error: string | undefined;
  requiredLabel: string;
  optionalLabel: string;
  headingRef?: Ref<HTMLSpanElement>;
  children?: ReactNode;
}

function Question({ node, idBase, value, onAnswer, error, requiredLabel, optionalLabel, headingRef, children }: QuestionProps): ReactElement {
  const helpId = `${idBase}-help`;
  const errorId = `${idBase}-error`;
  const describedBy = [node.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const mark = <span className="q-mark">{node.required ? requiredLabel : optionalLabel}</span>;
  const selected = new Set(value.map(answerKey));

  if (node.control === 'text' || node.control === 'number') {
    const current = value[0];
    const text = current ? String(current.valueString ?? current.valueInteger ?? current.valueDecimal ?? '') : '';
    return (
      <div className={`field q-question${error ? ' q-invalid' : ''}`} data-link-id={node.linkId}>
        <label htmlFor={`${idBase}-0`}>{node.text} {mark}</label>
        {node.help ? <p className="hint" id={helpId}>{node.help}</p> : null}
        {error ? <p className="field-error" id={errorId}>{error}</p> : null}
        <input id={`${idBase}-0`} value={text} inputMode={node.control === 'number' ? 'decimal' : undefined}
          aria-invalid={error ? true : undefined} aria-describedby={describedBy} aria-required={node.required || undefined}
          onChange={(event) => {
            const raw = event.target.value;
            if (raw.trim() === '') onAnswer([]);
            else if (node.control === 'number') {
              const parsed = Number(raw);
              onAnswer(Number.isFinite(parsed) ? [Number.isInteger(parsed) ? { valueInteger: parsed } : { valueDecimal: parsed }] : []);
            } else onAnswer([{ valueString: raw }]);
          }} />
        {children}
      </div>
    );
  }

  const multiple = node.control === 'multiple';
  return (
    <fieldset className={`q-question${error ? ' q-invalid' : ''}`} data-link-id={node.linkId} aria-describedby={describedBy} aria-labelledby={`${idBase}-label`}
      {...(!multiple ? { role: 'radiogroup', 'aria-required': node.required || undefined } : {})}
      aria-invalid={error ? true : undefined}>
      <legend id={`${idBase}-label`}><span className="q-text" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>{node.text}</span> {mark}</legend>
      {node.help ? <p className="hint" id={helpId}>{node.help}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
      <div className="q-options">
        {node.options.map((option, index) => (
          <label key={option.key} className="choice q-option" htmlFor={`${idBase}-${index}`}>
            <input type={multiple ? 'checkbox' : 'radio'} id={`${idBase}-${index}`} name={idBase} value={option.key}
              checked={selected.has(option.key)}
              onChange={(event) => {
                if (!multiple) onAnswer([option.answer]);
                else if (event.target.checked) onAnswer([...value, option.answer]);
                else onAnswer(value.filter((a) => answerKey(a) !== option.key));
              }} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
