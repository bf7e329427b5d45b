import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createHashingSlots } from './hashing-slots';

// OWASP's Password Storage Cheat Sheet lists N=2^15,r=8,p=3 as equivalent to its
// N=2^17,p=1 minimum, with a quarter of the memory (32 MiB) per sign-in.
const DEFAULT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

/**
 * Every hash (sign-in, `planning login`, a new or reset password, the decoy of an unknown
 * user) takes one of 2 slots: 2 of libuv's 4 threads at most, 64 MiB. 8 more may wait
 * (about a second); past that the attempt is refused with 503 and Retry-After.
 */
const PASSWORD_HASHING = createHashingSlots({ running: 2, waiting: 8 });

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
  keyLength: number,
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return PASSWORD_HASHING.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/**
 * A salted scrypt hash that carries its own parameters, so they can be raised
 * later without breaking stored hashes: `scrypt$N$r$p$<salt b64>$<key b64>`.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, DEFAULT_PARAMS, KEY_LENGTH);
  const { N, r, p } = DEFAULT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `hash`; a malformed hash never matches. Compares in constant time. */
export async function verifyPassword({
  password,
  hash,
}: {
  password: string;
  hash: string;
}): Promise<boolean> {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16)
    return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  const actual = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

// A real hash of a random password, so that signing in as an unknown user costs
// as much as a wrong password and does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;

/** Spends the time of one verification without a user to verify against. */
export async function verifyDecoyPassword(password: string): Promise<false> {
  // A first hash refused under load (503) must not stay the decoy for good.
  decoyHash ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoyHash = undefined;
    throw error;
  });
  await verifyPassword({ password, hash: await decoyHash });
  return false;
}
