/**
 * @module One question as a fieldset: radio buttons for single choice, checkboxes for multiple,
 * and after an answer, feedback under every option (chosen or not, right or wrong) in words, not
 * colour alone.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { CourseInline, Footnotes } from './course-text.tsx';
import type { CheckResult, QuestionView } from './learn-types.ts';

export interface QuestionFieldsProps {
  question: QuestionView;
  /** Unique on the page: prefixes input and footnote ids. */
  prefix: string;
  chosen: string[];
  onChange: (optionIds: string[]) => void;
  result?: CheckResult | undefined;
  number?: number;
}

/** The question's prompt, options, feedback and sources. */
export function QuestionFields({ question, prefix, chosen, onChange, result, number }: QuestionFieldsProps): ReactElement {
  const { t } = useMessages();
  const toggle = (id: string, on: boolean): void => {
    if (question.type === 'single') onChange([id]);
    else onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  };
  return (
    <fieldset className="learn-question" disabled={result !== undefined}>
      <legend>
        {number !== undefined ? `${number}. ` : ''}<CourseInline text={question.prompt} prefix={prefix} />
        <span className="hint learn-question-hint">{question.type === 'single' ? t('learn.question.single') : t('learn.question.multiple')}</span>
      </legend>
      <ul className="plain-list">
        {question.options.map((option) => {
          const feedback = result?.options.find((o) => o.id === option.id);
          const inputId = `${prefix}-${option.id}`;
          return (
            <li key={option.id} className={feedback ? (feedback.correct ? 'learn-option learn-option-correct' : 'learn-option learn-option-wrong') : 'learn-option'}>
              <label className="choice" htmlFor={inputId}>
                <input
                  id={inputId}
                  type={question.type === 'single' ? 'radio' : 'checkbox'}
                  name={prefix}
                  checked={chosen.includes(option.id)}
                  onChange={(event) => toggle(option.id, event.target.checked)}
                />
                <CourseInline text={option.text} prefix={prefix} />
              </label>
              {feedback ? (
                <p className="learn-feedback">
                  <strong>{feedback.correct ? t('learn.question.correctOption') : t('learn.question.wrongOption')}</strong>
                  {feedback.chosen ? ` (${t('learn.question.yourChoice')})` : ''} {feedback.feedback}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Footnotes notes={question.footnotes} prefix={prefix} />
    </fieldset>
  );
}
