import { Command } from 'commander';
import { registerArchiveCommand } from './commands/archive';
import { registerAuthCommands } from './commands/auth';
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
import { CLI_VERSION } from './version';

/**
 * `planning`: the operator's CLI, a client of the Planning Hub REST API (as gh and kubectl
 * are of theirs). commands/<name>.ts declares a command (options, help); actions/<name>.ts
 * does it, loaded only when it runs, so that `planning --help` does not pay for zod and
 * the contracts (scripts/build-cli.mjs bundles all of it into one file).
 */
const program = new Command()
  .name('planning')
  .description(
    'Planning Hub from the command line: labelled, versioned, reviewed input sets for planning runs.',
  )
  .version(CLI_VERSION)
  .showHelpAfterError()
  // Options belong to the command they follow (`events verify --label x`, `--server` on each command).
  .enablePositionalOptions()
  .configureHelp({ sortSubcommands: false })
  .addHelpText(
    'after',
    [
      '',
      'The server: --server <url>, else PLANNING_HUB_URL, else the one `npm start` runs in this checkout',
      '(found through <data dir>/server.json: PLANNING_HUB_DATA_DIR, or .data/ at or above the working folder).',
      'Who you are: --token, else PLANNING_HUB_TOKEN, else your `planning login` for that server, else, in the',
      "server's own checkout, the local operator (local:<OS user>, no login).",
      'Exit codes: 0 ok, 2 validation errors, 1 anything else.',
    ].join('\n'),
  );

registerImportCommand(program);
registerExportCommand(program);
registerListCommand(program);
registerReviewCommand(program);
registerArchiveCommand(program);
registerEventsCommands(program);
registerEvidenceCommand(program);
registerRunsCommands(program);
registerPlansCommands(program);
registerAuthCommands(program);
registerUsersCommands(program);
registerTokensCommands(program);
registerDbCommands(program);

await program.parseAsync(process.argv);
