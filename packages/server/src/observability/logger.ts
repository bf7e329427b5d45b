import pino from 'pino';
import type { Logger } from 'pino';

export type TLogger = Logger;

/** JSON lines on stdout; the runbook greps them (e.g. input_set_diff_job_failed). */
export function createLogger({
  level,
  name,
  destination = 1,
}: {
  level: string;
  name: string;
  /** File descriptor or stream; the CLI logs to stderr (2) so that --json on stdout stays clean. */
  destination?: number | NodeJS.WritableStream;
}): TLogger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          // Paired with the session cookie; whoever reads the logs must not get the other half.
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'password',
          '*.password',
          'token',
        ],
        censor: '[redacted]',
      },
    },
    typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination,
  );
}
