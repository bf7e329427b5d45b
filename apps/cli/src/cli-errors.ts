/** Exit codes of every command: 0 ok, 2 validation errors, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, validation: 2 } as const;

/** Ends a command with `exitCode` after it has printed what it had to say. */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Something the user can fix, printed as `error: <message>` and `hint: <hint>`. */
export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(
    message: string,
    { hint, exitCode = EXIT.failure, cause }: { hint?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, { cause });
    this.name = 'CliError';
    this.hint = hint;
    this.exitCode = exitCode;
  }
}
