import type { Command } from 'commander';
import type { TPlan } from '@planning-hub/contracts/api/runs';
import { formatJst } from '@planning-hub/core/time/format-jst';
import { createPlan, listPlans, updatePlanLabel } from '@planning-hub/server/services/runs/plans';
import { cliPrincipal } from '../actor';
import { printJson, withRuntime } from '../cli-runtime';
import { formatTable } from '../format';

function describePlan(plan: TPlan): string {
  return `plan '${plan.name}' (${plan.id}), label ${plan.defaultInputSetLabel ?? '(none: runs are Legacy mode unless they name one)'}`;
}

export function registerPlansCommands(program: Command): void {
  const plans = program.command('plans').description('Named plans and the input set label their runs use.');

  plans
    .command('create')
    .description('Create a plan, optionally linked to an input set label.')
    .requiredOption('--name <name>', 'a unique name, 1-128 characters')
    .option('--label <label>', 'the input set label its runs use by default')
    .option('--json', 'print the plan as JSON')
    .action(async (options: { name: string; label?: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const plan = await createPlan(
          { prisma: db.prisma },
          { name: options.name, defaultInputSetLabel: options.label ?? null, principal: cliPrincipal() },
        );
        if (options.json) return printJson(plan);
        console.log(`✓ Created ${describePlan(plan)}`);
        console.log(`Run it with  pnpm planning runs create --plan ${plan.id}`);
      });
    });

  plans
    .command('list')
    .description('List plans with their label and newest run.')
    .option('--json', 'print JSON ({items}, each with its recent runs)')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const result = await listPlans({ prisma: db.prisma });
        if (options.json) return printJson(result);
        if (result.items.length === 0) return console.log('No plans yet. Create one with: pnpm planning plans create --name <name> --label <label>');
        console.log(
          formatTable(
            ['ID', 'NAME', 'LABEL', 'LAST RUN', 'STATUS', 'WARNINGS'],
            result.items.map((p) => {
              const last = p.recentRuns[0];
              return [
                p.id,
                p.name,
                p.defaultInputSetLabel ?? '-',
                last ? formatJst(last.createdAt) : '-',
                last?.status ?? '',
                last ? last.warnings.map((w) => w.title).join(', ') : '',
              ];
            }),
          ),
        );
      });
    });

  plans
    .command('update')
    .description('Re-link a plan to another input set label (runbook: Missing InputSet).')
    .argument('<id>', 'plan id')
    .option('--label <label>', 'the new default label')
    .option('--unlink', 'remove the default label')
    .option('--json', 'print the plan as JSON')
    .action(async (id: string, options: { label?: string; unlink?: boolean; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        if ((options.label === undefined) === !options.unlink) throw new Error('Give either --label <label> or --unlink.');
        const plan = await updatePlanLabel({ prisma: db.prisma }, { id, defaultInputSetLabel: options.label ?? null });
        if (options.json) return printJson(plan);
        console.log(`✓ Updated ${describePlan(plan)}`);
      });
    });
}
