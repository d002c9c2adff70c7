/**
 * The outcomes feature's messages. `en` joins the English catalogue (src/web/i18n/en.ts); `id` must have every key.
 * Keys start with 'outcomes.'.
 */
export const outcomesEn = {
} as const;

export const outcomesId: Record<keyof typeof outcomesEn, string> = {
};
