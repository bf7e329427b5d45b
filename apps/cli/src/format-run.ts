import type { TRunDetail, TRunSummary } from '@planning-hub/contracts/api/runs';
import { formatSentences } from '@planning-hub/contracts/messages/format-message';
import { formatJst } from '@planning-hub/contracts/time/format-jst';
import { cliLanguage } from './cli-language';

const SHOWN_SHORTAGES = 10;
const number = new Intl.NumberFormat('en-US');

function formatLoad(load: string | null): string {
  return load === null ? 'n/a' : `${(Number(load) * 100).toFixed(1)}%`;
}

/** The run as an operator reads it: status, input set, warnings with their fix commands, sha256, plan totals. */
export function formatRun(run: TRunDetail | TRunSummary): string {
  const mark =
    run.status === 'succeeded' ? (run.warnings.length > 0 ? '!' : '✓') : run.status === 'failed' ? '✗' : '…';
  const lines = [
    `${mark} Run ${run.id} ${run.status} (entrypoint ${run.entrypoint}${run.planName ? `, plan '${run.planName}'` : ''})`,
  ];
  lines.push(
    run.inputSetRevision !== null
      ? `  input set     ${run.inputSetLabel} r${run.inputSetRevision} (version ${run.inputSetVersionId}, content hash ${run.contentHash})`
      : `  input set     ${run.inputSetLabel ?? '(none)'}`,
  );
  if (run.artifact) {
    lines.push(`  sha256        ${run.artifact.sha256}`);
    lines.push(
      `  artifact      ${run.artifact.name} (${number.format(run.artifact.bytes)} bytes): planning runs artifact ${run.id}`,
    );
  }
  if ('result' in run && run.result) {
    const s = run.result.summary;
    lines.push(
      `  plan          ${run.result.horizon.periods.length} ${run.result.horizon.granularity} periods from ${run.result.horizon.start} · ` +
        `${s.items} items · ${s.itemLocations} item-locations · ${s.resources} resources · peak load ${formatLoad(s.peakLoad)}`,
    );
    lines.push(`  shortages     ${s.stockouts} stockout(s), ${s.belowSafetyStock} below safety stock`);
    for (const shortage of run.result.shortages.slice(0, SHOWN_SHORTAGES)) {
      lines.push(
        `    ${shortage.kind.padEnd(18)} ${shortage.itemCode} @ ${shortage.locationCode} ${shortage.period}: short ${shortage.quantity}`,
      );
    }
    const more = s.rows.shortages - Math.min(SHOWN_SHORTAGES, run.result.shortages.length);
    if (more > 0)
      lines.push(`    … ${more} more (--json lists the first ${run.result.listLimit} of every list)`);
  }
  if (run.error) lines.push(`  error         ${run.error}`);
  if (run.note) lines.push(`  note          ${run.note}`);
  lines.push(`  created       ${formatJst(run.createdAt)} by ${run.createdBy}`);
  for (const warning of run.warnings) {
    lines.push(
      '',
      `WARNING ${warning.title}: ${formatSentences(cliLanguage(), warning.messageParts) || warning.message}`,
      '  Fix:',
    );
    for (const command of warning.commands) lines.push(`    ${command}`);
  }
  return lines.join('\n');
}
