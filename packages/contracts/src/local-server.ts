import { z } from 'zod';

export { LOCAL_SERVER_FILE } from './local-server-values';

/** What `<data dir>/server.json` holds (local-server-values.ts). */
export const ZLocalServerFile = z.object({
  format: z.literal('planning-hub/local-server@1'),
  url: z.url(),
  /** Fresh on every start; the CLI sends `Bearer phlocal_<secret>`. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  pid: z.number().int(),
  startedAt: z.iso.datetime(),
});
export type TLocalServerFile = z.infer<typeof ZLocalServerFile>;
