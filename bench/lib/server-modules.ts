import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';

/**
 * The root package has no runtime dependencies of its own (pnpm does not hoist
 * them), so the bench borrows pg-copy-streams from the server package, where the
 * services load it too: the same module, the same version.
 */
const requireFromServer = createRequire(new URL('../../packages/server/package.json', import.meta.url));

/** pg's Submittable, which `client.query()` accepts and hands back. */
type TSubmittable = { submit: (connection: unknown) => void };
type TCopyFromStream = Writable & TSubmittable;
type TCopyToStream = Readable & TSubmittable;

const copyStreams = requireFromServer('pg-copy-streams') as {
  from: (sql: string) => TCopyFromStream;
  to: (sql: string) => TCopyToStream;
};

export const copyFrom = copyStreams.from;
export const copyTo = copyStreams.to;
