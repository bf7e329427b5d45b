import { useId } from 'react';
import type { TInputSetSummary } from '@planning-hub/contracts/api/input-sets';
import { useT } from '../../../i18n/i18n-context';
import { FormField } from '../../../components/ui/form-field';

type TAgainstPickerProps = {
  currentId: number;
  /** The reference compared with now ('' when none is chosen). */
  value: string;
  revisions: readonly TInputSetSummary[] | undefined;
  onChange: (ref: string) => void;
};

/** The other side of the diff: any other revision of the label, newest first. */
export function AgainstPicker({ currentId, value, revisions, onChange }: TAgainstPickerProps) {
  const t = useT();
  const id = useId();
  const others = (revisions ?? []).filter((revision) => revision.id !== currentId);
  const isKnown = others.some((revision) => revision.ref === value);
  return (
    <FormField id={id} label={t('diff.against.label')} className="field--inline against-picker">
      {(control) => (
        <select
          {...control}
          className="select"
          value={value}
          disabled={!revisions || others.length === 0}
          onChange={(event) => onChange(event.target.value)}
        >
          {value === '' ? <option value="">{t('diff.against.choose')}</option> : null}
          {value !== '' && !isKnown ? <option value={value}>{value}</option> : null}
          {others.map((revision) => (
            <option key={revision.id} value={revision.ref}>
              {t('diff.against.option', {
                ref: revision.ref,
                status: t(`status.${revision.status}`),
                revision: `r${revision.revision}`,
                versionId: revision.versionId,
              })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
