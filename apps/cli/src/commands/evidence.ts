import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TEvidenceOptions = TConnectionOptions & { label: string; date?: string; json?: boolean };

export function registerEvidenceCommand(program: Command): void {
  const command = program
    .command('evidence')
    .description(
      'Write the audit evidence of a label (runbook 4.2): evidence/input_sets/<label>/<YYYYMMDD>/events.json and history.png ' +
        '(the History tab, captured in headless Chromium).',
    )
    .requiredOption('--label <label>', 'the label, e.g. weekly_refresh')
    .option('--date <YYYYMMDD>', 'the folder date (default: today in JST)')
    .option('--json', 'print {dir, eventsJson, events, historyPng, screenshotError} as JSON');
  withConnectionOptions(command)
    .addHelpText(
      'after',
      '\nThe folder is under the working folder. events.json is written even when history.png cannot be ' +
        '(no SPA served, no Chromium or Playwright: exit 1). Chromium: CHROMIUM_PATH, else /usr/bin/chromium.',
    )
    .action(async (options: TEvidenceOptions) => (await import('../actions/evidence')).runEvidence(options));
}
