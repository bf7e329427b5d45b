import type pg from 'pg';
import type { TAuditKey } from '@planning-hub/core/events/event-hash';

/**
 * The audit key travels with the pool, as the bulk timeout does (transaction.ts): every
 * service that appends or verifies events gets it from the connection it already has,
 * whoever called it (API, CLI, tests). A pool made without one hashes and verifies with
 * plain SHA-256, as before the key.
 */
const KEYS = new WeakMap<object, TAuditKey>();

/** Call before the pool's first connection: each new connection is tagged with the key. */
export function carryAuditKey(pool: pg.Pool, auditKey: TAuditKey): void {
  KEYS.set(pool, auditKey);
  pool.on('connect', (client) => KEYS.set(client, auditKey));
}

/** The audit key of a pool or of one of its connections; undefined without one. */
export function auditKeyOf(poolOrClient: object): TAuditKey | undefined {
  return KEYS.get(poolOrClient);
}
