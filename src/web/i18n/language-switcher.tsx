import { useId } from 'react';
import type { CurrentUser } from '@/contracts/auth';
import type { Locale } from '@/contracts/common';
import { api } from '@/web/lib/api-client';
import { setCurrentUser, useCurrentUser } from '@/web/lib/session';
import { locales, setLocale } from './locale-store';
import { useLocale, useT } from './use-t';

/** Saves the choice on the profile too, so it follows the person to other devices and into emails. */
async function saveToProfile(locale: Locale): Promise<void> {
  try {
    setCurrentUser(await api<CurrentUser>('/api/account/profile', { method: 'PATCH', body: { locale } }));
  } catch {
    // The interface has already switched; the profile catches up on the next change.
  }
}

export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const user = useCurrentUser();
  const id = useId();

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        className="input select"
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          setLocale(next, { remember: true });
          if (user && user.locale !== next) void saveToProfile(next);
        }}
      >
        {locales.map((l) => (
          // Each language is named in itself, so people can find theirs whatever is showing now.
          <option key={l} value={l} lang={l}>
            {t(`locale.native.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
