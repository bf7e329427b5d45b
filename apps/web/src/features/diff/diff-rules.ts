import type { TDiffKind, TDiffResponse, TDiffRow, TDiffTableSummary } from '@planning-hub/contracts/api/diff';
import type { TInputSetStatus } from '@planning-hub/contracts/api/input-sets';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';

/** Queued or running: ask again soon. */
export function isJobWorking(answer: TDiffResponse | undefined): boolean {
  return answer?.state === 'queued' || answer?.state === 'running';
}

type TRevisionLike = { id: number; ref: string; status: TInputSetStatus; revision: number };

/**
 * What to compare the revision on screen with, when the URL does not say:
 * - `default`: the ready revision of the label, which the API picks itself;
 * - `ref`: another revision (no ready one, or this is the ready one: the newest older revision);
 * - `none`: nothing older to compare with (the user may still pick a revision);
 * - `loading`: the revisions are needed and not loaded yet.
 */
export type TAgainstChoice = { kind: 'default' } | { kind: 'ref'; ref: string } | { kind: 'none' } | { kind: 'loading' };

export function chooseAgainst(
  current: TRevisionLike,
  fromUrl: string | null,
  revisions: readonly TRevisionLike[] | undefined,
): TAgainstChoice {
  if (fromUrl) return { kind: 'ref', ref: fromUrl };
  if (current.status !== 'ready' && !revisions) return { kind: 'default' };
  if (!revisions) return { kind: 'loading' };
  const others = revisions.filter((revision) => revision.id !== current.id);
  if (current.status !== 'ready' && others.some((revision) => revision.status === 'ready')) return { kind: 'default' };
  const older = others.filter((revision) => revision.revision < current.revision).sort((a, b) => b.revision - a.revision)[0];
  return older ? { kind: 'ref', ref: older.ref } : { kind: 'none' };
}

const KIND_ORDER: readonly TDiffKind[] = ['changed', 'added', 'removed'];

/** The first table and kind with rows to show: changed rows first, then added, then removed. */
export function firstSelection(summary: readonly TDiffTableSummary[]): { table: TTableName; kind: TDiffKind } | null {
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
  const extra = kind === 'changed' ? Object.keys(changedColumns).filter((name) => !others.includes(name) && !key.includes(name)) : [];
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
