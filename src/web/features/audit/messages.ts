import { useCallback } from 'react';
import type { Locale } from '@/contracts/common';
import { useLocale, type Vars } from '@/web/i18n/use-t';

/**
 * The audit feature's messages for choosing whom to filter by. Keys start with 'audit.'. They are not joined into the
 * catalogues (src/web/i18n/en.ts, id.ts) yet: useAuditT() reads them for the current language.
 */
export const auditEn = {
  'audit.actorPicker': 'Done by',
  'audit.actorPickerHint': 'Part of a name or email address.',
  'audit.picker.typeMore': 'Type at least 2 characters.',
  'audit.picker.searching': 'Searching…',
  'audit.picker.noMatches': 'No matches.',
  'audit.picker.matches': '{count} matches. Use the up and down arrows to choose.',
  'audit.picker.chosen': 'Chosen: {name}',
} as const;

export const auditId: Record<keyof typeof auditEn, string> = {
  'audit.actorPicker': 'Dilakukan oleh',
  'audit.actorPickerHint': 'Sebagian nama atau alamat email.',
  'audit.picker.typeMore': 'Ketik setidaknya 2 karakter.',
  'audit.picker.searching': 'Mencari…',
  'audit.picker.noMatches': 'Tidak ada yang cocok.',
  'audit.picker.matches': '{count} hasil. Gunakan panah atas dan bawah untuk memilih.',
  'audit.picker.chosen': 'Dipilih: {name}',
};

const catalogues: Record<Locale, Record<keyof typeof auditEn, string>> = { en: auditEn, id: auditId };

/** Like useT(), for the messages above; once they join the catalogues, useT() replaces it. */
export function useAuditT(): (key: keyof typeof auditEn, vars?: Vars) => string {
  const locale = useLocale();
  return useCallback(
    (key, vars) => catalogues[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => (vars && name in vars ? String(vars[name]) : match)),
    [locale],
  );
}
