import { Command } from 'commander';
import { renderMessage } from '@planning-hub/contracts/messages/format-message';
import { isAppError } from '@planning-hub/server/errors/app-error';
import { cliLanguage } from '../cli-language';
import { cliText } from '../cli-text';
import { createFirstAdmin } from './create-first-admin';
import { migrateDatabase } from './migrate-database';
import { writeMigration } from './write-migration';

/**
 * `planning db ...`: the only commands that act on the database directly (the rest of the
 * CLI is a client of the API). Run with tsx from the checkout, never bundled:
 * `node --import tsx apps/cli/src/db/db-main.ts migrate` (pnpm db:migrate, bin/planning db migrate).
 */
const program = new Command()
  .name('planning db')
  .description('Database maintenance of a Planning Hub checkout (embedded PostgreSQL or DATABASE_URL).')
  .showHelpAfterError();

async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const language = cliLanguage();
    const lines = isAppError(error)
      ? [
          cliText('cli.error_line', { message: renderMessage(language, error.detail) }),
          ...(error.hint ? [cliText('cli.hint_line', { hint: renderMessage(language, error.hint) })] : []),
        ]
      : [cliText('cli.error_line', { message: error instanceof Error ? error.message : String(error) })];
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exitCode = 1;
  }
}

program
  .command('migrate')
  .description('Apply pending migrations from prisma/migrations, then the installation policy (FOUR_EYES).')
  .action(() => run(migrateDatabase));

program
  .command('migration-new')
  .description(
    'Write prisma/migrations/<timestamp>_<name>/migration.sql for the changes made to schema.prisma.',
  )
  .argument('<name>', 'short snake_case name, e.g. add_plans')
  .action((name: string) => run(() => writeMigration(name)));

program
  .command('create-admin')
  .description('Create the very first admin of an empty database (refused once any person user exists).')
  .requiredOption('--username <u>', 'sign-in name: letters, digits and . _ @ -')
  .option('--employee-id <id>', 'employee number')
  .option('--password-stdin', 'read the password (12+ characters) from stdin')
  .action((options: { username: string; employeeId?: string; passwordStdin?: boolean }) =>
    run(() => createFirstAdmin(options)),
  );

await program.parseAsync(process.argv);
