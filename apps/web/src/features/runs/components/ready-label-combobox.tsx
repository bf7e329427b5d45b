import { useId, useState, type KeyboardEvent } from 'react';
import type { TFieldControl } from '../../../components/ui/form-field';
import { formatJst } from '../../../lib/format';
import { useThrottledValue } from '../../../lib/use-throttled-value';
import { useT, useTc } from '../../../i18n/i18n-context';
import { useReadyLabels } from '../api/search-ready-labels';

/** How often the text typed is sent as a search. */
const SEARCH_INTERVAL_MS = 250;

type TReadyLabelComboboxProps = {
  control: TFieldControl;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  placeholder?: string;
  /** The label typed has no ready revision: the message under the field says what to do. */
  isInvalid?: boolean;
};

/**
 * A type-ahead over the labels that have a ready revision, as the WAI-ARIA combobox
 * pattern (list autocomplete) has it: focus stays in the text box; Down and Up move
 * through the options, Enter picks one, Escape closes the list (or clears the text),
 * Alt+Down opens it. Labels with only a draft are never offered: runs read ready data.
 */
export function ReadyLabelCombobox({
  control,
  value,
  onChange,
  maxLength,
  placeholder,
  isInvalid,
}: TReadyLabelComboboxProps) {
  const t = useT();
  const tc = useTc();
  const listId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const search = useThrottledValue(value.trim(), SEARCH_INTERVAL_MS);
  const ready = useReadyLabels(search);
  const options = ready.data ?? [];
  const isShown = isOpen && options.length > 0;
  const active = isShown && activeIndex >= 0 ? options[activeIndex] : undefined;
  const optionId = (index: number) => `${listId}-option-${index}`;

  function choose(label: string) {
    onChange(label);
    setIsOpen(false);
    setActiveIndex(-1);
  }

  /** Down from the text box goes to the first option, Up to the last; both wrap around. */
  function move(step: 1 | -1) {
    setIsOpen(true);
    const count = options.length;
    if (count === 0) return;
    setActiveIndex((index) => (index < 0 ? (step > 0 ? 0 : count - 1) : (index + step + count) % count));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) setIsOpen(true);
        else move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        // Enter picks the highlighted option; with none, it sends the form as usual.
        if (active) {
          event.preventDefault();
          choose(active.label);
        }
        break;
      case 'Escape':
        if (isShown) {
          event.preventDefault();
          setIsOpen(false);
          setActiveIndex(-1);
        } else if (value !== '') {
          event.preventDefault();
          onChange('');
        }
        break;
      default:
        break;
    }
  }

  return (
    <div className="combobox">
      <input
        {...control}
        className="input mono"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isShown}
        aria-controls={listId}
        aria-activedescendant={active ? optionId(activeIndex) : undefined}
        aria-invalid={isInvalid || undefined}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setIsOpen(true);
          setActiveIndex(-1);
        }}
        onKeyDown={handleKeyDown}
        onFocus={() => setIsOpen(true)}
        onBlur={() => {
          setIsOpen(false);
          setActiveIndex(-1);
        }}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
      />
      <ul
        id={listId}
        role="listbox"
        className="combobox-list"
        aria-label={t('runs.picker.label')}
        hidden={!isShown}
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={`combobox-option${index === activeIndex ? ' combobox-option--active' : ''}`}
            // Picked before the text box loses focus (which closes the list).
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option.label)}
          >
            <span className="mono combobox-option-label">{option.label}</span>
            <span className="combobox-option-detail muted">
              {t('runs.picker.detail', {
                revision: `r${option.revision}`,
                versionId: option.versionId,
                time: formatJst(option.approvedAt),
              })}
            </span>
          </li>
        ))}
      </ul>
      <span className="visually-hidden" role="status">
        {isOpen && ready.isSuccess ? tc('runs.picker.count', options.length) : ''}
      </span>
    </div>
  );
}
