/** What the drop zone takes: CSV files of a bundle, a .zip of them, or JSON (input_set.json or params.json). */
export const ACCEPTED_FILES: Record<string, string[]> = {
  'text/csv': ['.csv'],
  'application/zip': ['.zip'],
  'application/json': ['.json'],
};

export type TFileKind = 'csv' | 'zip' | 'json';

type TNamed = { name: string };

export function fileKind(name: string): TFileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

/** Adds files; a file with the name of one already chosen replaces it (a fixed demand.csv dropped again). */
export function mergeFiles<T extends TNamed>(existing: readonly T[], incoming: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const file of [...existing, ...incoming]) byName.set(file.name, file);
  return [...byName.values()];
}

export type TSelectionIssue = 'empty' | 'bundleJsonNotAlone';

/**
 * An input_set.json is a whole bundle: it goes alone. Zips may come with other files (and
 * other zips): the server unpacks them side by side, as it does (docs/design.md section 2).
 */
export function checkSelection(files: readonly TNamed[]): TSelectionIssue | null {
  if (files.length === 0) return 'empty';
  if (files.length === 1) return null;
  if (files.some((file) => file.name.toLowerCase() === 'input_set.json')) return 'bundleJsonNotAlone';
  return null;
}
