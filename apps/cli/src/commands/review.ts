import { Option, type Command } from 'commander';
import type { TReviewAction } from '@planning-hub/contracts/api/review';
import { approveDraft } from '@planning-hub/server/services/review/approve-draft';
import { revertReady } from '@planning-hub/server/services/review/revert-ready';
import { cliPrincipal } from '../actor';
import { printJson, withRuntime } from '../cli-runtime';
import { formatTransition } from '../format-review';

type TReviewOptions = {
  label: string;
  action: TReviewAction;
  reviewer?: string;
  comment: string;
  acknowledgeWarnings?: boolean;
  expectedContentHash?: string;
  json?: boolean;
};

export function registerReviewCommand(program: Command): void {
  program
    .command('review')
    .description('Approve a draft (draft -> ready) or revert the ready revision (ready -> draft), as the Review tab does.')
    .requiredOption('--label <ref>', 'approve: weekly_refresh@draft; revert: weekly_refresh (or its @rN)')
    .addOption(new Option('--action <action>', 'what to do').choices(['approve', 'revert']).makeOptionMandatory())
    .option('--reviewer <id>', 'your employee id, recorded as approved_by and the event actor (default: ui_reviewer)')
    .requiredOption('--comment <text>', 'approve: e.g. "JIRA-123 approve by ops_lead"; revert: the reason')
    .option('--acknowledge-warnings', 'approve a revision that has warnings (you have read them)')
    .option('--expected-content-hash <sha256>', 'refuse if the content is no longer the one you reviewed')
    .option('--json', 'print the revision after the transition as JSON')
    .action(async (options: TReviewOptions) => {
      await withRuntime(async ({ config, db, metrics }) => {
        const common = {
          pool: db.pool,
          metrics,
          ref: options.label,
          reviewer: options.reviewer,
          comment: options.comment,
          expectedContentHash: options.expectedContentHash,
          principal: cliPrincipal(),
        };
        const result =
          options.action === 'approve'
            ? await approveDraft({ ...common, acknowledgeWarnings: options.acknowledgeWarnings, fourEyes: config.fourEyes })
            : await revertReady(common);
        if (options.json) return printJson(result);
        console.log(formatTransition(options.action === 'approve' ? 'Approved' : 'Reverted', result));
      });
    });
}
