/**
 * @module Form parts that keep WCAG's promises: every input has a visible label, hints and errors
 * are tied to it with aria-describedby, and a failed submit announces itself and takes focus.
 */
import { useEffect, useRef, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A labelled text input with an optional hint and error message. */
export function TextField({ id, label, value, onChange, hint, error, ...input }: TextFieldProps): ReactElement {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
      <input
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

/** An error box above a form: announced as an alert, and focused so keyboard users land on it. */
export function FormError({ message }: { message: string | undefined }): ReactElement | null {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return <div ref={ref} className="notice notice-error" role="alert" tabIndex={-1}>{message}</div>;
}

/**
 * A polite status line (saved, created…) that screen readers announce without moving focus. The
 * live region is always rendered, so the first message is announced too.
 */
export function StatusMessage({ message }: { message: ReactNode }): ReactElement {
  return <div className={message ? 'notice notice-ok' : 'status-empty'} role="status">{message}</div>;
}
