import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TPlanCreateOptions = TConnectionOptions & { name: string; label?: string; json?: boolean };
export type TPlanListOptions = TConnectionOptions & { json?: boolean };
export type TPlanUpdateOptions = TConnectionOptions & { label?: string; unlink?: boolean; json?: boolean };

export function registerPlansCommands(program: Command): void {
  const plans = program.command('plans').description('Named plans and the input set label their runs use.');
  const load = () => import('../actions/plans');

  const create = plans
    .command('create')
    .description('Create a plan, optionally linked to an input set label.')
    .requiredOption('--name <name>', 'a unique name, 1-128 characters')
    .option('--label <label>', 'the input set label its runs use by default')
    .option('--json', 'print the plan as JSON');
  withConnectionOptions(create).action(async (options: TPlanCreateOptions) =>
    (await load()).runCreatePlan(options),
  );

  const list = plans
    .command('list')
    .description('List plans with their label and newest run.')
    .option('--json', 'print JSON ({items}, each with its recent runs)');
  withConnectionOptions(list).action(async (options: TPlanListOptions) =>
    (await load()).runListPlans(options),
  );

  const update = plans
    .command('update')
    .description('Re-link a plan to another input set label (runbook: Missing InputSet).')
    .argument('<id>', 'plan id')
    .option('--label <label>', 'the new default label')
    .option('--unlink', 'remove the default label')
    .option('--json', 'print the plan as JSON');
  withConnectionOptions(update).action(async (id: string, options: TPlanUpdateOptions) =>
    (await load()).runUpdatePlan(id, options),
  );
}
