import { z } from 'zod';

/*
 * What credentials.json holds (credentials-file.ts), apart from the code that finds it:
 * loaded once there is a file to parse, so that a command given its token (--token,
 * PLANNING_HUB_TOKEN) or run before any login loads no zod for it (docs/performance.md, CLI start-up).
 */

export const ZStoredLogin = z.object({
  token: z.string().min(1),
  username: z.string(),
  /** The 8 hex characters after `ph_`: `planning tokens revoke --prefix`. */
  prefix: z.string(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TStoredLogin = z.infer<typeof ZStoredLogin>;

export const ZCredentialsFile = z.object({
  format: z.literal('planning-hub/credentials@1'),
  /** By server URL as normalizeServerUrl writes it. */
  servers: z.record(z.string(), ZStoredLogin),
});
export type TCredentialsFile = z.infer<typeof ZCredentialsFile>;
