import { useEffect, useId, useState, type FormEvent } from 'react';
import { TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { useT } from '../../../i18n/i18n-context';
import { hasActiveRowFilters, isMinDeltaValid, type TRowFilterState } from '../diff-rules';

type TDiffFilterBarProps = {
  filters: TRowFilterState;
  /** The table listed; undefined for "All changes" (every table's columns are offered). */
  table: TTableName | undefined;
  onChange: (filters: TRowFilterState) => void;
  onClear: () => void;
};

/** Typing settles for this long before the server is asked. */
const TYPING_MS = 300;

function columnsOf(table: TTableName | undefined) {
  const specs = table ? [TABLE_SPECS[table]] : Object.values(TABLE_SPECS);
  const keys = new Set(specs.flatMap((spec) => spec.key));
  const values = new Set(
    specs.flatMap((spec) => spec.columns.map((c) => c.name).filter((name) => !spec.key.includes(name))),
  );
  return { keys: [...keys], values: [...values] };
}

type TColumnSelectProps = {
  id: string;
  label: string;
  /** The first option, for no column in particular (value ''). */
  anyLabel: string;
  names: readonly string[];
  value: string;
  onChange: (name: string) => void;
};

/** A column picked by name; a value not among `names` shows as the first option. */
function ColumnSelect({ id, label, anyLabel, names, value, onChange }: TColumnSelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        // Column names are kept as the bundle spells them, in every language.
        className="select mono"
        value={names.includes(value) ? value : ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{anyLabel}</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Find rows by a key value (ITEM-067), keep those that change a column or move by at least |Δ|, and order them. */
export function DiffFilterBar({ filters, table, onChange, onClear }: TDiffFilterBarProps) {
  const t = useT();
  const id = useId();
  const [keyText, setKeyText] = useState(filters.key);
  const [deltaText, setDeltaText] = useState(filters.minDelta);
  const isDeltaValid = isMinDeltaValid(deltaText.trim());
  const { keys, values } = columnsOf(table);

  useEffect(() => {
    const key = keyText.trim();
    if (key === filters.key) return undefined;
    const timer = setTimeout(() => onChange({ ...filters, key }), TYPING_MS);
    return () => clearTimeout(timer);
  }, [keyText, filters, onChange]);

  useEffect(() => {
    const minDelta = deltaText.trim();
    if (minDelta === filters.minDelta || !isMinDeltaValid(minDelta)) return undefined;
    const timer = setTimeout(() => onChange({ ...filters, minDelta }), TYPING_MS);
    return () => clearTimeout(timer);
  }, [deltaText, filters, onChange]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minDelta = deltaText.trim();
    onChange({
      ...filters,
      key: keyText.trim(),
      minDelta: isMinDeltaValid(minDelta) ? minDelta : filters.minDelta,
    });
  }

  function handleClear() {
    setKeyText('');
    setDeltaText('');
    onClear();
  }

  return (
    <form className="diff-filters" onSubmit={handleSubmit} role="search" aria-label={t('diff.filter.title')}>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('diff.filter.key')}</label>
        <input
          id={`${id}-key`}
          className="input input--key mono"
          type="search"
          value={keyText}
          maxLength={100}
          placeholder={t('diff.filter.keyPlaceholder')}
          onChange={(event) => setKeyText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-match`}>{t('diff.filter.match')}</label>
        <select
          id={`${id}-match`}
          className="select"
          value={filters.match}
          onChange={(event) =>
            onChange({ ...filters, match: event.target.value === 'exact' ? 'exact' : 'prefix' })
          }
        >
          <option value="prefix">{t('diff.filter.match.prefix')}</option>
          <option value="exact">{t('diff.filter.match.exact')}</option>
        </select>
      </div>
      <ColumnSelect
        id={`${id}-key-column`}
        label={t('diff.filter.keyColumn')}
        anyLabel={t('diff.filter.anyKey')}
        names={keys}
        value={filters.keyColumn}
        onChange={(keyColumn) => onChange({ ...filters, keyColumn })}
      />
      <ColumnSelect
        id={`${id}-column`}
        label={t('diff.filter.column')}
        anyLabel={t('diff.filter.anyColumn')}
        names={values}
        value={filters.column}
        onChange={(column) => onChange({ ...filters, column })}
      />
      <div className="field">
        <label htmlFor={`${id}-delta`}>{t('diff.filter.minDelta')}</label>
        <input
          id={`${id}-delta`}
          className="input input--delta num"
          inputMode="decimal"
          value={deltaText}
          maxLength={40}
          aria-invalid={!isDeltaValid}
          aria-describedby={isDeltaValid ? undefined : `${id}-delta-error`}
          onChange={(event) => setDeltaText(event.target.value)}
        />
        {isDeltaValid ? null : (
          <p id={`${id}-delta-error`} className="field-error">
            {t('diff.filter.minDeltaInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('diff.filter.sort')}</label>
        <select
          id={`${id}-sort`}
          className="select"
          value={filters.sort}
          onChange={(event) =>
            onChange({ ...filters, sort: event.target.value === 'abs_delta' ? 'abs_delta' : 'key' })
          }
        >
          <option value="key">{t('diff.filter.sort.key')}</option>
          <option value="abs_delta">{t('diff.filter.sort.absDelta')}</option>
        </select>
      </div>
      {hasActiveRowFilters(filters) ? (
        <button type="button" className="btn btn--secondary btn--small" onClick={handleClear}>
          {t('diff.filter.clear')}
        </button>
      ) : null}
    </form>
  );
}
