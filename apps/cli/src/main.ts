import { Command, Option } from 'commander';
import { LANGUAGES, type TLanguage } from '@planning-hub/contracts/messages/language';
import { registerArchiveCommand } from './commands/archive';
import { registerAuthCommands } from './commands/auth';
import { registerDbCommands } from './commands/db';
import { registerEventsCommands } from './commands/events';
import { registerEvidenceCommand } from './commands/evidence';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerListCommand } from './commands/list';
import { registerPlansCommands } from './commands/plans';
import { registerPolicyCommands } from './commands/policy';
import { registerReviewCommand } from './commands/review';
import { registerRunsCommands } from './commands/runs';
import { registerTokensCommands } from './commands/tokens';
import { registerUsersCommands } from './commands/users';
import { CLI_VERSION } from './version';

/**
 * `planning`: the operator's CLI, a client of the Planning Hub REST API (as gh and kubectl
 * are of theirs). commands/<name>.ts declares a command (options, help); actions/<name>.ts
 * does it, loaded only when it runs, so that `planning --help` does not pay for zod and
 * the contracts (scripts/build-cli.mjs bundles this file into a CommonJS entry, and the actions
 * into ES module chunks).
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
      'Language: --lang ja|en on any command, else LANG (ja_JP.UTF-8 speaks Japanese); --json output stays as it is.',
      'Exit codes: 0 ok, 2 validation errors, 1 anything else.',
    ].join('\n'),
  );

registerImportCommand(program);
registerExportCommand(program);
registerListCommand(program);
registerReviewCommand(program);
registerPolicyCommands(program);
registerArchiveCommand(program);
registerEventsCommands(program);
registerEvidenceCommand(program);
registerRunsCommands(program);
registerPlansCommands(program);
registerAuthCommands(program);
registerUsersCommands(program);
registerTokensCommands(program);
registerDbCommands(program);

/** `--lang` on every command, as --server is: the language of what the CLI says and of the server's errors. */
function addLanguageOption(command: Command): void {
  command.addOption(new Option('--lang <language>', 'ja or en (default: from LANG)').choices(LANGUAGES));
  for (const subcommand of command.commands) addLanguageOption(subcommand);
}
for (const command of program.commands) addLanguageOption(command);
program.hook('preAction', async (_program, actionCommand) => {
  const { lang } = actionCommand.opts<{ lang?: TLanguage }>();
  // Imported, not bundled into this file: the actions' chunks hold the one copy of it.
  if (lang) (await import('./cli-language')).setCliLanguage(lang);
});

// A failure here is Node's unhandled rejection: its stack on stderr and exit code 1.
void program.parseAsync(process.argv);
