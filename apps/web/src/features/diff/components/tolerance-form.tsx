import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context';
import { FormField } from '../../../components/ui/form-field';
import { isToleranceTextValid, splitToleranceText } from '../moved-rules';

type TToleranceFormProps = {
  /** The tolerances the URL asks for (`demand.quantity:0.5%`), over the label's defaults. */
  tolerance: readonly string[];
  onApply: (texts: readonly string[]) => void;
};

/**
 * Changes below a tolerance count as unchanged, and are counted apart (docs/design.md
 * section 6): the reviewer writes `demand.quantity:0.5%` or `inventory.on_hand:10`.
 */
export function ToleranceForm({ tolerance, onApply }: TToleranceFormProps) {
  const t = useT();
  const id = useId();
  const applied = tolerance.join(' ');
  const [text, setText] = useState(applied);
  const [isSubmitted, setIsSubmitted] = useState(false);
  // Back and forward change the URL: the field follows it.
  const [shownApplied, setShownApplied] = useState(applied);
  if (shownApplied !== applied) {
    setShownApplied(applied);
    setText(applied);
  }
  const isValid = isToleranceTextValid(text);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSubmitted(true);
    if (isValid) onApply(splitToleranceText(text));
  }

  return (
    <form className="tolerance-form" onSubmit={handleSubmit} aria-label={t('diff.moved.tolerance.title')}>
      <FormField
        id={`${id}-tolerance`}
        label={t('diff.moved.tolerance.label')}
        hint={t('diff.moved.tolerance.hint')}
        message={isSubmitted && !isValid ? t('diff.moved.tolerance.invalid') : ''}
      >
        {(control) => (
          <input
            {...control}
            className="input mono"
            value={text}
            maxLength={400}
            placeholder="demand.quantity:0.5%"
            aria-invalid={isSubmitted && !isValid}
            onChange={(event) => {
              setText(event.target.value);
              setIsSubmitted(false);
            }}
          />
        )}
      </FormField>
      <button type="submit" className="btn btn--secondary">
        {t('diff.moved.tolerance.apply')}
      </button>
    </form>
  );
}
