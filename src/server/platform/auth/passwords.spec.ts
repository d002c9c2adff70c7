import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, weakPasswordReason } from './passwords';

describe('weakPasswordReason', () => {
  it.each([
    ['password1234', 'a listed password'],
    ['Password!!!!1234', 'a listed word padded with symbols and digits'],
    ['!!2024password!!', 'a listed word padded on both sides'],
    ['Correct Horse Battery Staple', 'a listed phrase with spaces and capitals'],
    ['aaaaaaaaaaaaaaaa', 'one repeated character'],
    ['abababababababab', 'two repeated characters'],
    ['1234567890abcdef', 'a number sequence'],
    ['qwertyuiop123456', 'a keyboard sequence'],
  ])('refuses %s (%s)', (password) => {
    expect(weakPasswordReason(password)).toEqual(expect.any(String));
  });

  it("refuses a password containing the email address's local part, whatever its case", () => {
    expect(weakPasswordReason('Maria.Santos-2024-hub', 'maria.santos@iom.example')).toBe('The password must not contain your email address.');
    expect(weakPasswordReason('Maria.Santos-2024-hub', 'someone.else@iom.example')).toBeNull();
  });

  it.each(['qwerty123456', '1qaz2wsx3edc', 'leavemealone', 'Sunshine2024!!', 'baseball-1999'])('refuses a password from the common-password list, or a listed word padded: %s', (password) => {
    expect(weakPasswordReason(password)).toMatch(/too common/);
  });

  it('ignores a very short local part', () => {
    expect(weakPasswordReason('Tide-pool-lantern-ab7', 'ab@example.org')).toBeNull();
  });

  it.each(['Tide-pool lantern at Ubud 47', 'mango monsoon ferry quietly', 'Vx9!qT2#mL7@pR4z'])('accepts a good passphrase: %s', (password) => {
    expect(weakPasswordReason(password, 'siti.rahma@kemlu.example')).toBeNull();
  });
});

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Tide-pool lantern at Ubud 47');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('Tide-pool');
    expect(await verifyPassword(hash, 'Tide-pool lantern at Ubud 47')).toBe(true);
    expect(await verifyPassword(hash, 'Tide-pool lantern at Ubud 48')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
