/**
 * Operating-system litter in bundle folders and zips, skipped without a warning wherever
 * files are read or sent (docs/design.md section 2): dot files such as `.DS_Store` and
 * `._demand.csv`, `__MACOSX/`, Office lock files (`~$demand.csv`), `Thumbs.db`,
 * `desktop.ini`.
 */
const SYSTEM_FILE = /(^|\/)(__MACOSX\/|\.[^/]+$|~\$[^/]*$|Thumbs\.db$|desktop\.ini$)/i;

/** Whether `path` (a file name or a zip entry, `/` or `\` separated) is litter. */
export function isSystemFile(path: string): boolean {
  return SYSTEM_FILE.test(path.replace(/\\/g, '/'));
}
