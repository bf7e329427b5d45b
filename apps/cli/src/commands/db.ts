import type { Command } from 'commander';

export type TCreateAdminOptions = { username: string; employeeId?: string; passwordStdin?: boolean };

/**
 * `planning db ...`: the only commands that open the database directly. They run the
 * TypeScript entry apps/cli/src/db/db-main.ts of the checkout (not part of this bundle).
 */
export function registerDbCommands(program: Command): void {
  const db = program
    .command('db')
    .description(
      'Database maintenance in a Planning Hub checkout (migrations, the first admin); opens the database directly.',
    );
  const load = () => import('../actions/db');

  db.command('migrate')
    .description(
      'Apply pending migrations (embedded PostgreSQL or DATABASE_URL), then the installation policy (FOUR_EYES).',
    )
    .action(async () => (await load()).runDbCommand(['migrate']));

  db.command('migration-new')
    .description(
      'Write prisma/migrations/<timestamp>_<name>/migration.sql for the changes made to schema.prisma.',
    )
    .argument('<name>', 'short snake_case name, e.g. add_plans')
    .action(async (name: string) => (await load()).runDbCommand(['migration-new', name]));

  db.command('create-admin')
    .description('Create the very first admin of an empty database (refused once any person user exists).')
    .requiredOption('--username <u>', 'sign-in name: letters, digits and . _ @ -')
    .option('--employee-id <id>', 'employee number')
    .option('--password-stdin', 'read the password (12+ characters) from stdin')
    .action(async (options: TCreateAdminOptions) =>
      (await load()).runDbCommand([
        'create-admin',
        '--username',
        options.username,
        ...(options.employeeId !== undefined ? ['--employee-id', options.employeeId] : []),
        ...(options.passwordStdin ? ['--password-stdin'] : []),
      ]),
    );
}
