import type { Locale } from '@/contracts/common';
import { setRequestLanguage } from '@/web/lib/api-client';

const STORAGE_KEY = 'hub.locale';
export const locales: readonly Locale[] = ['en', 'id'];

function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'id';
}

function readStored(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be blocked (private mode, policies): the app still works, it just forgets.
    return null;
  }
}

function initialLocale(): Locale {
  const stored = readStored();
  if (stored) return stored;
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en';
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

function apply(locale: Locale): void {
  document.documentElement.lang = locale;
  setRequestLanguage(locale);
}
apply(current);

export function getLocale(): Locale {
  return current;
}

/** True once the person picked a language on this device; their pick wins over the profile's. */
export function hasChosenLocale(): boolean {
  return readStored() !== null;
}

export function setLocale(locale: Locale, options: { remember: boolean }): void {
  if (options.remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // See readStored.
    }
  }
  if (locale === current) return;
  current = locale;
  apply(locale);
  for (const listener of listeners) listener();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
