import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { usersRepository, type UserRow } from '../users/users.repository';
import type { Clock } from '../../platform/clock';
import type { SecretBox } from '../../platform/crypto';
import { hashRecoveryCode, matchTotpStep } from '../../platform/auth/totp';

/**
 * Checks a second factor: a TOTP code (each time step once) or an unused recovery code (once).
 * Returns how it was satisfied, or null.
 */
export async function checkSecondFactor(
  db: Kysely<DB> | Transaction<DB>,
  deps: { clock: Clock; secrets: SecretBox },
  user: UserRow,
  input: { code?: string; recoveryCode?: string },
): Promise<'totp' | 'recovery_code' | null> {
  if (input.code && user.totp_secret) {
    const step = matchTotpStep(deps.secrets.decrypt(user.totp_secret), input.code, deps.clock.now().getTime());
    if (step !== null && (await usersRepository.claimTotpStep(db, user.id, step))) return 'totp';
    return null;
  }
  if (input.recoveryCode) {
    const ok = await usersRepository.consumeRecoveryCode(db, user.id, hashRecoveryCode(input.recoveryCode), deps.clock.now().toISOString());
    return ok ? 'recovery_code' : null;
  }
  return null;
}
