import { Command } from 'commander';
import { registerArchiveCommand } from './commands/archive';
import { registerDbCommands } from './commands/db';
import { registerEventsCommands } from './commands/events';
import { registerEvidenceCommand } from './commands/evidence';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerListCommand } from './commands/list';
import { registerPlansCommands } from './commands/plans';
import { registerReviewCommand } from './commands/review';
import { registerRunsCommands } from './commands/runs';
import { registerTokensCommands } from './commands/tokens';
import { registerUsersCommands } from './commands/users';

/**
 * `planning`: the operator's CLI (DESIGN.md section 8). Every command calls the
 * same services as the REST API.
 */
const program = new Command()
  .name('planning')
  .description('Planning Hub: labelled, versioned, reviewed input sets for planning runs.')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: false });

registerImportCommand(program);
registerExportCommand(program);
registerListCommand(program);
registerReviewCommand(program);
registerArchiveCommand(program);
registerEventsCommands(program);
registerEvidenceCommand(program);
registerRunsCommands(program);
registerPlansCommands(program);
registerDbCommands(program);
registerUsersCommands(program);
registerTokensCommands(program);

await program.parseAsync(process.argv);
