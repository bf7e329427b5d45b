import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import type { TLanguage } from '@planning-hub/contracts/messages/language';
import { annotateBundle, listAnnotatedFiles } from '@planning-hub/planner-files/annotate-bundle';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import type { TUploadFile } from './bundle-files';

export type TAnnotateOutcome = { dir: string; annotated: string[] } | null;

/** The real path of a file, or its resolved path when it does not exist yet. */
async function realPathOf(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}

/** Refused when a file written to `dir` would be one of the files uploaded (the planner's own). */
async function assertNotInput(
  dir: string,
  names: readonly string[],
  files: readonly TUploadFile[],
): Promise<void> {
  const inputs = new Set(await Promise.all(files.map((file) => realPathOf(file.path))));
  for (const name of names) {
    const target = await realPathOf(path.join(dir, name));
    if (inputs.has(target)) {
      throw new CliError(cliText('cli.error.annotate_overwrites', { dir, file: target }), {
        hint: cliText('cli.hint.annotate_overwrites', {}),
      });
    }
  }
}

/** Refused before the upload when `dir` is the input folder itself: every file there would be overwritten. */
export async function assertAnnotateDirUsable(dir: string, files: readonly TUploadFile[]): Promise<void> {
  await assertNotInput(
    dir,
    files.map((file) => file.name),
    files,
  );
}

/**
 * `planning import --annotate-to <dir>` (docs/design.md section 3): the uploaded files with
 * their problems written in, and problems.csv, when the report has errors or warnings.
 * Null when there is nothing to mark (notices alone are not marked).
 */
export async function annotateToDir(options: {
  dir: string;
  files: readonly TUploadFile[];
  report: TImportReport;
  language: TLanguage;
}): Promise<TAnnotateOutcome> {
  const { dir, files, report, language } = options;
  if (!report.problems.some((problem) => problem.severity !== 'notice')) return null;
  const read = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await readFile(file.path)) })),
  );
  const bundle = annotateBundle({ files: read, report, language });
  const outputs = listAnnotatedFiles(bundle);
  await assertNotInput(
    dir,
    outputs.map((file) => file.name),
    files,
  );
  await mkdir(dir, { recursive: true });
  for (const file of outputs) await writeFile(path.join(dir, file.name), file.bytes);
  return { dir, annotated: bundle.annotated };
}
