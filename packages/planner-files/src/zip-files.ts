import { unzipSync, zipSync } from 'fflate';

/** A file of a bundle as the planner has it: its name and bytes. */
export type TPlannerFile = { name: string; bytes: Uint8Array };

/** Folders, and what macOS and Windows leave in zips: never bundle files (as the server skips them). */
const IGNORED_ENTRY = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)|\/$/i;

export function isZip(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

function baseName(name: string): string {
  const normalised = name.replace(/\\/g, '/');
  return normalised.slice(normalised.lastIndexOf('/') + 1);
}

/** The files a zip holds, by their base name as the server names them (docs/design.md section 2). */
export function unzipFiles(bytes: Uint8Array): TPlannerFile[] {
  const entries = unzipSync(bytes, { filter: (entry) => !IGNORED_ENTRY.test(entry.name) });
  return Object.entries(entries).map(([name, content]) => ({ name: baseName(name), bytes: content }));
}

/** One zip of the files, side by side; CSV text deflates well. */
export function zipFiles(files: readonly TPlannerFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((file) => [file.name, file.bytes])), { level: 6 });
}
