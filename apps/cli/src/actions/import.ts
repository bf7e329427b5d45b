import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ZImportReport, type TImportReport } from '@planning-hub/contracts/api/input-sets';
import { INPUT_SET_OPERATIONS } from '@planning-hub/contracts/api/operations/input-sets';
import { API } from '@planning-hub/contracts/api/routes';
import { ZLabel } from '@planning-hub/contracts/labels';
import { ApiError } from '../api/api-error';
import { readProblem } from '../api/api-client';
import { EXIT } from '../cli-errors';
import { printJson, runWithApi } from '../cli-runtime';
import type { TImportOptions } from '../commands/import';
import { formatImportReport } from '../format';
import { parseOption, parseOptions } from '../options/parse-options';
import { cliLanguage } from '../cli-language';
import { cliText } from '../cli-text';
import { annotateToDir, assertAnnotateDirUsable, type TAnnotateOutcome } from '../upload/annotate-to-dir';
import { bundleFilesFromPath, type TUploadFile } from '../upload/bundle-files';
import { multipartBody } from '../upload/multipart-body';
import { createUploadProgress } from '../upload/upload-progress';

/** The runbook reads the report here after every run, relative to where the command ran. */
export const IMPORT_REPORT_PATH = path.join('tmp', 'reports', 'import_planning_inputs.json');

async function writeReport(file: string, report: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

async function annotateFiles(
  dir: string,
  files: readonly TUploadFile[],
  report: TImportReport,
): Promise<TAnnotateOutcome> {
  return annotateToDir({ dir: path.resolve(dir), files, report, language: cliLanguage() });
}

function formatAnnotated(dir: string, outcome: TAnnotateOutcome): string {
  return outcome === null
    ? cliText('cli.import.annotated_none', { dir })
    : cliText('cli.import.annotated', { dir, files: outcome.annotated.length });
}

/**
 * `planning import`: streams the bundle's files to POST .../{label}/upload and keeps the
 * server's report (201, or the 422 problem's `report`) in tmp/reports/.
 */
export async function runImport(options: TImportOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const label = parseOption(ZLabel, '--label', options.label);
    const fields = {
      version_id: options.versionId,
      ...(options.note !== undefined ? { note: options.note } : {}),
      encoding: options.encoding,
      allow_invalid: options.allowInvalid ? 'true' : 'false',
    };
    // Checked as the server will check them, then sent as typed (the server parses the form itself).
    parseOptions(INPUT_SET_OPERATIONS.uploadBundle.body.schema, {
      version_id: ['--version-id', fields.version_id],
      note: ['--note', fields.note],
      encoding: ['--encoding', fields.encoding],
      allow_invalid: ['--allow-invalid', fields.allow_invalid],
    });
    const reportPath = path.resolve(IMPORT_REPORT_PATH);
    await mkdir(path.dirname(reportPath), { recursive: true });
    try {
      const files = await bundleFilesFromPath(path.resolve(options.input));
      if (options.annotateTo !== undefined)
        await assertAnnotateDirUsable(path.resolve(options.annotateTo), files);
      const body = multipartBody(fields, files);
      const progress = createUploadProgress(process.stderr, body.contentLength);
      let report: TImportReport;
      try {
        const response = await api.send(API.upload(label), {
          method: 'POST',
          headers: {
            'content-type': body.contentType,
            'content-length': String(body.contentLength),
            accept: 'application/json',
          },
          body: body.chunks(progress.onBytes),
        });
        if (response.status === 201) report = await api.parseJson(response, ZImportReport);
        else {
          const problem = await readProblem(response);
          if (!problem.report) throw new ApiError(problem);
          report = problem.report;
        }
      } finally {
        progress.finish();
      }
      await writeReport(reportPath, report);
      const annotated =
        options.annotateTo === undefined ? undefined : await annotateFiles(options.annotateTo, files, report);
      if (options.json) printJson(report);
      else console.log(formatImportReport(report, path.relative(process.cwd(), reportPath) || reportPath));
      // With --json, stdout is the report alone: where the marked files went is said on stderr.
      if (annotated !== undefined)
        (options.json ? console.error : console.log)(formatAnnotated(options.annotateTo!, annotated));
      return report.ok ? EXIT.ok : EXIT.validation;
    } catch (error) {
      // Failed runs leave a report too: the runbook reads this file after every run.
      await writeReport(reportPath, {
        ok: false,
        label: options.label,
        versionId: options.versionId,
        stored: false,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  });
}
