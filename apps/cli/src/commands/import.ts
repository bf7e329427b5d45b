import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { TImportReport } from '@planning-hub/contracts/api/input-sets';
import { sourcesFromPath } from '@planning-hub/server/services/input-sets/bundle-sources';
import { importBundle } from '@planning-hub/server/services/input-sets/import-bundle';
import { cliPrincipal } from '../actor';
import { EXIT, printJson, withRuntime } from '../cli-runtime';
import { formatImportReport } from '../format';

export const IMPORT_REPORT_PATH = path.join('tmp', 'reports', 'import_planning_inputs.json');

type TImportOptions = {
  input: string;
  versionId: string;
  label: string;
  note?: string;
  encoding: 'auto' | 'utf-8' | 'shift_jis';
  allowInvalid?: boolean;
  actor?: string;
  json?: boolean;
};

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Validate a bundle (folder, .zip or input_set.json) and store it as the label\'s draft.')
    .requiredOption('-i, --input <path>', 'bundle folder, .zip or input_set.json')
    .requiredOption('--version-id <id>', 'the version id of this data (e.g. 2026-W48)')
    .requiredOption('--label <label>', 'input set label, e.g. weekly_refresh')
    .option('--note <text>', 'a note kept with the revision')
    .option('--encoding <encoding>', 'auto, utf-8 or shift_jis', 'auto')
    .option('--allow-invalid', 'keep a bundle with errors as a draft marked invalid')
    .option('--actor <id>', 'who the upload event names (default: your OS user)')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nThe report is always written to tmp/reports/import_planning_inputs.json.\nExit codes: 0 stored, 2 validation errors, 1 other failure.',
    )
    .action(async (options: TImportOptions) => {
      await withRuntime(async ({ config, db, metrics }) => {
        const reportPath = path.join(config.workDir, IMPORT_REPORT_PATH);
        await mkdir(path.dirname(reportPath), { recursive: true });
        await mkdir(config.tmpDir, { recursive: true });
        const scratch = await mkdtemp(path.join(config.tmpDir, 'import-'));
        try {
          const { sources, kind } = await sourcesFromPath(path.resolve(options.input), scratch, {
            maxBytes: config.uploadMaxBytes * 4,
            maxFiles: config.uploadMaxFiles,
          });
          const principal = cliPrincipal();
          const report: TImportReport = await importBundle(
            { pool: db.pool, metrics },
            {
              label: options.label,
              versionId: options.versionId,
              note: options.note,
              files: sources,
              encoding: options.encoding,
              allowInvalid: Boolean(options.allowInvalid),
              actor: options.actor ?? principal.replace(/^cli:/, ''),
              principal,
              entrypoint: 'cli',
              sourceKind: kind,
            },
          );
          await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
          if (options.json) printJson(report);
          else console.log(formatImportReport(report, path.relative(process.cwd(), reportPath) || reportPath));
          return report.ok ? EXIT.ok : EXIT.validation;
        } catch (error) {
          // The runbook reads this file after every run, failed ones included.
          await writeFile(
            reportPath,
            `${JSON.stringify({ ok: false, label: options.label, versionId: options.versionId, stored: false, error: error instanceof Error ? error.message : String(error) }, null, 2)}\n`,
          );
          throw error;
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      });
    });
}
