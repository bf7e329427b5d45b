import { ANNOTATION_FILE } from '@planning-hub/contracts/problems';
import { isSystemFile } from '@planning-hub/contracts/system-files';
import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import type { TByteSource } from '../bytes/byte-source';
import { findClosestName } from '../validation/closest-name';
import {
  problemMessage,
  shorten,
  type TProblemInput,
  type TProblemMessage,
} from '../validation/problem-list';

export const JSON_BUNDLE_FILE = 'input_set.json';
export const PARAMS_JSON_FILE = 'params.json';

export type TBundleFiles =
  | { kind: 'tables'; tables: Partial<Record<TTableName, TByteSource>>; paramsFormat: 'json' | 'csv' | null }
  | { kind: 'json'; source: TByteSource };

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
  // problems.csv of an annotated download (docs/design.md section 3): read past, with a notice.
  const isAnnotation = (file: TByteSource) => baseName(file.name).toLowerCase() === ANNOTATION_FILE;
  for (const file of files.filter(isAnnotation)) {
    report({
      code: 'annotation_ignored',
      table: null,
      file: file.name,
      row: null,
      column: null,
      value: null,
      detail: problemMessage('problem.annotation_ignored.file', {}),
    });
  }
  const candidates = files.filter((file) => !isSystemFile(file.name) && !isAnnotation(file));
  const ignore = (file: TByteSource, detail: TProblemMessage) =>
    report({
      code: 'unknown_file',
      table: null,
      file: file.name,
      row: null,
      column: null,
      value: null,
      detail,
    });

  const jsonBundle = candidates.find((file) => baseName(file.name).toLowerCase() === JSON_BUNDLE_FILE);
  if (jsonBundle) {
    for (const file of candidates) {
      if (file !== jsonBundle)
        ignore(
          file,
          problemMessage('problem.unknown_file.json_bundle', {
            name: shorten(file.name),
            bundleFile: JSON_BUNDLE_FILE,
          }),
        );
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
        problemMessage('problem.unknown_file.twice', {
          name: shorten(file.name),
          taken: shorten(taken.name),
          holds: table,
        }),
      );
      continue;
    }
    tables[table] = file;
    if (table === 'params') paramsFormat = name === PARAMS_JSON_FILE ? 'json' : 'csv';
  }
  return { kind: 'tables', tables, paramsFormat };
}

function describeUnknownFile(name: string): TProblemMessage {
  const base = baseName(name);
  const shown = shorten(name);
  if (/\.xlsx?$/i.test(base)) {
    return problemMessage('problem.unknown_file.excel', {
      name: shown,
      files: KNOWN_FILES.slice(0, 7).join(', '),
    });
  }
  const closest = findClosestName(base.toLowerCase(), KNOWN_FILES);
  if (closest) return problemMessage('problem.unknown_file.did_you_mean', { name: shown, closest });
  return problemMessage('problem.unknown_file', { name: shown, files: KNOWN_FILES.join(', ') });
}
