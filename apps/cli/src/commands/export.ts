import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TExportOptions = TConnectionOptions & {
  label: string;
  output?: string;
  json?: boolean;
  diffAgainst?: string;
};

export function registerExportCommand(program: Command): void {
  const command = program
    .command('export')
    .description('Write an input set back as bundle files (re-importing them gives the same content hash).')
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .option('-o, --output <dir>', 'target folder (default: out/planning_inputs_<label>)')
    .option(
      '--diff-against <ref>',
      'compare --label with this revision instead (runbook section 6): prints the per-table summary; the server keeps ' +
        'tmp/input_set_diffs/<label>__<against>.json, the cache the Diff tab reads. Writes no bundle files unless -o is given too.',
    )
    .option('--json', 'print the result as JSON (with --diff-against: the whole diff, rows included)');
  withConnectionOptions(command).action(async (options: TExportOptions) =>
    (await import('../actions/export')).runExport(options),
  );
}
