import type { TProblemDetails } from '@planning-hub/contracts/api/problem-details';
import { CliError, EXIT } from '../cli-errors';
import { cliText } from '../cli-text';

/** The server refused a request: its RFC 9457 problem, shown as the server wrote it (in the language the CLI asked for). */
export class ApiError extends CliError {
  readonly status: number;
  readonly problem: TProblemDetails;

  constructor(problem: TProblemDetails) {
    // Only a bundle with validation errors (422) is exit 2, as the runbook's import script had it.
    super(problem.detail, {
      hint: problem.hint,
      exitCode: problem.code === 'validation_failed' ? EXIT.validation : EXIT.failure,
    });
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** Nothing answers at the server's URL (refused, unknown host, unreachable network). */
export class ServerUnreachableError extends CliError {
  constructor(
    readonly serverUrl: string,
    reason: string,
    howFound: string,
  ) {
    super(cliText('cli.error.unreachable', { serverUrl, detail: reason, howFound }), {
      hint: cliText('cli.hint.unreachable', {}),
    });
    this.name = 'ServerUnreachableError';
  }
}
