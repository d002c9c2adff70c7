import { useCallback, useSyncExternalStore } from 'react';
import type { Locale } from '@/contracts/common';
import { en, type MessageKey, type Messages } from './en';
import { id } from './id';
import { getLocale, subscribeLocale } from './locale-store';

const catalogues: Record<Locale, Messages> = { en, id };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>((key, vars) => format(catalogues[locale][key], vars), [locale]);
}

/** BCP 47 tag for Intl formatting; British English reads dates day-first, as in the region. */
export function intlLocale(locale: Locale): string {
  return locale === 'id' ? 'id-ID' : 'en-GB';
}
