import { z } from 'zod';

/*
 * What credentials.json holds (credentials-file.ts), apart from the code that finds it. The
 * CLI checks the file by this schema's JSON Schema, written at build time
 * (api/answer-json-schemas.ts), and loads this module only when that refuses a file, so that
 * no command loads zod for it while the file is as `planning login` wrote it
 * (docs/performance.md, CLI start-up).
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
