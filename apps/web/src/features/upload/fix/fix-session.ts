import {
  BROWSER_EDIT_LIMITS,
  type TBrowserEdit,
  type TImportReport,
} from '@planning-hub/contracts/api/input-sets';
import type { TProblem, TProblemCode } from '@planning-hub/contracts/problems';
import { applyBulkFix, type TBulkFix } from './bulk-fixes';
import {
  decodeSpan,
  detectEncoding,
  formatCell,
  isFileEncoding,
  locateRecords,
  splitRecord,
  type TFileEncoding,
  type TRecordSpan,
} from '@planning-hub/planner-files/csv-records';
import { concatBytes } from '@planning-hub/planner-files/concat-bytes';
import { encodeText, findUnencodableCharacter } from '@planning-hub/planner-files/encode-text';

/**
 * Fixing a refused bundle in the browser (docs/design.md section 3): the CSV files the
 * planner dropped, the rows a report named, the cells edited. Plain data and functions;
 * the page keeps one session per upload and replaces it on every change.
 */

export type TDroppedFile = { name: string; bytes: Uint8Array };

export type TFixFile = {
  name: string;
  encoding: TFileEncoding;
  bytes: Uint8Array;
  /** The header's cells, as written. */
  header: readonly string[];
  spans: ReadonlyMap<number, TRecordSpan>;
  /** The cells of each row read, by line; null when the row is not there or has not the header's cells. */
  rows: ReadonlyMap<number, readonly string[] | null>;
};

export type TCellEdit = TBrowserEdit & { columnIndex: number };

export type TFixSession = {
  /** The CSV files dropped, by name; other files go with the upload unchanged. */
  files: ReadonlyMap<string, TFixFile>;
  edits: ReadonlyMap<string, TCellEdit>;
  /** The rows of the grid per file, in file order: every row a report named, kept once fixed. */
  lines: ReadonlyMap<string, readonly number[]>;
  /** The newest report: the upload's, or the last check's. */
  report: TImportReport;
  /** The edits the files of that report carried. */
  reportEdits: ReadonlyMap<string, TCellEdit>;
};

/** Why a problem is listed beside the grid rather than marked in it. */
export type TOutsideReason = 'file' | 'notEditable' | 'unreadable' | 'changed';

export type TGridMarks = {
  /** The problems of each marked cell. */
  cells: ReadonlyMap<string, readonly TProblem[]>;
  /** Every problem of each row, its cells' and its own. */
  rows: ReadonlyMap<string, readonly TProblem[]>;
  outside: readonly { problem: TProblem; reason: TOutsideReason }[];
};

/** Which marked cells a bulk fix changes: every file's, or one column's. */
export type TFixScope = { kind: 'all' } | { kind: 'column'; file: string; columnIndex: number };

/** Problems about a cell's value: the kinds a bulk fix may change (never a key of a duplicate row). */
const VALUE_PROBLEMS: ReadonlySet<TProblemCode> = new Set([
  'wrong_type',
  'out_of_range',
  'invalid_code',
  'period_granularity',
  'param_invalid',
]);
/** The header is line 1; rows start at 2. */
const FIRST_ROW = 2;
const MAX_COLUMN_NAME = 200;
/** The server cuts a value quoted in a problem at 200 characters and adds an ellipsis. */
const QUOTED_VALUE_LENGTH = 200;

export const cellKey = (file: string, row: number, columnIndex: number) =>
  `${file}\u0000${row}\u0000${columnIndex}`;
export const rowKey = (file: string, row: number) => `${file}\u0000${row}`;

function isCsv(name: string): boolean {
  return name.toLowerCase().endsWith('.csv');
}

/** Reads the cells of `lines` that are not read yet. */
function readRows(file: TFixFile, lines: readonly number[]): TFixFile {
  const wanted = new Set(lines.filter((line) => line >= FIRST_ROW && !file.rows.has(line)));
  if (wanted.size === 0) return file;
  const found = locateRecords(file.bytes, wanted);
  const spans = new Map(file.spans);
  const rows = new Map(file.rows);
  for (const line of wanted) {
    const span = found.get(line);
    const cells = span
      ? splitRecord(decodeSpan(file.bytes, span, file.encoding)).map((cell) => cell.value)
      : null;
    if (span) spans.set(line, span);
    rows.set(line, cells && cells.length === file.header.length ? cells : null);
  }
  return { ...file, spans, rows };
}

function openFile(dropped: TDroppedFile, reported: string | undefined): TFixFile {
  const encoding = isFileEncoding(reported) ? reported : detectEncoding(dropped.bytes);
  const headerSpan = locateRecords(dropped.bytes, new Set([1])).get(1);
  const header = headerSpan
    ? splitRecord(decodeSpan(dropped.bytes, headerSpan, encoding)).map((cell) => cell.value)
    : [];
  return { name: dropped.name, encoding, bytes: dropped.bytes, header, spans: new Map(), rows: new Map() };
}

/** A session over the files of an upload and its report (a refused bundle or a draft marked invalid). */
export function openFixSession(dropped: readonly TDroppedFile[], report: TImportReport): TFixSession {
  const files = new Map<string, TFixFile>();
  for (const file of dropped)
    if (isCsv(file.name)) files.set(file.name, openFile(file, report.encodings[file.name]));
  // One map for both: the report is about the files as dropped, so nothing waits to be checked.
  const none = new Map<string, TCellEdit>();
  return withReport({ files, edits: none, lines: new Map(), report, reportEdits: none }, report, none);
}

/** The session with a newer report, about files that carried `reportEdits`: its rows join the grid. */
export function withReport(
  session: TFixSession,
  report: TImportReport,
  reportEdits: ReadonlyMap<string, TCellEdit>,
): TFixSession {
  const named = new Map<string, Set<number>>();
  for (const problem of report.problems) {
    if (
      problem.file === null ||
      problem.row === null ||
      problem.row < FIRST_ROW ||
      !session.files.has(problem.file)
    )
      continue;
    let lines = named.get(problem.file);
    if (!lines) named.set(problem.file, (lines = new Set()));
    lines.add(problem.row);
  }
  const files = new Map(session.files);
  const allLines = new Map(session.lines);
  for (const [name, lines] of named) {
    const merged = [...new Set([...(session.lines.get(name) ?? []), ...lines])].sort((a, b) => a - b);
    allLines.set(name, merged);
    files.set(name, readRows(files.get(name)!, merged));
  }
  return { ...session, files, lines: allLines, report, reportEdits };
}

function originalValue(session: TFixSession, file: string, row: number, columnIndex: number): string | null {
  return session.files.get(file)?.rows.get(row)?.[columnIndex] ?? null;
}

/** A cell's value now: edited, else as dropped. */
export function cellValue(session: TFixSession, file: string, row: number, columnIndex: number): string {
  return (
    session.edits.get(cellKey(file, row, columnIndex))?.after ??
    originalValue(session, file, row, columnIndex) ??
    ''
  );
}

/** Whether the planner may edit the cell: a row read whole, a value and column name within the bounds of an edit. */
export function isEditable(session: TFixSession, file: string, row: number, columnIndex: number): boolean {
  const original = originalValue(session, file, row, columnIndex);
  const column = session.files.get(file)?.header[columnIndex];
  return (
    original !== null &&
    column !== undefined &&
    column.length <= MAX_COLUMN_NAME &&
    original.length <= BROWSER_EDIT_LIMITS.maxValueLength
  );
}

/** Whether a problem's quoted value is the cell's (cut at 200 characters by the server). */
function isSameValue(quoted: string, value: string): boolean {
  if (quoted === value) return true;
  return (
    quoted.length === QUOTED_VALUE_LENGTH + 1 &&
    quoted.endsWith('…') &&
    value.startsWith(quoted.slice(0, QUOTED_VALUE_LENGTH))
  );
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Where the newest report's problems go: on a cell (its column in the file's header, and
 * the value it quotes is the cell's as checked), on a row (no column, or several: a
 * duplicate key), or beside the grid (a whole file, the header, an unreadable row, a value
 * that is not the cell's: never marked on a guess).
 */
export function markProblems(session: TFixSession): TGridMarks {
  const cells = new Map<string, TProblem[]>();
  const rows = new Map<string, TProblem[]>();
  const outside: { problem: TProblem; reason: TOutsideReason }[] = [];
  for (const problem of session.report.problems) {
    const file = problem.file === null ? undefined : session.files.get(problem.file);
    if (problem.row === null || problem.row < FIRST_ROW) {
      outside.push({ problem, reason: 'file' });
      continue;
    }
    if (!file) {
      outside.push({ problem, reason: 'notEditable' });
      continue;
    }
    const cellsOfRow = file.rows.get(problem.row);
    if (!cellsOfRow) {
      outside.push({ problem, reason: 'unreadable' });
      continue;
    }
    const columnIndex = problem.column === null ? -1 : file.header.indexOf(problem.column);
    if (columnIndex === -1) {
      pushTo(rows, rowKey(file.name, problem.row), problem);
      continue;
    }
    const key = cellKey(file.name, problem.row, columnIndex);
    const checked = session.reportEdits.get(key)?.after ?? cellsOfRow[columnIndex] ?? '';
    if (problem.value !== null && !isSameValue(problem.value, checked)) {
      outside.push({ problem, reason: 'changed' });
      continue;
    }
    pushTo(cells, key, problem);
    pushTo(rows, rowKey(file.name, problem.row), problem);
  }
  return { cells, rows, outside };
}

export function isBulkFixable(problems: readonly TProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error' && VALUE_PROBLEMS.has(problem.code));
}

function parseCellKey(key: string): { file: string; row: number; columnIndex: number } {
  const [file = '', row = '0', columnIndex = '0'] = key.split('\u0000');
  return { file, row: Number(row), columnIndex: Number(columnIndex) };
}

function makeEdit(
  session: TFixSession,
  file: string,
  row: number,
  columnIndex: number,
  after: string,
): TCellEdit {
  return {
    file,
    row,
    column: session.files.get(file)!.header[columnIndex]!,
    columnIndex,
    before: originalValue(session, file, row, columnIndex) ?? '',
    after,
  };
}

/** The edits a bulk fix would make: marked cells of the scope whose value it changes. */
export function planBulkFix(
  session: TFixSession,
  marks: TGridMarks,
  fix: TBulkFix,
  scope: TFixScope,
): TCellEdit[] {
  const planned: TCellEdit[] = [];
  for (const [key, problems] of marks.cells) {
    if (!isBulkFixable(problems)) continue;
    const { file, row, columnIndex } = parseCellKey(key);
    if (scope.kind === 'column' && (scope.file !== file || scope.columnIndex !== columnIndex)) continue;
    if (!isEditable(session, file, row, columnIndex)) continue;
    const value = cellValue(session, file, row, columnIndex);
    const fixed = applyBulkFix(fix, value);
    if (fixed !== value) planned.push(makeEdit(session, file, row, columnIndex, fixed));
  }
  return planned;
}

/** The session with cells set; a cell set back to its dropped value is no edit any more. */
export function withEdits(
  session: TFixSession,
  changes: readonly Omit<TCellEdit, 'column' | 'before'>[],
): TFixSession {
  const edits = new Map(session.edits);
  for (const change of changes) {
    const key = cellKey(change.file, change.row, change.columnIndex);
    const edit = makeEdit(session, change.file, change.row, change.columnIndex, change.after);
    if (edit.after === edit.before) edits.delete(key);
    else edits.set(key, edit);
  }
  return { ...session, edits };
}

/** The edits as the upload sends them (`edits`), in file, row and column order. */
export function listBrowserEdits(session: TFixSession): TBrowserEdit[] {
  return [...session.edits.values()]
    .sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row || a.columnIndex - b.columnIndex)
    .map(({ file, row, column, before, after }) => ({ file, row, column, before, after }));
}

/** Edited cells whose value the file's encoding cannot hold (an emoji in a Shift_JIS file). */
export function findUnencodableEdits(session: TFixSession): { edit: TCellEdit; character: string }[] {
  const found: { edit: TCellEdit; character: string }[] = [];
  for (const edit of session.edits.values()) {
    const character = findUnencodableCharacter(edit.after, session.files.get(edit.file)!.encoding);
    if (character !== null) found.push({ edit, character });
  }
  return found;
}

/**
 * The bytes of a file with its edited cells: the dropped bytes, but each edited row
 * written again from its cells as written, the edited ones replaced, in the file's
 * encoding. The BOM, line breaks and every other row stay byte for byte.
 */
export function buildEditedBytes(file: TFixFile, edits: readonly TCellEdit[]): Uint8Array {
  const byRow = new Map<string, TCellEdit[]>();
  for (const edit of edits) if (edit.file === file.name) pushTo(byRow, String(edit.row), edit);
  if (byRow.size === 0) return file.bytes;
  const pieces: Uint8Array[] = [];
  let position = 0;
  const rows = [...byRow.keys()].map(Number).sort((a, b) => a - b);
  for (const row of rows) {
    const span = file.spans.get(row)!;
    const cells = splitRecord(decodeSpan(file.bytes, span, file.encoding)).map((cell) => cell.raw);
    for (const edit of byRow.get(String(row))!) cells[edit.columnIndex] = formatCell(edit.after);
    pieces.push(file.bytes.subarray(position, span.start), encodeText(cells.join(','), file.encoding));
    position = span.end;
  }
  pieces.push(file.bytes.subarray(position));
  return concatBytes(pieces);
}

/** The files with edits, as bytes, by name. */
export function buildEditedFiles(session: TFixSession): Map<string, Uint8Array> {
  const edits = [...session.edits.values()];
  const edited = new Map<string, Uint8Array>();
  for (const file of session.files.values()) {
    if (edits.some((edit) => edit.file === file.name)) edited.set(file.name, buildEditedBytes(file, edits));
  }
  return edited;
}
