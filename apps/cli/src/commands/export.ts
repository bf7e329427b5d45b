import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TExportOptions = TConnectionOptions & {
  label: string;
  output?: string;
  json?: boolean;
  diffAgainst?: string;
  by?: string;
  table?: string;
  tolerance?: string[];
  top?: string;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerExportCommand(program: Command): void {
  const command = program
    .command('export')
    .description('Write an input set back as bundle files (re-importing them gives the same content hash).')
    .requiredOption('--label <ref>', 'weekly_refresh, weekly_refresh@draft or weekly_refresh@r3')
    .option('-o, --output <dir>', 'target folder (default: out/planning_inputs_<label>)')
    .option(
      '--diff-against <ref>',
      'compare --label with this revision instead (docs/runbook.ja.md section 6): prints the per-table summary; the server keeps ' +
        'tmp/input_set_diffs/<label>__<against>.json, the cache the Diff tab reads. Writes no bundle files unless -o is given too.',
    )
    .option(
      '--json',
      'print the result as JSON (with --diff-against: the whole diff, rows included; with --by: what moved)',
    )
    // The values are checked when the command runs (contracts load then, not for --help).
    .option(
      '--by <column>',
      'with --diff-against: what moved, totalled by item_code, location_code, period or resource_code: before, after and delta ' +
        'of every quantity column, and the top movers by that column',
    )
    .option(
      '--table <table>',
      'with --by: the table whose movers are listed: demand (default), capacity, inventory or inbound',
    )
    .option(
      '--tolerance <column:limit>',
      'with --by: count smaller changes as unchanged, e.g. demand.quantity:0.5% or inventory.on_hand:10 (repeatable)',
      collect,
    )
    .option('--top <n>', 'with --by: how many movers to list (default 10)');
  withConnectionOptions(command).action(async (options: TExportOptions) =>
    (await import('../actions/export')).runExport(options),
  );
}
