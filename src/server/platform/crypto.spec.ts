import { describe, expect, it } from 'vitest';
import { randomToken, safeEqual, SecretBox, sha256 } from './crypto';

const box = new SecretBox('unit-test-secret-unit-test-secret-0001');

/** Flips one character of a base64url string. */
function flip(s: string, at: number): string {
  const c = s[at] === 'A' ? 'B' : 'A';
  return s.slice(0, at) + c + s.slice(at + 1);
}

describe('SecretBox encryption', () => {
  it('round-trips, with a fresh IV each time', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const a = box.encrypt(secret);
    const b = box.encrypt(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(a.split('.')[0]).toBe('v1');
    expect(box.decrypt(a)).toBe(secret);
    expect(box.decrypt(b)).toBe(secret);
    expect(box.decrypt(box.encrypt('ünïcödé ✓'))).toBe('ünïcödé ✓');
  });

  it('detects tampering with the data, the tag or the IV', () => {
    const [v, iv, tag, data] = box.encrypt('a secret worth keeping').split('.') as [string, string, string, string];
    expect(() => box.decrypt([v, iv, tag, flip(data, 0)].join('.'))).toThrow();
    expect(() => box.decrypt([v, iv, flip(tag, 0), data].join('.'))).toThrow();
    expect(() => box.decrypt([v, flip(iv, 0), tag, data].join('.'))).toThrow();
    expect(() => box.decrypt(['v2', iv, tag, data].join('.'))).toThrow();
    expect(() => box.decrypt('garbage')).toThrow();
  });

  it('cannot be opened with another secret', () => {
    const other = new SecretBox('another-secret-another-secret-0000002');
    expect(() => other.decrypt(box.encrypt('hello'))).toThrow();
  });
});

describe('SecretBox signed tokens', () => {
  const t0 = Date.parse('2025-06-01T00:00:00Z');

  it('returns the payload until it expires, then null', () => {
    const token = box.sign({ uid: 'u1', purpose: 'login' }, 300, t0);
    expect(box.verify(token, t0)).toMatchObject({ uid: 'u1', purpose: 'login' });
    expect(box.verify(token, t0 + 299_000)).toMatchObject({ uid: 'u1' });
    expect(box.verify(token, t0 + 300_000)).toBeNull();
    expect(box.verify(token, t0 + 3_600_000)).toBeNull();
  });

  it('refuses a token whose payload or signature was changed, or signed with another secret', () => {
    const token = box.sign({ uid: 'u1', purpose: 'login' }, 300, t0);
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ uid: 'admin', purpose: 'login', exp: t0 / 1000 + 300 })).toString('base64url');
    expect(box.verify(`${forged}.${mac}`, t0)).toBeNull();
    expect(box.verify(`${body}.${flip(mac, 3)}`, t0)).toBeNull();
    expect(box.verify(body, t0)).toBeNull();
    expect(box.verify('', t0)).toBeNull();
    expect(new SecretBox('another-secret-another-secret-0000002').verify(token, t0)).toBeNull();
  });
});

describe('helpers', () => {
  it('makes URL-safe random tokens, SHA-256 hex digests and compares in constant time', () => {
    const t = randomToken();
    expect(t).toMatch(/^[\w-]{43}$/);
    expect(randomToken()).not.toBe(t);
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
