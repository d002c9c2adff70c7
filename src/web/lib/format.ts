import type { Locale } from '@/contracts/common';
import { intlLocale } from '@/web/i18n/use-t';

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(date);
}

/** "640 B", "812 KB", "2.3 MB", "1.25 GB" in the reader's language (sizes shown before a download). */
export function formatSize(bytes: number, locale: string): string {
  const n = (v: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  if (bytes < 1024) return `${n(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024, 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${n(bytes / 1024 / 1024, 1)} MB`;
  return `${n(bytes / 1024 / 1024 / 1024, 2)} GB`;
}

/** A language's name in the reader's language ("Bahasa Indonesia", "Thai"), or its code. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
