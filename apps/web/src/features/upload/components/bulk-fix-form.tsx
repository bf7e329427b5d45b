import { useId, useState, type FormEvent } from 'react';
import { useT, useTc } from '../../../i18n/i18n-context';
import type { TMessageKey } from '../../../i18n/en';
import { BULK_FIXES, type TBulkFix } from '../fix/bulk-fixes';
import {
  cellKey,
  isBulkFixable,
  planBulkFix,
  type TCellEdit,
  type TFixScope,
  type TFixSession,
  type TGridMarks,
} from '../fix/fix-session';

const FIX_LABELS: Record<TBulkFix, TMessageKey> = {
  halfWidthDigits: 'fix.bulk.halfWidthDigits',
  trimSpaces: 'fix.bulk.trimSpaces',
  thousandsSeparators: 'fix.bulk.thousandsSeparators',
  dateFormat: 'fix.bulk.dateFormat',
};

const ALL = 'all';

/** The columns with cells a bulk fix may change, as `<select>` values: file and column index. */
function fixableColumns(
  session: TFixSession,
  marks: TGridMarks,
): { value: string; file: string; columnIndex: number; column: string }[] {
  const columns = new Map<string, { value: string; file: string; columnIndex: number; column: string }>();
  for (const [file, fixFile] of session.files) {
    fixFile.header.forEach((column, columnIndex) => {
      const hasMarks = (session.lines.get(file) ?? []).some((row) =>
        isBulkFixable(marks.cells.get(cellKey(file, row, columnIndex)) ?? []),
      );
      const value = `${file}\u0000${columnIndex}`;
      if (hasMarks) columns.set(value, { value, file, columnIndex, column });
    });
  }
  return [...columns.values()];
}

function scopeOf(value: string): TFixScope {
  if (value === ALL) return { kind: 'all' };
  const [file = '', columnIndex = '0'] = value.split('\u0000');
  return { kind: 'column', file, columnIndex: Number(columnIndex) };
}

type TBulkFixFormProps = {
  session: TFixSession;
  marks: TGridMarks;
  isDisabled: boolean;
  onApply: (edits: TCellEdit[]) => void;
};

/** One fix, to every marked cell or one column's, with the count of cells it changes before it does. */
export function BulkFixForm({ session, marks, isDisabled, onApply }: TBulkFixFormProps) {
  const t = useT();
  const tc = useTc();
  const ids = { fix: useId(), scope: useId(), preview: useId() };
  const [fix, setFix] = useState<TBulkFix>('halfWidthDigits');
  const [scopeValue, setScopeValue] = useState(ALL);
  const [applied, setApplied] = useState<number | null>(null);
  const columns = fixableColumns(session, marks);
  // A column that has no marked cell any more falls back to every cell.
  const scope = columns.some((column) => column.value === scopeValue) ? scopeValue : ALL;
  const planned = planBulkFix(session, marks, fix, scopeOf(scope));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (planned.length === 0) return;
    onApply(planned);
    setApplied(planned.length);
  }

  return (
    <form className="bulk-fix-form stack-s" onSubmit={handleSubmit} aria-labelledby={`${ids.fix}-title`}>
      <h3 id={`${ids.fix}-title`}>{t('fix.bulk.title')}</h3>
      <div className="bulk-fix-fields">
        <div className="field">
          <label htmlFor={ids.fix}>{t('fix.bulk.fix')}</label>
          <select
            id={ids.fix}
            className="select"
            value={fix}
            onChange={(event) => {
              setFix(event.target.value as TBulkFix);
              setApplied(null);
            }}
          >
            {BULK_FIXES.map((value) => (
              <option key={value} value={value}>
                {t(FIX_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.scope}>{t('fix.bulk.scope')}</label>
          <select
            id={ids.scope}
            className="select"
            value={scope}
            onChange={(event) => {
              setScopeValue(event.target.value);
              setApplied(null);
            }}
          >
            <option value={ALL}>{t('fix.bulk.scopeAll')}</option>
            {columns.map((column) => (
              <option key={column.value} value={column.value}>
                {`${column.file} · ${column.column}`}
              </option>
            ))}
          </select>
        </div>
        <div className="bulk-fix-apply">
          <button
            type="submit"
            className="btn btn--secondary"
            disabled={isDisabled || planned.length === 0}
            aria-describedby={ids.preview}
          >
            {t('fix.bulk.apply')}
          </button>
        </div>
      </div>
      <p id={ids.preview} className="bulk-fix-preview" aria-live="polite">
        {applied !== null
          ? tc('fix.bulk.applied', applied)
          : planned.length > 0
            ? tc('fix.bulk.preview', planned.length)
            : t('fix.bulk.previewNone')}
      </p>
      <p className="field-hint">{t('fix.bulk.never')}</p>
    </form>
  );
}
