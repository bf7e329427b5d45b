import path from 'node:path';
import type { Command } from 'commander';
import type { TRunDetail, TRunSummary } from '@planning-hub/contracts/api/runs';
import { formatJst } from '@planning-hub/core/time/format-jst';
import { createFileArtifactStore } from '@planning-hub/server/services/runs/artifact-store';
import { createRun } from '@planning-hub/server/services/runs/create-run';
import { getRun, listRuns } from '@planning-hub/server/services/runs/read-runs';
import { updateRunNote } from '@planning-hub/server/services/runs/update-run-note';
import { cliPrincipal } from '../actor';
import { EXIT, printJson, withRuntime } from '../cli-runtime';
import { formatTable } from '../format';

const SHOWN_SHORTAGES = 10;
const number = new Intl.NumberFormat('en-US');

function formatLoad(load: string | null): string {
  return load === null ? 'n/a' : `${(Number(load) * 100).toFixed(1)}%`;
}

/** The run as an operator reads it: status, input set, warnings with their fix commands, sha256, plan totals. */
export function formatRun(run: TRunDetail | TRunSummary, artifactDir: string): string {
  const mark = run.status === 'succeeded' ? (run.warnings.length > 0 ? '!' : '✓') : run.status === 'failed' ? '✗' : '…';
  const lines = [`${mark} Run ${run.id} ${run.status} (entrypoint ${run.entrypoint}${run.planName ? `, plan '${run.planName}'` : ''})`];
  lines.push(
    run.inputSetRevision !== null
      ? `  input set     ${run.inputSetLabel} r${run.inputSetRevision} (version ${run.inputSetVersionId}, content hash ${run.contentHash})`
      : `  input set     ${run.inputSetLabel ?? '(none)'}`,
  );
  if (run.artifact) {
    lines.push(`  sha256        ${run.artifact.sha256}`);
    lines.push(`  artifact      ${path.join(artifactDir, 'runs', run.id, run.artifact.name)} (${number.format(run.artifact.bytes)} bytes)`);
  }
  if ('result' in run && run.result) {
    const s = run.result.summary;
    lines.push(
      `  plan          ${run.result.horizon.periods.length} ${run.result.horizon.granularity} periods from ${run.result.horizon.start} · ` +
        `${s.items} items · ${s.itemLocations} item-locations · ${s.resources} resources · peak load ${formatLoad(s.peakLoad)}`,
    );
    lines.push(`  shortages     ${s.stockouts} stockout(s), ${s.belowSafetyStock} below safety stock`);
    for (const shortage of run.result.shortages.slice(0, SHOWN_SHORTAGES)) {
      lines.push(`    ${shortage.kind.padEnd(18)} ${shortage.itemCode} @ ${shortage.locationCode} ${shortage.period}: short ${shortage.quantity}`);
    }
    const more = s.rows.shortages - Math.min(SHOWN_SHORTAGES, run.result.shortages.length);
    if (more > 0) lines.push(`    … ${more} more (--json lists the first ${run.result.listLimit} of every list)`);
  }
  if (run.error) lines.push(`  error         ${run.error}`);
  if (run.note) lines.push(`  note          ${run.note}`);
  lines.push(`  created       ${formatJst(run.createdAt)} by ${run.createdBy}`);
  for (const warning of run.warnings) {
    lines.push('', `WARNING ${warning.title}: ${warning.message}`, '  Fix:');
    for (const command of warning.commands) lines.push(`    ${command}`);
  }
  return lines.join('\n');
}

export function registerRunsCommands(program: Command): void {
  const runs = program.command('runs').description('Plan runs: resolve the input set, write planning_input_set.json, compute the plan.');

  runs
    .command('create')
    .description("Run a plan on a ready input set (entrypoint 'cli'); without a label: Legacy mode.")
    .option('--plan <id>', "a plan id (its default label is used unless --label is given)")
    .option('--label <label>', 'input set label; its ready revision is used')
    .option('--note <text>', 'a note kept with the run')
    .option('--json', 'print the run as JSON')
    .addHelpText('after', '\nExit codes: 0 the run succeeded (warnings included), 1 it failed.')
    .action(async (options: { plan?: string; label?: string; note?: string; json?: boolean }) => {
      await withRuntime(async ({ config, db, metrics, logger }) => {
        const run = await createRun(
          { prisma: db.prisma, pool: db.pool, metrics, logger, artifacts: createFileArtifactStore(config.artifactDir) },
          { entrypoint: 'cli', planId: options.plan, inputSetLabel: options.label, note: options.note, principal: cliPrincipal() },
        );
        if (options.json) printJson(run);
        else console.log(formatRun(run, config.artifactDir));
        return run.status === 'failed' ? EXIT.failure : EXIT.ok;
      });
    });

  runs
    .command('show')
    .description('Show a run: input set, warnings with fix commands, sha256, plan.')
    .argument('<id>', 'run id')
    .option('--json', 'print the run (with the full plan result) as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withRuntime(async ({ config, db }) => {
        const run = await getRun({ prisma: db.prisma }, id);
        if (options.json) printJson(run);
        else console.log(formatRun(run, config.artifactDir));
      });
    });

  runs
    .command('list')
    .description('List the newest runs.')
    .option('--plan <id>', 'only runs of this plan')
    .option('--limit <n>', 'at most this many', '20')
    .option('--json', 'print JSON ({items})')
    .action(async (options: { plan?: string; limit: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const limit = Math.min(200, Math.max(1, Number(options.limit) || 20));
        const result = await listRuns({ prisma: db.prisma }, { plan_id: options.plan, limit });
        if (options.json) return printJson(result);
        if (result.items.length === 0) return console.log('No runs yet. Start one with: pnpm planning runs create --label <label>');
        console.log(
          formatTable(
            ['ID', 'STATUS', 'INPUT SET', 'WARNINGS', 'SHA256', 'CREATED'],
            result.items.map((r) => [
              r.id,
              r.status,
              r.inputSetRevision !== null ? `${r.inputSetLabel} r${r.inputSetRevision}` : (r.inputSetLabel ?? '-'),
              r.warnings.map((w) => w.title).join(', '),
              r.sha256 ? r.sha256.slice(0, 12) : '',
              formatJst(r.createdAt),
            ]),
          ),
        );
      });
    });

  runs
    .command('note')
    .description('Set the run note (Legacy mode exception: the CSV bundle evidence and the reason).')
    .argument('<id>', 'run id')
    .requiredOption('--text <text>', 'the note (replaces the previous one)')
    .option('--json', 'print the run as JSON')
    .action(async (id: string, options: { text: string; json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const run = await updateRunNote({ prisma: db.prisma }, { id, note: options.text });
        if (options.json) printJson(run);
        else console.log(`✓ Note of run ${run.id} saved.`);
      });
    });
}
