import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type TLogger = Logger;

/**
 * JSON lines on stdout; the runbook greps them (e.g. input_set_diff_job_failed).
 * With `file` (LOG_FILE), the same lines are also appended to that file.
 */
export function createLogger({
  level,
  name,
  destination = 1,
  file,
}: {
  level: string;
  name: string;
  /** File descriptor or stream; the CLI logs to stderr (2) so that --json on stdout stays clean. */
  destination?: number | NodeJS.WritableStream;
  /** A file the same lines are appended to, reopened on SIGHUP (see openLogFile). */
  file?: string;
}): TLogger {
  const primary: DestinationStream =
    typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
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
    file === undefined
      ? primary
      : // The logger's level decides what is written; both streams take every line it lets through.
        pino.multistream([
          { level: 'trace', stream: primary },
          { level: 'trace', stream: openLogFile(file) },
        ]),
  );
}

/**
 * Appends to `file` (creating its folder), synchronously like stdout so that nothing is lost
 * at exit. logrotate renames the file and sends SIGHUP: the next line goes to a new file at
 * the same path. Handling SIGHUP also keeps it from ending the process, its default.
 */
function openLogFile(file: string): DestinationStream {
  const stream = pino.destination({ dest: file, append: true, mkdir: true, sync: true });
  process.on('SIGHUP', () => stream.reopen());
  return stream;
}
