import { readFile } from 'node:fs/promises';
import { formatToleranceParams } from '@planning-hub/contracts/api/diff-tolerance';
import {
  ZChecksResponse,
  ZLabelPolicy,
  ZPutPolicyResponse,
  type TChecksResponse,
  type TLabelPolicy,
} from '@planning-hub/contracts/api/policy';
import { API } from '@planning-hub/contracts/api/routes';
import { ZInputSetRef, ZLabel } from '@planning-hub/contracts/labels';
import { formatMessageOf } from '@planning-hub/contracts/messages/format-message';
import { CliError } from '../cli-errors';
import { cliLanguage } from '../cli-language';
import { cliText } from '../cli-text';
import { printJson, runWithApi } from '../cli-runtime';
import type { TChecksOptions, TPolicySetOptions, TPolicyShowOptions } from '../commands/policy';
import { parseOption } from '../options/parse-options';

/** The checks of a policy, one line each: id, on/off, severity, threshold. */
function formatPolicy(result: TLabelPolicy): string {
  const lines = [
    result.isDefault
      ? cliText('cli.policy.default', { label: result.label })
      : cliText('cli.policy.version', {
          label: result.label,
          version: result.version,
          by: result.updatedBy ?? '',
          at: result.updatedAt ?? '',
        }),
  ];
  for (const [id, settings] of Object.entries(result.policy.checks)) {
    const threshold =
      'threshold_percent' in settings
        ? `±${settings.threshold_percent}%`
        : 'ratio' in settings
          ? `×${settings.ratio}`
          : '';
    lines.push(
      `  ${id.padEnd(24)} ${(settings.enabled ? 'on' : 'off').padEnd(4)} ${settings.severity.padEnd(8)} ${threshold}`.trimEnd(),
    );
  }
  const tolerances = formatToleranceParams(result.policy.diff_tolerance);
  lines.push(
    tolerances.length
      ? cliText('cli.policy.tolerance', { tolerances: tolerances.join(' ') })
      : cliText('cli.policy.tolerance_none', {}),
  );
  return lines.join('\n');
}

export async function runPolicyShow(options: TPolicyShowOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const result = await api.getJson(API.policy(parseOption(ZLabel, '--label', options.label)), ZLabelPolicy);
    if (options.json) return printJson(result);
    console.log(formatPolicy(result));
  });
}

/** The document in the file: a policy, or the `policy show --json` output that holds one. */
async function readPolicyFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(cliText('cli.error.policy_unreadable', { file, detail: (error as Error).message }));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(cliText('cli.error.policy_not_json', { file, detail: (error as Error).message }));
  }
  const wrapped = value as { policy?: unknown; checks?: unknown } | null;
  return wrapped && typeof wrapped === 'object' && wrapped.policy && !wrapped.checks ? wrapped.policy : value;
}

export async function runPolicySet(options: TPolicySetOptions): Promise<void> {
  const document = await readPolicyFile(options.file);
  await runWithApi(options, async ({ api }) => {
    // The server validates the document against the contract and names what is wrong.
    const result = await api.sendJson(
      'PUT',
      API.policy(parseOption(ZLabel, '--label', options.label)),
      document,
      ZPutPolicyResponse,
    );
    if (options.json) return printJson(result);
    console.log(
      cliText('cli.policy.stored', { label: result.label, version: result.version, event: result.event.id }),
    );
    console.log(formatPolicy(result));
  });
}

function formatChecks(result: TChecksResponse): string {
  if (!result.checked) return cliText('cli.checks.not_checked', { ref: result.ref });
  const language = cliLanguage();
  const lines = [
    cliText('cli.checks.summary', {
      ref: result.ref,
      errors: result.errors,
      warnings: result.warnings,
      version: result.policyVersion ?? 0,
    }),
  ];
  if (result.notice)
    lines.push(
      formatMessageOf(language, result.notice.messageCode, result.notice.params) ?? result.notice.message,
    );
  if (result.comparedWith) lines.push(cliText('cli.checks.against', { against: result.comparedWith.ref }));
  if (result.findings.length === 0) lines.push(cliText('cli.checks.none', {}));
  for (const finding of result.findings) {
    const text = formatMessageOf(language, finding.messageCode, finding.params) ?? finding.message;
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.check.padEnd(22)} ${text}`);
  }
  for (const check of result.checks) {
    if (check.total > check.stored)
      lines.push(cliText('cli.checks.more', { hidden: check.total - check.stored, check: check.check }));
  }
  return lines.join('\n');
}

export async function runChecks(options: TChecksOptions): Promise<void> {
  await runWithApi(options, async ({ api }) => {
    const result = await api.getJson(
      API.checks(parseOption(ZInputSetRef, '--label', options.label)),
      ZChecksResponse,
    );
    if (options.json) return printJson(result);
    console.log(formatChecks(result));
  });
}
