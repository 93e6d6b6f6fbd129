import { describe, expect, it } from 'vitest';
import { hashPassword, randomPassword, verifyPassword } from '../../../../electron/node/officers/passwords';

const CHEAP = { N: 1 << 10, r: 8, p: 1 } as const;

describe('password hashes', () => {
  it('verifies the password and nothing else; a salt per hash', async () => {
    const a = await hashPassword('值班 password 1', CHEAP);
    const b = await hashPassword('值班 password 1', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('值班 password 1', a)).toBe(true);
    expect(await verifyPassword('值班 password 2', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('the default cost is the stored one', async () => {
    const h = await hashPassword('a long enough password');
    expect(h.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword('a long enough password', h)).toBe(true);
  });

  it('refuses a malformed or absurd stored hash instead of throwing', async () => {
    const good = await hashPassword('pw', CHEAP);
    for (const bad of [
      'plaintext',
      good.replace('scrypt$1024', 'scrypt$1000'),
      good.replace('scrypt$1024', 'scrypt$2147483648'),
      good.slice(0, -4),
      good.replace('$8$1$', '$99$1$'),
    ])
      expect(await verifyPassword('pw', bad)).toBe(false);
  });

  it('a random password carries about 120 bits', () => {
    const p = randomPassword();
    expect(p).toMatch(/^[\w-]{20}$/);
    expect(randomPassword()).not.toBe(p);
  });
});
