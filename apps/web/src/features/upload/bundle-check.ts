import { TABLE_NAMES, TABLE_SPECS, type TTableName } from '@planning-hub/contracts/tables';
import { checkSelection, fileKind, type TSelectionIssue } from './file-selection';

/** The file that holds a whole bundle by itself (docs/design.md section 2). */
export const BUNDLE_JSON_FILE = 'input_set.json';
/** params may come as params.json instead of params.csv. */
export const PARAMS_JSON_FILE = 'params.json';

/** The tables every bundle needs, in bundle order (demand, capacity, mix, calendar, params). */
export const REQUIRED_TABLES: readonly TTableName[] = TABLE_NAMES.filter(
  (table) => TABLE_SPECS[table].required,
);

type TSized = { name: string; size: number };

export type TUploadLimits = { maxBytes: number; maxFiles: number };

/** A required table and the chosen file that holds it (null: none does). */
export type TRequiredTable = { table: TTableName; file: string | null };

/**
 * What the browser can tell about a selection before sending it:
 * - `tables`: CSV files (and params.json): which required table each holds, which are missing;
 * - `zip`, `bundleJson`: a whole bundle in one file, whose tables only the server can read.
 */
export type TBundleCheck = {
  kind: 'none' | 'tables' | 'zip' | 'bundleJson';
  fileCount: number;
  totalBytes: number;
  /** Past the server's limits: the server would answer 413. */
  isTooManyFiles: boolean;
  isTooLarge: boolean;
  /** input_set.json chosen with other files, or nothing chosen. */
  selectionIssue: TSelectionIssue | null;
  required: TRequiredTable[];
  missingTables: TTableName[];
  /** Files of no bundle table: the server ignores them with a warning. */
  unknownFiles: string[];
  /** A second file for a table already held by another (params.csv and params.json): the server ignores it. */
  surplusFiles: string[];
  /** Files of 0 bytes: the server reports them as errors. */
  emptyFiles: string[];
};

/** Why the selection cannot be sent as it is. */
export type TUploadBlock =
  /** Nothing the checkbox can change: too many files, too many bytes, input_set.json with company. */
  | 'selection'
  | 'limits'
  /** Errors the server would refuse the bundle for, unless it is kept as a draft marked invalid. */
  | 'errors'
  | null;

/** The table a file of a bundle holds, as the server reads names: case-insensitively, by base name. */
export function tableOfFile(name: string): TTableName | null {
  const base = name.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  if (base === PARAMS_JSON_FILE) return 'params';
  return TABLE_NAMES.find((table) => TABLE_SPECS[table].file === base) ?? null;
}

function isBundleJson(name: string): boolean {
  return name.toLowerCase() === BUNDLE_JSON_FILE;
}

/** Checks a selection against the bundle's required tables and the server's upload limits. */
export function checkBundle(files: readonly TSized[], limits: TUploadLimits): TBundleCheck {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const kind: TBundleCheck['kind'] =
    files.length === 0
      ? 'none'
      : files.some((file) => fileKind(file.name) === 'zip')
        ? 'zip'
        : files.some((file) => isBundleJson(file.name))
          ? 'bundleJson'
          : 'tables';
  const byTable = new Map<TTableName, string>();
  const unknownFiles: string[] = [];
  const surplusFiles: string[] = [];
  if (kind === 'tables') {
    for (const file of files) {
      const table = tableOfFile(file.name);
      if (table === null) unknownFiles.push(file.name);
      else if (byTable.has(table)) surplusFiles.push(file.name);
      else byTable.set(table, file.name);
    }
  }
  const required = REQUIRED_TABLES.map((table) => ({ table, file: byTable.get(table) ?? null }));
  return {
    kind,
    fileCount: files.length,
    totalBytes,
    isTooManyFiles: files.length > limits.maxFiles,
    isTooLarge: totalBytes > limits.maxBytes,
    selectionIssue: checkSelection(files),
    required,
    missingTables:
      kind === 'tables' ? required.filter((entry) => entry.file === null).map((entry) => entry.table) : [],
    unknownFiles,
    surplusFiles,
    emptyFiles: files.filter((file) => file.size === 0).map((file) => file.name),
  };
}

/** Whether the server would find errors the browser already sees: missing tables, empty files. */
export function hasBundleErrors(check: TBundleCheck): boolean {
  return check.missingTables.length > 0 || check.emptyFiles.length > 0;
}

/**
 * What stops the upload. Missing tables and empty files are errors like any other: the
 * bundle may still be kept as a draft marked invalid (`allow_invalid`), as on the server.
 */
export function uploadBlock(check: TBundleCheck, allowInvalid: boolean): TUploadBlock {
  if (check.selectionIssue) return 'selection';
  if (check.isTooManyFiles || check.isTooLarge) return 'limits';
  if (hasBundleErrors(check) && !allowInvalid) return 'errors';
  return null;
}
