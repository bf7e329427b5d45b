import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error || !zip
        ? reject(new CliError(cliText('cli.error.export_not_zip', { detail: error?.message ?? 'unknown' })))
        : resolve(zip),
    );
  });
}

/**
 * Writes the files of an export zip (flat: one CSV per table and params.json) into
 * `outDir`, answering their names in zip order. An entry with a folder or `..` in its
 * name is refused: the zip comes from a server, but the files land on this machine.
 */
export async function extractExportZip(zipPath: string, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const zip = await openZip(zipPath);
  const names: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.endsWith('/')) return zip.readEntry();
        if (name !== path.basename(name) || name.includes('\\') || name === '..' || name === '.') {
          return reject(new CliError(cliText('cli.error.export_entry_path', { name: name.slice(0, 120) })));
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error ?? new Error(`no data for ${name}`));
          pipeline(stream, createWriteStream(path.join(outDir, name)))
            .then(() => {
              names.push(name);
              zip.readEntry();
            })
            .catch(reject);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return names;
}
