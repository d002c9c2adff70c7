/**
 * The events feature's messages. `en` joins the English catalogue (src/web/i18n/en.ts); `id` must have every key.
 * Keys start with 'events.'.
 */
export const eventsEn = {
} as const;

export const eventsId: Record<keyof typeof eventsEn, string> = {
};
