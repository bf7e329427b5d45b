import { useEffect, useId, useRef, useState } from 'react';
import { INPUT_SET_STATUSES, type TInputSetStatus } from '@planning-hub/contracts/api/input-set-statuses';
import { useIsPainted } from '../../../lib/painted-context';
import { useT } from '../../../i18n/i18n-context';
import { FormField } from '../../../components/ui/form-field';
import type { TInputSetFilters } from '../api/list-input-sets';
import { SEARCH_MAX_LENGTH } from '../list-query';

const SEARCH_DEBOUNCE_MS = 300;

type TListFiltersProps = {
  filters: TInputSetFilters;
  /** Changes only the filters named; the others stay as the URL has them. */
  onChange: (patch: Partial<TInputSetFilters>) => void;
};

/** Status filter and a debounced search box; the page keeps both in the URL. */
export function ListFilters({ filters, onChange }: TListFiltersProps) {
  const t = useT();
  const painted = useIsPainted();
  const searchId = useId();
  const urlSearch = filters.search ?? '';
  const [text, setText] = useState(urlSearch);
  const [syncedSearch, setSyncedSearch] = useState(urlSearch);
  const timerRef = useRef<number | undefined>(undefined);

  // Back/forward changed the URL: show what it says (React's "adjust state while rendering").
  if (urlSearch !== syncedSearch) {
    setSyncedSearch(urlSearch);
    setText(urlSearch);
  }

  useEffect(() => () => window.clearTimeout(timerRef.current), []);

  function handleSearchChange(value: string) {
    setText(value);
    window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => {
      const search = value.trim();
      setSyncedSearch(search);
      onChange({ search: search || undefined });
    }, SEARCH_DEBOUNCE_MS);
  }

  function handleStatusChange(status: TInputSetStatus | undefined) {
    onChange({ status });
  }

  const options: { value: TInputSetStatus | undefined; label: string }[] = [
    { value: undefined, label: t('list.filter.all') },
    ...INPUT_SET_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
  ];

  return (
    <div className="filters">
      <fieldset className="segmented" disabled={painted}>
        <legend className="segmented-legend">{t('list.filter.status')}</legend>
        {options.map((option) => (
          <label key={option.value ?? 'all'} className="segmented-option">
            <input
              type="radio"
              name="status"
              value={option.value ?? ''}
              checked={filters.status === option.value}
              onChange={() => handleStatusChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <FormField id={searchId} label={t('list.search.label')} className="field--inline search-field">
        {(control) => (
          <input
            {...control}
            className="input"
            type="search"
            value={text}
            maxLength={SEARCH_MAX_LENGTH}
            disabled={painted}
            placeholder={t('list.search.placeholder')}
            onChange={(event) => handleSearchChange(event.target.value)}
          />
        )}
      </FormField>
    </div>
  );
}
