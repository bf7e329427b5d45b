import { z } from 'zod';

/**
 * `<data dir>/server.json` (default `.data/server.json`, mode 0600): written by a
 * starting server, read by the `planning` CLI of the same checkout to find it and
 * to authenticate as the local operator without a login (docs/design.md).
 */
export const LOCAL_SERVER_FILE = 'server.json';

export const ZLocalServerFile = z.object({
  format: z.literal('planning-hub/local-server@1'),
  url: z.url(),
  /** Fresh on every start; the CLI sends `Bearer phlocal_<secret>`. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  pid: z.number().int(),
  startedAt: z.iso.datetime(),
});
export type TLocalServerFile = z.infer<typeof ZLocalServerFile>;
