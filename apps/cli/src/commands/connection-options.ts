import type { Command } from 'commander';

/**
 * `--server` and `--token`, on every command that talks to the server. Without them:
 * PLANNING_HUB_URL / PLANNING_HUB_TOKEN, a stored `planning login`, or the server.json
 * that `npm start` writes in this checkout (the local operator, no login).
 */
export function withConnectionOptions(command: Command): Command {
  return command
    .option(
      '--server <url>',
      'the Planning Hub server (default: PLANNING_HUB_URL, else the one `npm start` runs in this checkout)',
    )
    .option(
      '--token <token>',
      'a personal API token (default: PLANNING_HUB_TOKEN, else your `planning login`)',
    );
}
