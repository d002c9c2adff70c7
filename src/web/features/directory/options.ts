import type { AgencyType, ContactChannel, Freshness, Visibility } from '@/contracts/directory';
import type { Locale } from '@/contracts/common';
import { intlLocale } from '@/web/i18n/use-t';

/*
 * The contracts' lists, repeated without zod (importing them as values would bring zod into the web bundle).
 * `satisfies` and the `Exhaustive` checks below fail the type check if a list here and there drift apart.
 */
type Exhaustive<All, Listed extends All> = [Exclude<All, Listed>] extends [never] ? true : false;

export const agencyTypeList = [
  'ministry', 'police', 'immigration', 'coast_guard', 'customs', 'border_guard', 'prosecution', 'judiciary', 'labour',
  'social_welfare', 'foreign_affairs', 'intelligence', 'military', 'international_organisation', 'other',
] as const satisfies readonly AgencyType[];
export const allAgencyTypesListed: Exhaustive<AgencyType, (typeof agencyTypeList)[number]> = true;

export type ChannelKind = ContactChannel['kind'];
export const channelKindList = ['email', 'phone', 'mobile', 'messaging', 'fax', 'other'] as const satisfies readonly ChannelKind[];
export const allChannelKindsListed: Exhaustive<ChannelKind, (typeof channelKindList)[number]> = true;

export const visibilityList = ['public', 'members', 'secretariat', 'private'] as const satisfies readonly Visibility[];
export const allVisibilitiesListed: Exhaustive<Visibility, (typeof visibilityList)[number]> = true;

export const freshnessList = ['confirmed', 'stale', 'missing'] as const satisfies readonly Freshness[];
export const allFreshnessListed: Exhaustive<Freshness, (typeof freshnessList)[number]> = true;

export function isAgencyType(value: string): value is AgencyType {
  return (agencyTypeList as readonly string[]).includes(value);
}

export function isFreshness(value: string): value is Freshness {
  return (freshnessList as readonly string[]).includes(value);
}

/**
 * A calendar date (`YYYY-MM-DD`) or a timestamp, as a date in the interface language. Dates without a time
 * are read in UTC, so 1 March stays 1 March whatever the viewer's time zone.
 */
export function formatDay(iso: string, locale: Locale): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** Today as `YYYY-MM-DD` in the viewer's time zone, for date inputs. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A language code (`th`, `km`) named in the interface language; the code itself when the browser does not know it. */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Comma- or space-separated language codes, as typed, into a clean list. */
export function parseLanguages(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}
