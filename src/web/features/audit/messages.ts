/** The audit feature's messages for choosing whom to filter by (joined into the catalogues in i18n/en.ts and id.ts). */
export const auditEn = {
  'audit.actorPicker': 'Done by',
  'audit.actorPickerHint': 'Part of a name or email address.',
} as const;

export const auditId: Record<keyof typeof auditEn, string> = {
  'audit.actorPicker': 'Dilakukan oleh',
  'audit.actorPickerHint': 'Sebagian nama atau alamat email.',
};
