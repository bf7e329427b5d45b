import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TLocalServerFile } from '@planning-hub/contracts/local-server';
import { LOCAL_SERVER_FILE } from '@planning-hub/contracts/local-server-values';
import { ANSWER_JSON_SCHEMAS } from '../api/answer-json-schemas';
import { answerByJsonSchema } from '../api/answer-schema';
import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

/** The default data folder of `npm start`, relative to its checkout (PLANNING_HUB_DATA_DIR overrides it). */
const DEFAULT_DATA_DIR = '.data';

export type TFoundServerFile = { file: string; entry: TLocalServerFile };

/**
 * server.json checked by its JSON Schema, so that a command run beside `npm start` loads no
 * zod for it; zod, loaded then, has the last word on a file the JSON Schema refuses
 * (answer-schema.ts, docs/performance.md, CLI start-up).
 */
const serverFileSchema = answerByJsonSchema<TLocalServerFile>(
  ANSWER_JSON_SCHEMAS.localServerFile,
  async () => (await import('@planning-hub/contracts/local-server')).ZLocalServerFile,
);

/** The parsed file, or null when it does not exist or this OS user may not read it (it is 0600: the server's user only). */
async function readServerFile(file: string): Promise<TFoundServerFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = await serverFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new CliError(cliText('cli.error.server_file_unknown', { file }), {
      hint: cliText('cli.hint.server_file_unknown', {}),
    });
  }
  return { file, entry: parsed.data };
}

/**
 * Where `npm start` told the CLIs of its checkout that it listens (server.json, with the
 * local operator's secret): in PLANNING_HUB_DATA_DIR when it is set (as the server reads
 * it, relative to the working folder); else in the first `.data/` at or above the working
 * folder; else in the checkout this CLI was built in.
 */
export async function findLocalServerFile({
  dataDir,
  cwd,
  checkoutRoot,
}: {
  dataDir: string | undefined;
  cwd: string;
  checkoutRoot: string | null;
}): Promise<TFoundServerFile | null> {
  if (dataDir !== undefined) return readServerFile(path.resolve(cwd, dataDir, LOCAL_SERVER_FILE));
  let dir = path.resolve(cwd);
  for (;;) {
    const found = await readServerFile(path.join(dir, DEFAULT_DATA_DIR, LOCAL_SERVER_FILE));
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return checkoutRoot ? readServerFile(path.join(checkoutRoot, DEFAULT_DATA_DIR, LOCAL_SERVER_FILE)) : null;
}
