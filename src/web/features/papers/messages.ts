/**
 * The papers feature's messages. `en` joins the English catalogue (src/web/i18n/en.ts); `id` must have every key.
 * Keys start with 'papers.'.
 */
export const papersEn = {
} as const;

export const papersId: Record<keyof typeof papersEn, string> = {
};
