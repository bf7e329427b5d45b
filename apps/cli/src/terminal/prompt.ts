import { CliError } from '../cli-errors';
import { cliText } from '../cli-text';

/** Everything on stdin, minus one trailing newline (what `echo` or a here-string adds). */
export async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** One line typed on the terminal, the question on stderr (stdout stays for output). */
export async function promptLine(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** A line typed on the terminal without echo (a password): raw mode, Backspace works, Ctrl-C ends the command. */
export function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      outcome();
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(() => resolve(typed));
        if (ch === '\u0003')
          return finish(() => reject(new CliError(cliText('cli.error.cancelled', {}), { exitCode: 130 })));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/**
 * A password: from stdin with --password-stdin (scripts, `printf '%s' "$PW" | ...`),
 * else typed without echo when stdin is a terminal (twice with `confirm`); never an argument.
 */
export async function readPassword({
  passwordStdin,
  confirm = false,
  example,
}: {
  passwordStdin: boolean | undefined;
  confirm?: boolean;
  /** The command with --password-stdin, for the error when neither way is open. */
  example: string;
}): Promise<string> {
  if (passwordStdin) return readStdinText();
  if (!process.stdin.isTTY) {
    throw new CliError(cliText('cli.error.password_stdin', {}), {
      hint: `printf '%s' "$PASSWORD" | ${example}`,
    });
  }
  const password = await promptHidden(cliText('cli.prompt.password', {}));
  if (confirm && (await promptHidden(cliText('cli.prompt.password_again', {}))) !== password)
    throw new CliError(cliText('cli.error.passwords_differ', {}));
  return password;
}
