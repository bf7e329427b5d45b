import type { Command } from 'commander';
import type { TConnectionOptions } from '../connection/resolve-connection';
import { withConnectionOptions } from './connection-options';
import { parseExpiresIn } from './expires-in';

export type TLoginOptions = {
  server?: string;
  username?: string;
  passwordStdin?: boolean;
  expiresIn?: number;
  name?: string;
};
export type TLogoutOptions = TConnectionOptions;
export type TWhoamiOptions = TConnectionOptions & { json?: boolean };

export function registerAuthCommands(program: Command): void {
  const load = () => import('../actions/auth');

  program
    .command('login')
    .description(
      'Sign in to a Planning Hub server: trades your username and password for a personal token, kept per server in ' +
        '~/.config/planning-hub/credentials.json (mode 0600; $XDG_CONFIG_HOME respected).',
    )
    .option(
      '--server <url>',
      'the server (default: PLANNING_HUB_URL, else the one `npm start` runs in this checkout)',
    )
    .option('--username <u>', 'your username (default: asked on the terminal)')
    .option('--password-stdin', 'read the password from stdin (default: typed without echo)')
    .option('--expires-in <days>', 'how long the token works, e.g. 30d (default 90 days)', parseExpiresIn)
    .option('--name <n>', 'the token name shown by `planning tokens list` (default: planning-cli on <host>)')
    .addHelpText(
      'after',
      '\nOn the machine and in the checkout where `npm start` runs, no login is needed: the CLI acts as the local operator.',
    )
    .action(async (options: TLoginOptions) => (await load()).runLogin(options));

  const logout = program
    .command('logout')
    .description(
      "Sign out: revokes the token on the server and removes it from this machine's credentials file.",
    );
  withConnectionOptions(logout).action(async (options: TLogoutOptions) => (await load()).runLogout(options));

  const whoami = program
    .command('whoami')
    .description(
      'Show who the CLI acts as on the server: user, role, employee id, how authenticated, token expiry.',
    )
    .option('--json', 'machine-readable output');
  withConnectionOptions(whoami).action(async (options: TWhoamiOptions) => (await load()).runWhoami(options));
}
