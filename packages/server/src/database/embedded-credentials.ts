import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { readOrCreatePrivateFile } from '../config/private-files';

/** `<dataDir>/postgres-credentials.json` (0600, in a 0700 folder), made on first start. */
export const EMBEDDED_CREDENTIALS_FILE = 'postgres-credentials.json';
/** The superuser's password of installs made before the credentials file; rotated at their next start. */
export const LEGACY_SUPERUSER_PASSWORD = 'planning_hub';
/** The login role the server connects as: a member of planning_hub_app, neither superuser nor owner. */
export const EMBEDDED_APP_ROLE = 'planning_hub_api';

const ZRole = z.object({
  user: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
  password: z.string().min(32).max(200),
});
const ZEmbeddedCredentials = z.object({
  format: z.literal('planning-hub/postgres-credentials@1'),
  /** The cluster's superuser: owns the database, runs the migrations and writes the installation policy. */
  superuser: ZRole,
  /** What the server connects as. */
  app: ZRole,
});
export type TEmbeddedCredentials = z.infer<typeof ZEmbeddedCredentials>;

const newPassword = () => randomBytes(24).toString('base64url');

/**
 * The embedded PostgreSQL's passwords: read from the data folder, or generated on first
 * start. Whoever can read the file can act as the database's owner, as whoever can read
 * server.json is the local operator; nobody else on the machine can connect.
 */
export async function loadEmbeddedCredentials(dataDir: string): Promise<TEmbeddedCredentials> {
  const file = path.join(dataDir, EMBEDDED_CREDENTIALS_FILE);
  const { text } = await readOrCreatePrivateFile(file, () => {
    const credentials: TEmbeddedCredentials = {
      format: 'planning-hub/postgres-credentials@1',
      superuser: { user: 'planning_hub', password: newPassword() },
      app: { user: EMBEDDED_APP_ROLE, password: newPassword() },
    };
    return `${JSON.stringify(credentials, null, 2)}\n`;
  });
  const parsed = ZEmbeddedCredentials.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${file} is not a Planning Hub credentials file: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
