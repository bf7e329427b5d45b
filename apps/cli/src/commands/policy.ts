import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TPolicyShowOptions = TConnectionOptions & { label: string; json?: boolean };
export type TPolicySetOptions = TConnectionOptions & { label: string; file: string; json?: boolean };
export type TChecksOptions = TConnectionOptions & { label: string; json?: boolean };

/** `planning policy show|set` and `planning checks`: approval gates (docs/design.md section 11). */
export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description(
      "A label's approval-gate policy: which checks run on a new draft, their severity and thresholds, and the diff's default tolerances.",
    )
    .enablePositionalOptions();

  const show = policy
    .command('show')
    .description('Show the current policy of a label (the default policy when it has none).')
    .requiredOption('--label <label>', 'the label, e.g. weekly_refresh')
    .option('--json', 'print the API response ({label, version, isDefault, updatedAt, updatedBy, policy})');
  withConnectionOptions(show).action(async (options: TPolicyShowOptions) =>
    (await import('../actions/policy')).runPolicyShow(options),
  );

  const set = policy
    .command('set')
    .description('Store a new version of the policy of a label (admin), recorded as a policy_update event.')
    .requiredOption('--label <label>', 'the label, e.g. weekly_refresh')
    .requiredOption(
      '-f, --file <policy.json>',
      'the policy document, or the output of `planning policy show --json`',
    )
    .option('--json', 'print the new version and its event as JSON');
  withConnectionOptions(set).action(async (options: TPolicySetOptions) =>
    (await import('../actions/policy')).runPolicySet(options),
  );

  const checks = program
    .command('checks')
    .description(
      'Show what the approval gates found when a revision was stored as a draft, against the ready revision.',
    )
    .requiredOption('--label <ref>', 'weekly_refresh@draft, weekly_refresh or weekly_refresh@r3')
    .option('--json', 'print the API response (checks and findings)');
  withConnectionOptions(checks).action(async (options: TChecksOptions) =>
    (await import('../actions/policy')).runChecks(options),
  );
}
