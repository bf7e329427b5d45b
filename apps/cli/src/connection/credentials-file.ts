import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ANSWER_JSON_SCHEMAS } from '../api/answer-json-schemas';
import { answerByJsonSchema } from '../api/answer-schema';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';
import type { TCredentialsFile, TStoredLogin } from './credentials-schema';

export type { TStoredLogin } from './credentials-schema';

/**
 * `planning login` keeps one personal token per server in
 * `$XDG_CONFIG_HOME/planning-hub/credentials.json` (default ~/.config/...), readable by
 * this OS user only (0600, folder 0700), as gh and kubectl keep theirs.
 */
const CREDENTIALS_FILE = 'credentials.json';

/**
 * credentials.json checked by its JSON Schema, so that a command run after `planning login`
 * loads no zod for it; zod, loaded then, has the last word on a file the JSON Schema refuses
 * (answer-schema.ts, docs/performance.md, CLI start-up).
 */
const credentialsSchema = answerByJsonSchema<TCredentialsFile>(
  ANSWER_JSON_SCHEMAS.credentialsFile,
  async () => (await import('./credentials-schema')).ZCredentialsFile,
);

export function credentialsFilePath(configDir: string): string {
  return path.join(configDir, CREDENTIALS_FILE);
}

async function readCredentials(file: string): Promise<TCredentialsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { format: 'planning-hub/credentials@1', servers: {} };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = await credentialsSchema.safeParse(json);
  if (!parsed.success) {
    throw new CliError(cliText('cli.error.credentials_unknown', { file }), {
      hint: cliText('cli.hint.credentials_unknown', { file }),
    });
  }
  return parsed.data;
}

/** Written beside the old file and renamed over it: a crash never leaves half a file. */
async function writeCredentials(file: string, content: TCredentialsFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export async function findStoredLogin(file: string, serverUrl: string): Promise<TStoredLogin | null> {
  return (await readCredentials(file)).servers[serverUrl] ?? null;
}

/** Stores the login for `serverUrl`, answering the one it replaces (null when there was none). */
export async function storeLogin(
  file: string,
  serverUrl: string,
  login: TStoredLogin,
): Promise<TStoredLogin | null> {
  const content = await readCredentials(file);
  const previous = content.servers[serverUrl] ?? null;
  await writeCredentials(file, { ...content, servers: { ...content.servers, [serverUrl]: login } });
  return previous;
}

export async function removeStoredLogin(file: string, serverUrl: string): Promise<TStoredLogin | null> {
  const content = await readCredentials(file);
  const previous = content.servers[serverUrl] ?? null;
  if (!previous) return null;
  const { [serverUrl]: _removed, ...servers } = content.servers;
  await writeCredentials(file, { ...content, servers });
  return previous;
}
