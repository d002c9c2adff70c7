/**
 * A one-time notice for the next page, such as "your session has ended". Kept outside the
 * router's location state because the redirect that follows may come from a route guard
 * rather than from the code that knows why.
 */
export type FlashKey = 'sessionEnded' | 'signedOut' | 'passwordReset';

let pending: FlashKey | null = null;

export function setFlash(key: FlashKey): void {
  pending = key;
}

export function peekFlash(): FlashKey | null {
  return pending;
}

export function clearFlash(): void {
  pending = null;
}
