import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a command's output to the file `-o` names, creating its folders first (as
 * `mkdir -p` would): `-o tmp/audit/x.json` works on a fresh checkout, where a shell
 * redirection `> tmp/audit/x.json` fails. Answers the path as it is shown to the user.
 */
export async function writeOutputFile(target: string, data: string): Promise<string> {
  const file = path.resolve(target);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
  return path.relative(process.cwd(), file) || file;
}
