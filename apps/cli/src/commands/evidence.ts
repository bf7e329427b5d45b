import path from 'node:path';
import type { Command } from 'commander';
import { openEvidenceSession } from '@planning-hub/server/services/events/evidence-session';
import { evidenceDir, historyRefFor, todayJst, writeEventsEvidence } from '@planning-hub/server/services/events/write-evidence';
import { EXIT, printJson, withRuntime } from '../cli-runtime';
import { captureHistoryPage, checkHistoryPageServed } from '../history-screenshot';

type TEvidenceOptions = { label: string; date?: string; url?: string; user?: string; json?: boolean };

export function registerEvidenceCommand(program: Command): void {
  program
    .command('evidence')
    .description(
      'Write the audit evidence of a label (runbook 4.2): evidence/input_sets/<label>/<YYYYMMDD>/events.json and history.png.',
    )
    .requiredOption('--label <label>', 'the label, e.g. weekly_refresh')
    .option('--date <YYYYMMDD>', 'the folder date (default: today in JST)')
    .option('--url <base>', 'the running Planning Hub to capture the History tab from (default: http://127.0.0.1:$PORT)')
    .option('--user <username>', 'whose short-lived session the browser uses (default: ADMIN_USERNAME)')
    .option('--json', 'print {dir, eventsJson, events, historyPng, screenshotError} as JSON')
    .addHelpText('after', '\nevents.json is written even when the server is not running; history.png needs it (exit 1 without).')
    .action(async (options: TEvidenceOptions) => {
      await withRuntime(async ({ config, db }) => {
        const dir = evidenceDir({ workDir: config.workDir, label: options.label, date: options.date ?? todayJst() });
        const { file, events } = await writeEventsEvidence({ pool: db.pool, label: options.label, dir });

        const baseUrl = (options.url ?? `http://127.0.0.1:${config.port}`).replace(/\/+$/, '');
        const historyRef = await historyRefFor({ prisma: db.prisma, label: events.label });
        // `@` stays readable, as the SPA writes its own links (apps/web/src/config/paths.ts).
        const historyPath = `/ui/plans/input_sets/${encodeURIComponent(historyRef).replace(/%40/g, '@')}/history`;
        const png = path.join(dir, 'history.png');
        let screenshotError = await checkHistoryPageServed(baseUrl, historyPath);
        if (!screenshotError) {
          const session = await openEvidenceSession({ prisma: db.prisma, username: options.user ?? config.adminUsername });
          try {
            const outcome = await captureHistoryPage({ config, baseUrl, historyPath, sessionId: session.sessionId, file: png });
            if (!outcome.ok) screenshotError = outcome.reason;
          } catch (error) {
            screenshotError = `the browser could not capture ${baseUrl}${historyPath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
          } finally {
            await session.close();
          }
        }

        if (options.json) {
          printJson({ dir, eventsJson: file, events: events.events.length, historyPng: screenshotError ? null : png, screenshotError });
        } else {
          console.log(`✓ ${file} (${events.events.length} events)`);
          if (!screenshotError) console.log(`✓ ${png}`);
        }
        if (screenshotError) {
          process.stderr.write(`✗ history.png was not written: ${screenshotError}\n`);
          return EXIT.failure;
        }
        return EXIT.ok;
      });
    });
}
