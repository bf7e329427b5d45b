import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TAuditKey } from '@planning-hub/core/events/event-hash';
import type { TConfig } from './env';
import { readOrCreatePrivateFile } from './private-files';

/** Generated on first start when neither AUDIT_HMAC_KEY nor AUDIT_HMAC_KEY_FILE is set. */
export const AUDIT_KEY_FILE = 'audit-hmac-key';
/** Next to the key: since when the chain is keyed, so that "recompute everything as unkeyed" fails. */
export const AUDIT_CHAIN_FILE = 'audit-chain.json';

const ZAuditChainFile = z.object({
  format: z.literal('planning-hub/audit-chain@1'),
  /** Names the key without revealing it. */
  keyFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  /** Events dated from here on must be keyed. */
  keyedSince: z.iso.datetime(),
});

function fingerprintOf(key: string): string {
  return createHash('sha256').update(`planning-hub audit key fingerprint\n${key}`).digest('hex').slice(0, 16);
}

async function readKey(
  config: Pick<TConfig, 'auditHmacKey' | 'auditHmacKeyFile' | 'dataDir'>,
): Promise<string> {
  if (config.auditHmacKey !== undefined) return config.auditHmacKey;
  if (config.auditHmacKeyFile !== undefined) {
    const key = (await readFile(config.auditHmacKeyFile, 'utf8')).trim();
    if (key.length < 32)
      throw new Error(`AUDIT_HMAC_KEY_FILE: ${config.auditHmacKeyFile} holds fewer than 32 characters`);
    return key;
  }
  const { text } = await readOrCreatePrivateFile(
    path.join(config.dataDir, AUDIT_KEY_FILE),
    () => `${randomBytes(32).toString('hex')}\n`,
  );
  return text.trim();
}

/**
 * The key of the audit chain (docs/decisions/0008) and since when it is in use: from
 * AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE, else `<dataDir>/audit-hmac-key`, made on first
 * start (0600). The first start with a key records `<dataDir>/audit-chain.json`; a later
 * start with another key fails, since the events keyed so far would no longer verify.
 */
export async function loadAuditKey(
  config: Pick<TConfig, 'auditHmacKey' | 'auditHmacKeyFile' | 'dataDir'>,
): Promise<TAuditKey> {
  const key = await readKey(config);
  const keyFingerprint = fingerprintOf(key);
  const file = path.join(config.dataDir, AUDIT_CHAIN_FILE);
  const { text } = await readOrCreatePrivateFile(
    file,
    () =>
      `${JSON.stringify({ format: 'planning-hub/audit-chain@1', keyFingerprint, keyedSince: new Date().toISOString() }, null, 2)}\n`,
  );
  const parsed = ZAuditChainFile.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${file} is not a Planning Hub audit chain file: ${parsed.error.issues[0]?.message}`);
  if (parsed.data.keyFingerprint !== keyFingerprint) {
    throw new Error(
      `The audit key (AUDIT_HMAC_KEY, AUDIT_HMAC_KEY_FILE or ${path.join(config.dataDir, AUDIT_KEY_FILE)}) is not the one the audit chain has been keyed with since ${parsed.data.keyedSince} (${file}): events keyed with it would no longer verify. Restore that key.`,
    );
  }
  return { key, keyedSince: new Date(parsed.data.keyedSince).toISOString() };
}
