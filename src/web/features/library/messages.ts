/**
 * The library feature's messages. `libraryEn` joins the English catalogue (src/web/i18n/en.ts); `libraryId` must have
 * every key. Keys start with 'library.'.
 */
export const libraryEn = {
} as const;

export const libraryId: Record<keyof typeof libraryEn, string> = {
};
