import crypto from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from '../crypto';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Bali Process Hub', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function otpauthUrl(secret: string, email: string): string {
  return totp(secret, email).toString();
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** The code for a time (tests and the demo use it). */
export function totpCode(secret: string, atMs: number): string {
  return totp(secret).generate({ timestamp: atMs });
}

/**
 * The time step a code belongs to (±1 step of clock drift), or null. The caller stores the step and refuses
 * any code of the same or an earlier step, so each code works once (RFC 6238 §5.2).
 */
export function matchTotpStep(secret: string, code: string, atMs: number): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: atMs, window: 1 });
  return delta === null ? null : Math.floor(atMs / 1000 / PERIOD) + delta;
}

/** Ten one-time recovery codes like `k7pq-3mzx-a9`; only their hashes are stored. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.trim().toLowerCase().replace(/\s+/g, ''));
}
