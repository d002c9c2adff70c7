/** The audit feature's messages for choosing whom to filter by (joined into the catalogues in i18n/en.ts and id.ts). */
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
