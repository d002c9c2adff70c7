/**
 * The dialogues feature's messages. `dialoguesEn` joins the English catalogue (src/web/i18n/en.ts); `dialoguesId` must have
 * every key. Keys start with 'dialogues.'.
 */
export const dialoguesEn = {
} as const;

export const dialoguesId: Record<keyof typeof dialoguesEn, string> = {
};
