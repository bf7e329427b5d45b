import os from 'node:os';
import path from 'node:path';

/**
 * Every environment variable the CLI reads, in one place. Values are taken as given
 * here and checked where they are used (a bad URL is reported with the variable's name).
 */
export type TCliEnv = {
  /** PLANNING_HUB_URL: the server, when --server is not given. */
  serverUrl: string | undefined;
  /** PLANNING_HUB_TOKEN: a personal API token, when --token is not given. */
  token: string | undefined;
  /** PLANNING_HUB_DATA_DIR: where the server of this checkout writes server.json (relative to the working folder). */
  dataDir: string | undefined;
  /** $XDG_CONFIG_HOME/planning-hub, else ~/.config/planning-hub: where `planning login` keeps tokens. */
  configDir: string;
  /** CHROMIUM_PATH: the browser of `planning evidence`. */
  chromiumPath: string | undefined;
  /** The OS user a local operator acts as (`local:<name>`). */
  osUser: string;
  /** LC_ALL, else LC_MESSAGES, else LANG: `ja_JP.UTF-8` makes the CLI speak Japanese (unless --lang says otherwise). */
  locale: string | undefined;
};

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function currentOsUser(env: NodeJS.ProcessEnv): string {
  try {
    return os.userInfo().username;
  } catch {
    // containers may have no passwd entry for the uid
    return nonEmpty(env.USER) ?? nonEmpty(env.LOGNAME) ?? 'unknown';
  }
}

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): TCliEnv {
  const configHome = nonEmpty(env.XDG_CONFIG_HOME) ?? path.join(os.homedir(), '.config');
  return {
    serverUrl: nonEmpty(env.PLANNING_HUB_URL),
    token: nonEmpty(env.PLANNING_HUB_TOKEN),
    dataDir: nonEmpty(env.PLANNING_HUB_DATA_DIR),
    configDir: path.join(configHome, 'planning-hub'),
    chromiumPath: nonEmpty(env.CHROMIUM_PATH),
    osUser: currentOsUser(env),
    locale: nonEmpty(env.LC_ALL) ?? nonEmpty(env.LC_MESSAGES) ?? nonEmpty(env.LANG),
  };
}
