import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { formatMessageOf } from '@planning-hub/contracts/messages/format-message';
import type { TLanguage } from '@planning-hub/contracts/messages/language';
import { ANNOTATION_FILE, problemMessageParams, type TProblem } from '@planning-hub/contracts/problems';
import { annotateCsv } from './annotate-csv';
import { isFileEncoding } from './csv-records';
import { formatSafeCsv } from './safe-csv';
import { isZip, unzipFiles, type TPlannerFile } from './zip-files';

/**
 * The planner's files with their problems written in (docs/design.md section 3), built
 * where the files are (the browser, the CLI) from the files as uploaded and the report:
 * each CSV file with a last `problems` column, zips opened, JSON files as they were, and
 * problems.csv listing every problem for Excel.
 */

export type TAnnotatedBundle = {
  /** Every file of the upload, a zip's files in its place; the annotated ones changed, the others as they were. */
  files: TPlannerFile[];
  /** The names of the files that gained (or had rewritten) a `problems` column. */
  annotated: string[];
  /** problems.csv: UTF-8 with a BOM, CRLF, formula-safe. */
  problemsCsv: Uint8Array;
};

export const PROBLEMS_CSV_COLUMNS = ['file', 'row', 'column', 'severity', 'code', 'message'] as const;

/** Beyond this a cell's note is cut: Excel holds 32,767 characters in a cell, a reader far fewer. */
const MAX_NOTE_LENGTH = 2_000;
const FIRST_ROW = 2;

/** A problem in the planner's language, from the shared catalog; its English text when the code is unknown. */
export function problemMessageIn(language: TLanguage, problem: TProblem): string {
  return formatMessageOf(language, problem.messageCode, problemMessageParams(problem)) ?? problem.message;
}

/** One problem of a row: `column: message`, the column left out when the message starts with it. */
function formatRowProblem(problem: TProblem, language: TLanguage): string {
  const message = problemMessageIn(language, problem);
  return problem.column && !message.startsWith(problem.column) ? `${problem.column}: ${message}` : message;
}

/** A row's problems as one short text, errors first, joined by `; `. */
export function formatRowNote(problems: readonly TProblem[], language: TLanguage): string {
  const ordered = [...problems].sort(
    (a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'),
  );
  const note = ordered.map((problem) => formatRowProblem(problem, language)).join('; ');
  return note.length > MAX_NOTE_LENGTH ? `${note.slice(0, MAX_NOTE_LENGTH - 1)}…` : note;
}

/** The files as the server read them: a zip's files in its place, by base name; a name met again is dropped. */
function expandFiles(files: readonly TPlannerFile[]): TPlannerFile[] {
  const expanded: TPlannerFile[] = [];
  const names = new Set<string>();
  for (const file of files.flatMap((file) => (isZip(file.name) ? unzipFiles(file.bytes) : [file]))) {
    // An earlier download's problems.csv is replaced by this report's.
    if (names.has(file.name) || file.name.toLowerCase() === ANNOTATION_FILE) continue;
    names.add(file.name);
    expanded.push(file);
  }
  return expanded;
}

function groupRowProblems(problems: readonly TProblem[]): Map<string, Map<number, TProblem[]>> {
  const byFile = new Map<string, Map<number, TProblem[]>>();
  for (const problem of problems) {
    if (
      problem.file === null ||
      problem.row === null ||
      problem.row < FIRST_ROW ||
      problem.severity === 'notice'
    )
      continue;
    let rows = byFile.get(problem.file);
    if (!rows) byFile.set(problem.file, (rows = new Map()));
    const list = rows.get(problem.row);
    if (list) list.push(problem);
    else rows.set(problem.row, [problem]);
  }
  return byFile;
}

export function annotateBundle(options: {
  files: readonly TPlannerFile[];
  report: TImportReport;
  language: TLanguage;
}): TAnnotatedBundle {
  const { report, language } = options;
  const rowProblems = groupRowProblems(report.problems);
  const excelRows = new Map<string, (line: number) => number>();
  const annotated: string[] = [];
  const files = expandFiles(options.files).map((file) => {
    const encoding = report.encodings[file.name];
    // Only a CSV file the server could read: its encoding is in the report (undecodable bytes are not).
    if (!file.name.toLowerCase().endsWith('.csv') || !isFileEncoding(encoding)) return file;
    const notes = new Map<number, string>();
    for (const [line, problems] of rowProblems.get(file.name) ?? [])
      notes.set(line, formatRowNote(problems, language));
    const result = annotateCsv({ bytes: file.bytes, encoding, notes });
    excelRows.set(file.name, result.excelRowOf);
    if (result.bytes === file.bytes) return file;
    annotated.push(file.name);
    return { name: file.name, bytes: result.bytes };
  });
  const rows = report.problems.map((problem) => {
    const excelRowOf = problem.file === null ? undefined : excelRows.get(problem.file);
    const row = problem.row !== null && excelRowOf ? excelRowOf(problem.row) : problem.row;
    return [
      problem.file,
      row,
      problem.column,
      problem.severity,
      problem.code,
      problemMessageIn(language, problem),
    ];
  });
  const problemsCsv = new TextEncoder().encode(formatSafeCsv(PROBLEMS_CSV_COLUMNS, rows));
  return { files, annotated, problemsCsv };
}

/** The annotated files and problems.csv as one zip: what the upload page downloads. */
export function listAnnotatedFiles(bundle: TAnnotatedBundle): TPlannerFile[] {
  return [...bundle.files, { name: ANNOTATION_FILE, bytes: bundle.problemsCsv }];
}
