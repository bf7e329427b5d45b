import type { TDiffKind, TDiffResponse, TDiffRow, TDiffTableSummary } from '@planning-hub/contracts/api/diff';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';

/** Queued or running: ask again soon. */
export function isJobWorking(answer: TDiffResponse | undefined): boolean {
  return answer?.state === 'queued' || answer?.state === 'running';
}

const KIND_ORDER: readonly TDiffKind[] = ['changed', 'added', 'removed'];

/** The first table and kind with rows to show: changed rows first, then added, then removed. */
export function firstSelection(
  summary: readonly TDiffTableSummary[],
): { table: TTableName; kind: TDiffKind } | null {
  for (const entry of summary) {
    for (const kind of KIND_ORDER) if (entry[kind] > 0) return { table: entry.table, kind };
  }
  return null;
}

export function isTableName(value: string | null): value is TTableName {
  return value !== null && (TABLE_NAMES as readonly string[]).includes(value);
}

export function isDiffKind(value: string | null): value is TDiffKind {
  return value === 'added' || value === 'removed' || value === 'changed';
}

/** Columns of a diff row list: the natural key, then the others in the bundle's order. */
export function diffColumns(table: TTableName, kind: TDiffKind, changedColumns: Record<string, number>) {
  const spec = TABLE_SPECS[table];
  const key = [...spec.key];
  const others = spec.columns.map((column) => column.name).filter((name) => !key.includes(name));
  // Changed rows show only the columns that changed somewhere in this table.
  const values = kind === 'changed' ? others.filter((name) => (changedColumns[name] ?? 0) > 0) : others;
  // A column the API knows and the spec does not (a newer server) is still shown.
  const extra =
    kind === 'changed'
      ? Object.keys(changedColumns).filter((name) => !others.includes(name) && !key.includes(name))
      : [];
  return { key, values: [...values, ...extra] };
}

export function isChangedRow(row: TDiffRow): row is Extract<TDiffRow, { changes: unknown }> {
  return 'changes' in row;
}

/** `+20`, `-3.5`, `0`: the exact delta the API computed, with its sign. */
export function formatDelta(delta: string): string {
  if (delta.startsWith('-') || delta.startsWith('+')) return delta;
  return /^0+(\.0+)?$/.test(delta) ? delta : `+${delta}`;
}

// One formatter for every cell: toLocaleString would build a new one per call, which shows when scrolling.
const PERCENT_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `+12.5%`, `-100%`: the API's percent (4 places) shown to 2. */
export function formatPercent(percent: string): string {
  const value = Number(percent);
  if (!Number.isFinite(value)) return `${percent}%`;
  const text = PERCENT_NUMBER.format(Math.abs(value));
  return `${value > 0 ? '+' : value < 0 ? '-' : ''}${text}%`;
}

/**
 * The diff rows list scrolls through windows of rows; a window keeps the scroll
 * height within what browsers allow (100,000 rows of 48 px is 4.8 million px).
 */
export const DIFF_WINDOW_ROWS = 100_000;
export const DIFF_PAGE_ROWS = 200;

/** The reviewer's filters of the cell diff, as the URL holds them (`?key=&match=&key_column=&column=&min=&sort=`). */
export type TRowFilterState = {
  key: string;
  match: 'prefix' | 'exact';
  /** '' for any key column. */
  keyColumn: string;
  /** '' for any column. */
  column: string;
  /** '' for no threshold; else a plain non-negative decimal. */
  minDelta: string;
  sort: 'key' | 'abs_delta';
};

export const NO_ROW_FILTERS: TRowFilterState = {
  key: '',
  match: 'prefix',
  keyColumn: '',
  column: '',
  minDelta: '',
  sort: 'key',
};

const MIN_DELTA_TEXT = /^\d{1,30}(\.\d{1,10})?$/;

export function isMinDeltaValid(text: string): boolean {
  return text === '' || MIN_DELTA_TEXT.test(text);
}

export function rowFiltersFromParams(params: URLSearchParams): TRowFilterState {
  const minDelta = params.get('min') ?? '';
  return {
    key: (params.get('key') ?? '').trim().slice(0, 100),
    match: params.get('match') === 'exact' ? 'exact' : 'prefix',
    keyColumn: params.get('key_column') ?? '',
    column: params.get('column') ?? '',
    minDelta: isMinDeltaValid(minDelta) ? minDelta : '',
    sort: params.get('sort') === 'abs_delta' ? 'abs_delta' : 'key',
  };
}

/** The filters in the URL: defaults are left out, so a plain link stays short. */
export function writeRowFilters(params: URLSearchParams, filters: TRowFilterState): URLSearchParams {
  const next = new URLSearchParams(params);
  const entries: [string, string, string][] = [
    ['key', filters.key, ''],
    ['match', filters.match, 'prefix'],
    ['key_column', filters.keyColumn, ''],
    ['column', filters.column, ''],
    ['min', filters.minDelta, ''],
    ['sort', filters.sort, 'key'],
  ];
  for (const [name, value, fallback] of entries) {
    if (value === fallback) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

export function hasActiveRowFilters(filters: TRowFilterState): boolean {
  return filters.key !== '' || filters.column !== '' || filters.minDelta !== '' || filters.sort !== 'key';
}

/** The filters as GET .../diff/rows and .../diff/changes take them. */
export function rowFilterQuery(filters: TRowFilterState): Record<string, string | undefined> {
  return {
    key: filters.key || undefined,
    match: filters.key ? filters.match : undefined,
    key_column: filters.key && filters.keyColumn ? filters.keyColumn : undefined,
    column: filters.column || undefined,
    min_delta: filters.minDelta || undefined,
    sort: filters.sort === 'key' ? undefined : filters.sort,
  };
}

/** The Diff tab opens on "What moved"; `?view=cells` shows the cells. */
export type TDiffView = 'moved' | 'cells';

export function diffViewOf(params: URLSearchParams): TDiffView {
  return params.get('view') === 'cells' ? 'cells' : 'moved';
}

/**
 * What the cell view lists: one table and kind (GET .../diff/rows), or "All changes"
 * (GET .../diff/changes), every table or one, every kind or one: `table=all` or `kind=all`.
 */
export type TCellSelection =
  | { mode: 'rows'; table: TTableName; kind: TDiffKind }
  | { mode: 'changes'; table: TTableName | undefined; kind: TDiffKind | undefined };

export function cellSelectionOf(
  params: URLSearchParams,
  summary: readonly TDiffTableSummary[],
): TCellSelection | null {
  const table = params.get('table');
  const kind = params.get('kind');
  if (table === 'all' || kind === 'all') {
    return {
      mode: 'changes',
      table: isTableName(table) ? table : undefined,
      kind: isDiffKind(kind) ? kind : undefined,
    };
  }
  if (isTableName(table) && isDiffKind(kind)) {
    const entry = summary.find((candidate) => candidate.table === table);
    if (entry && entry[kind] > 0) return { mode: 'rows', table, kind };
  }
  const first = firstSelection(summary);
  return first ? { mode: 'rows', ...first } : null;
}

/** An exact decimal from the API with thousands separators, digits kept: `1234567.25` -> `1,234,567.25`. */
export function formatExactNumber(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `+431`, `-70`, `0`, grouped. */
export function formatSignedExact(text: string): string {
  return formatDelta(formatExactNumber(text));
}
