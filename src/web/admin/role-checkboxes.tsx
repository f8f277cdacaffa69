/**
 * @module A group of role checkboxes with a legend, used to create a user and to change roles.
 */
import type { ReactElement } from 'react';
import { roles } from '../../platform/policy.ts';
import { useMessages } from '../i18n.tsx';
import { labelRole } from './role-labels.ts';

export interface RoleCheckboxesProps {
  idPrefix: string;
  legend: string;
  selected: readonly string[];
  onChange: (roles: string[]) => void;
  error?: string;
}

/** Checkboxes for every role. */
export function RoleCheckboxes({ idPrefix, legend, selected, onChange, error }: RoleCheckboxesProps): ReactElement {
  const { t } = useMessages();
  const errorId = `${idPrefix}-error`;
  const toggle = (role: string, on: boolean): void => {
    onChange(on ? [...selected, role] : selected.filter((r) => r !== role));
  };
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
      <div className="choices-grid">
        {roles.map((role) => (
          <label key={role} className="choice">
            <input type="checkbox" name={`${idPrefix}-roles`} value={role} checked={selected.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)} />
            <span>{labelRole(t, role)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
