import { useId } from 'react';
import type { TFieldControl } from '../../../components/ui/form-field';

type TReadyLabelInputProps = {
  control: TFieldControl;
  value: string;
  onChange: (value: string) => void;
  /** Labels that have a ready revision, offered as suggestions. */
  readyLabels: readonly string[];
  maxLength: number;
  placeholder?: string;
};

/** An input set label, typed or picked from the labels that have a ready revision. */
export function ReadyLabelInput({
  control,
  value,
  onChange,
  readyLabels,
  maxLength,
  placeholder,
}: TReadyLabelInputProps) {
  const listId = useId();
  return (
    <>
      <input
        {...control}
        className="input mono"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        list={listId}
        maxLength={maxLength}
        autoComplete="off"
        placeholder={placeholder}
      />
      <datalist id={listId}>
        {readyLabels.map((ready) => (
          <option key={ready} value={ready} />
        ))}
      </datalist>
    </>
  );
}
