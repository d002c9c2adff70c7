/**
 * The global search feature's messages. `searchEn` joins the English catalogue (src/web/i18n/en.ts); `searchId` must have
 * every key. Keys start with 'search.'.
 */
export const searchEn = {
} as const;

export const searchId: Record<keyof typeof searchEn, string> = {
};
