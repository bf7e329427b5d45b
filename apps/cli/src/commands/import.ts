import { Option, type Command } from 'commander';
import { UPLOAD_ENCODINGS, type TUploadEncoding } from '@planning-hub/contracts/api/upload-limits';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TImportOptions = TConnectionOptions & {
  input: string;
  versionId: string;
  label: string;
  note?: string;
  encoding: TUploadEncoding;
  allowInvalid?: boolean;
  annotateTo?: string;
  json?: boolean;
};

export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description(
      "Upload a bundle (folder, .zip or input_set.json); the server validates it and stores it as the label's draft.",
    )
    .requiredOption('-i, --input <path>', 'bundle folder, .zip or input_set.json')
    .requiredOption('--version-id <id>', 'the version id of this data (e.g. 2026-W48)')
    .requiredOption('--label <label>', 'input set label, e.g. weekly_refresh')
    .option('--note <text>', 'a note kept with the revision')
    .addOption(
      new Option('--encoding <encoding>', 'encoding of the CSV files')
        .choices(UPLOAD_ENCODINGS)
        .default('auto'),
    )
    .option('--allow-invalid', 'keep a bundle with errors as a draft marked invalid')
    .option(
      '--annotate-to <dir>',
      'when the bundle is refused or has warnings, write its files with a "problems" column, and problems.csv, into <dir>',
    )
    .option('--json', 'print the report as JSON');
  withConnectionOptions(command)
    .addHelpText(
      'after',
      '\nThe report is always written to tmp/reports/import_planning_inputs.json (under the working folder).\n' +
        'Exit codes: 0 stored, 2 validation errors, 1 other failure.',
    )
    .action(async (options: TImportOptions) => (await import('../actions/import')).runImport(options));
}
