import { describe, expect, it } from 'vitest';
import { hashPassword, verifyDecoyPassword, verifyPassword } from '../../src/services/auth/password-hash';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword({ password: 'correct horse battery staple', hash })).toBe(true);
    expect(await verifyPassword({ password: 'correct horse battery stapl', hash })).toBe(false);
  });

  it('stores scrypt parameters and a fresh salt in the hash, never the password', async () => {
    const first = await hashPassword('same password!!');
    const second = await hashPassword('same password!!');
    expect(first).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toEqual(second);
    expect(first).not.toContain('same password');
  });

  it('verifies hashes made with other parameters, as stored in the hash', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('old password 123', salt, 32, { N: 1024, r: 8, p: 1 });
    const hash = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword({ password: 'old password 123', hash })).toBe(true);
    expect(await verifyPassword({ password: 'old password 124', hash })).toBe(false);
  });

  it('never matches a malformed hash', async () => {
    for (const hash of [
      '',
      'plain',
      'scrypt$0$8$1$AA==$AA==',
      'bcrypt$1$2$3$AA==$AA==',
      'scrypt$1024$8$1$$',
    ]) {
      expect(await verifyPassword({ password: 'anything at all', hash })).toBe(false);
    }
  });

  it('spends a verification on unknown users without ever matching', async () => {
    expect(await verifyDecoyPassword('whatever password')).toBe(false);
  });
});
