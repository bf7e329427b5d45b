import { Option, type Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';

export type TReviewOptions = TConnectionOptions & {
  label: string;
  action: 'approve' | 'revert';
  reviewer?: string;
  comment: string;
  acknowledgeWarnings?: boolean;
  expectedContentHash?: string;
  json?: boolean;
};

export function registerReviewCommand(program: Command): void {
  const command = program
    .command('review')
    .description(
      'Approve a draft (draft -> ready) or revert the ready revision (ready -> draft), as the Review tab does, as the signed-in user.',
    )
    .requiredOption('--label <ref>', 'approve: weekly_refresh@draft; revert: weekly_refresh (or its @rN)')
    .addOption(
      new Option('--action <action>', 'what to do').choices(['approve', 'revert']).makeOptionMandatory(),
    )
    .option(
      '--reviewer <id>',
      "the runbook's Reviewer ID (an employee id), recorded beside your user (default: your employee id, else ui_reviewer)",
    )
    .requiredOption('--comment <text>', 'approve: e.g. "JIRA-123 approve by ops_lead"; revert: the reason')
    .option('--acknowledge-warnings', 'approve a revision that has warnings (you have read them)')
    .option('--expected-content-hash <sha256>', 'refuse if the content is no longer the one you reviewed')
    .option('--json', 'print the revision after the transition as JSON');
  withConnectionOptions(command).action(async (options: TReviewOptions) =>
    (await import('../actions/review')).runReview(options),
  );
}
