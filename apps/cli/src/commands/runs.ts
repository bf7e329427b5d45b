import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TRunCreateOptions = TConnectionOptions & {
  plan?: string;
  label?: string;
  note?: string;
  json?: boolean;
};
export type TRunShowOptions = TConnectionOptions & { json?: boolean };
export type TRunListOptions = TConnectionOptions & { plan?: string; limit: string; json?: boolean };
export type TRunNoteOptions = TConnectionOptions & { text: string; json?: boolean };
export type TRunArtifactOptions = TConnectionOptions & { output: string };

export function registerRunsCommands(program: Command): void {
  const runs = program
    .command('runs')
    .description('Plan runs: resolve the input set, write planning_input_set.json, compute the plan.');
  const load = () => import('../actions/runs');

  const create = runs
    .command('create')
    .description("Run a plan on a ready input set (entrypoint 'cli'); without a label: Legacy mode.")
    .option('--plan <id>', 'a plan id (its default label is used unless --label is given)')
    .option('--label <label>', 'input set label; its ready revision is used')
    .option('--note <text>', 'a note kept with the run')
    .option('--json', 'print the run as JSON');
  withConnectionOptions(create)
    .addHelpText('after', '\nExit codes: 0 the run succeeded (warnings included), 1 it failed.')
    .action(async (options: TRunCreateOptions) => (await load()).runCreateRun(options));

  const show = runs
    .command('show')
    .description('Show a run: input set, warnings with fix commands, sha256, plan.')
    .argument('<id>', 'run id')
    .option('--json', 'print the run (with the full plan result) as JSON');
  withConnectionOptions(show).action(async (id: string, options: TRunShowOptions) =>
    (await load()).runShowRun(id, options),
  );

  const list = runs
    .command('list')
    .description('List the newest runs.')
    .option('--plan <id>', 'only runs of this plan')
    .option('--limit <n>', 'at most this many', '20')
    .option('--json', 'print JSON ({items})');
  withConnectionOptions(list).action(async (options: TRunListOptions) => (await load()).runListRuns(options));

  const note = runs
    .command('note')
    .description('Set the run note (Legacy mode exception: the CSV bundle evidence and the reason).')
    .argument('<id>', 'run id')
    .requiredOption('--text <text>', 'the note (replaces the previous one)')
    .option('--json', 'print the run as JSON');
  withConnectionOptions(note).action(async (id: string, options: TRunNoteOptions) =>
    (await load()).runNoteRun(id, options),
  );

  const artifact = runs
    .command('artifact')
    .description(
      "Download the run's planning_input_set.json and check its sha256 (docs/runbook.ja.md section 5: before escalating to SRE).",
    )
    .argument('<id>', 'run id')
    .option('-o, --output <file>', 'where to write it', 'planning_input_set.json')
    .addHelpText(
      'after',
      '\nPrints OK with the sha256 when the file matches the hash the server recorded; exit 1 when it does not.',
    );
  withConnectionOptions(artifact).action(async (id: string, options: TRunArtifactOptions) =>
    (await load()).runDownloadArtifact(id, options),
  );
}
