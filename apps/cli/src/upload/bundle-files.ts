import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSystemFile } from '@planning-hub/contracts/system-files';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

/** A file to upload, read from disk as it is sent. */
export type TUploadFile = { name: string; path: string; size: number };

/**
 * What `planning import -i <path>` uploads: every regular file directly inside a bundle
 * folder except operating-system litter (the server would skip it anyway), or the one
 * file given (a .zip, which the server unpacks, or input_set.json).
 */
export async function bundleFilesFromPath(inputPath: string): Promise<TUploadFile[]> {
  const info = await stat(inputPath).catch(() => null);
  if (!info)
    throw new CliError(cliText('cli.error.input_missing', { path: inputPath }), {
      hint: cliText('cli.hint.input_missing', {}),
    });
  if (!info.isDirectory()) return [{ name: path.basename(inputPath), path: inputPath, size: info.size }];
  const entries = await readdir(inputPath, { withFileTypes: true });
  const files: TUploadFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || isSystemFile(entry.name)) continue;
    const filePath = path.join(inputPath, entry.name);
    files.push({ name: entry.name, path: filePath, size: (await stat(filePath)).size });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
