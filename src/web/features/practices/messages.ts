/**
 * The practices feature's messages. `practicesEn` joins the English catalogue (src/web/i18n/en.ts); `practicesId` must have
 * every key. Keys start with 'practices.'.
 */
export const practicesEn = {
} as const;

export const practicesId: Record<keyof typeof practicesEn, string> = {
};
