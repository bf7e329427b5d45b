import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';

/** What the control of a field spreads on itself: its id, and the ids of the texts describing it. */
export type TFieldControl = { id: string; 'aria-describedby': string | undefined };

type TFormFieldProps = {
  /** The control's id; the hint and the message take `<id>-hint` and `<id>-message`. */
  id: string;
  label: ReactNode;
  /** "required" or "optional" after the label. */
  mark?: 'required' | 'optional';
  hint?: ReactNode;
  /**
   * A live line under the hint: a validation error, or a confirmation as the user types.
   * Pass it (even empty) for a field that can have one, so that what appears in it is read out.
   */
  message?: ReactNode;
  messageTone?: 'error' | 'ok';
  /** Ids of other texts that describe the control (a notice next to the form), after the hint and message. */
  describedBy?: string;
  /** Classes besides `field` (`field--wide`, `field--inline`, ...). */
  className?: string;
  children: (control: TFieldControl) => ReactNode;
};

/**
 * A form field: label, control, hint and message, tied together by ids so that a
 * screen reader reads the hint and the error with the control.
 */
export function FormField({
  id,
  label,
  mark,
  hint,
  message,
  messageTone = 'error',
  describedBy,
  className,
  children,
}: TFormFieldProps) {
  const t = useT();
  const hintId = hint === undefined ? null : `${id}-hint`;
  const messageId = message === undefined ? null : `${id}-message`;
  const describedByIds = [hintId, messageId, describedBy].filter(Boolean).join(' ');

  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {mark ? (
          <>
            {' '}
            <span className={`${mark}-mark`}>
              {t(mark === 'required' ? 'form.required' : 'form.optional')}
            </span>
          </>
        ) : null}
      </label>
      {children({ id, 'aria-describedby': describedByIds || undefined })}
      {hintId ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {messageId ? (
        <p className={messageTone === 'ok' ? 'field-ok' : 'field-error'} id={messageId} aria-live="polite">
          {message}
        </p>
      ) : null}
    </div>
  );
}

type TCheckboxFieldProps = {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Classes besides `field field--checkbox`. */
  className?: string;
};

/** A checkbox with its label and hint beside it. */
export function CheckboxField({ id, label, hint, checked, onChange, className }: TCheckboxFieldProps) {
  return (
    <div className={className ? `field field--checkbox ${className}` : 'field field--checkbox'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
    </div>
  );
}
