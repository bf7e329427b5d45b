import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { findClosestName } from '../validation/closest-name';
import { quote, type TProblemInput } from '../validation/problem-list';

export const JSON_BUNDLE_FILE = 'input_set.json';
export const PARAMS_JSON_FILE = 'params.json';

export type TBundleFiles =
  | { kind: 'tables'; tables: Partial<Record<TTableName, TByteSource>>; paramsFormat: 'json' | 'csv' | null }
  | { kind: 'json'; source: TByteSource };

/** Operating system litter in folders and zips, skipped without a warning. */
const SYSTEM_FILE = /(^|\/)(__MACOSX\/|\.[^/]+$|~\$[^/]*$|Thumbs\.db$|desktop\.ini$)/i;

const TABLE_BY_FILE = new Map<string, TTableName>([
  ...TABLE_NAMES.map((table) => [TABLE_SPECS[table].file, table] as const),
  [PARAMS_JSON_FILE, 'params'],
]);
const KNOWN_FILES = [...TABLE_BY_FILE.keys(), JSON_BUNDLE_FILE];

function baseName(name: string): string {
  const normalised = name.replace(/\\/g, '/');
  return normalised.slice(normalised.lastIndexOf('/') + 1);
}

/**
 * Which file holds which table. Names match case-insensitively (`Demand.CSV`)
 * and inside folders; `input_set.json` holds a whole bundle by itself. Unknown
 * or surplus files are ignored with a warning, so nothing is dropped silently.
 */
export function classifyFiles(
  files: readonly TByteSource[],
  report: (problem: TProblemInput) => void,
): TBundleFiles {
  const candidates = files.filter((file) => !SYSTEM_FILE.test(file.name.replace(/\\/g, '/')));
  const ignore = (file: TByteSource, reason: string) =>
    report({
      code: 'unknown_file',
      table: null,
      file: file.name,
      row: null,
      column: null,
      value: null,
      message: reason,
    });

  const jsonBundle = candidates.find((file) => baseName(file.name).toLowerCase() === JSON_BUNDLE_FILE);
  if (jsonBundle) {
    for (const file of candidates) {
      if (file !== jsonBundle)
        ignore(file, `File ${quote(file.name)} is ignored: ${JSON_BUNDLE_FILE} holds the whole bundle.`);
    }
    return { kind: 'json', source: jsonBundle };
  }

  const tables: Partial<Record<TTableName, TByteSource>> = {};
  let paramsFormat: 'json' | 'csv' | null = null;
  for (const file of candidates) {
    const name = baseName(file.name).toLowerCase();
    const table = TABLE_BY_FILE.get(name);
    if (table === undefined) {
      ignore(file, describeUnknownFile(file.name));
      continue;
    }
    const taken = tables[table];
    if (taken) {
      ignore(
        file,
        `File ${quote(file.name)} is ignored: ${quote(taken.name)} already holds ${table}; keep one of them.`,
      );
      continue;
    }
    tables[table] = file;
    if (table === 'params') paramsFormat = name === PARAMS_JSON_FILE ? 'json' : 'csv';
  }
  return { kind: 'tables', tables, paramsFormat };
}

function describeUnknownFile(name: string): string {
  const base = baseName(name);
  if (/\.xlsx?$/i.test(base)) {
    return `File ${quote(name)} is an Excel workbook and is ignored: save each sheet as CSV (${KNOWN_FILES.slice(0, 7).join(', ')}).`;
  }
  const closest = findClosestName(base.toLowerCase(), KNOWN_FILES);
  if (closest) return `File ${quote(name)} is not a bundle file and is ignored; did you mean '${closest}'?`;
  return `File ${quote(name)} is not a bundle file and is ignored (expected: ${KNOWN_FILES.join(', ')}).`;
}
