import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id minimum: m=19 MiB, t=2, p=1.
// algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot read).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Compared against when the account does not exist, so a missing account takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-but-long');
  return dummyHash;
}

let common: Set<string> | undefined;
/** zxcvbn's list of the ~49,000 most common passwords, plus our own words (places, agencies, the hub itself). */
function commonPasswords(): Set<string> {
  common ??= new Set([
    ...dictionary['passwords-common'].map((p) => p.toLowerCase()),
    ...fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  ]);
  return common;
}

/**
 * Why a password is too weak, or null. Length is checked by the schema; this refuses the passwords attackers try
 * first: listed ones, listed words padded with digits or symbols, one repeated character, and the email's name.
 */
export function weakPasswordReason(password: string, email?: string): string | null {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || list.has(lower.replace(/[^a-z0-9]/g, ''))) {
    return 'This password is too common. Choose one that is harder to guess.';
  }
  if (new Set(lower).size <= 3) return 'This password repeats too few characters. Choose one that is harder to guess.';
  if (/^(0123456789|1234567890|abcdefghij|qwertyuiop)/.test(lower)) return 'This password is a keyboard or number sequence.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'The password must not contain your email address.';
  return null;
}
