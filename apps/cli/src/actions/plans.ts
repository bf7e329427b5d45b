import { RUN_OPERATIONS } from '@planning-hub/contracts/api/operations/runs';
import { API } from '@planning-hub/contracts/api/routes';
import {
  ZListPlansResponse,
  ZPlan,
  type TCreatePlanRequest,
  type TPlan,
  type TUpdatePlanRequest,
} from '@planning-hub/contracts/api/runs';
import { formatJst } from '@planning-hub/contracts/time/format-jst';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import { printJson, runWithApi } from '../cli-runtime';
import type { TPlanCreateOptions, TPlanListOptions, TPlanUpdateOptions } from '../commands/plans';
import { formatTable } from '../format';
import { parseOptions } from '../options/parse-options';

function describePlan(plan: TPlan): string {
  return `plan '${plan.name}' (${plan.id}), label ${plan.defaultInputSetLabel ?? '(none: runs are Legacy mode unless they name one)'}`;
}

export async function runCreatePlan(options: TPlanCreateOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const body: TCreatePlanRequest = parseOptions(RUN_OPERATIONS.createPlan.body.schema, {
      name: ['--name', options.name],
      default_input_set_label: ['--label', options.label],
    });
    const plan = await api.sendJson('POST', API.plans, body, ZPlan);
    if (options.json) return printJson(plan);
    console.log(`✓ Created ${describePlan(plan)}`);
    console.log(`Run it with  pnpm planning runs create --plan ${plan.id}`);
  });
}

export async function runListPlans(options: TPlanListOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const result = await api.getJson(API.plans, ZListPlansResponse);
    if (options.json) return printJson(result);
    if (result.items.length === 0)
      return console.log(
        'No plans yet. Create one with: pnpm planning plans create --name <name> --label <label>',
      );
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
}

export async function runUpdatePlan(id: string, options: TPlanUpdateOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    if ((options.label === undefined) === !options.unlink)
      throw new CliError(cliText('cli.error.plan_label_or_unlink', {}));
    const body: TUpdatePlanRequest = parseOptions(RUN_OPERATIONS.updatePlan.body.schema, {
      default_input_set_label: ['--label', options.label ?? null],
    });
    const plan = await api.sendJson('PATCH', API.plan(id), body, ZPlan);
    if (options.json) return printJson(plan);
    console.log(`✓ Updated ${describePlan(plan)}`);
  });
}
