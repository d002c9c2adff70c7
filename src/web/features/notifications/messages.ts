/**
 * The notifications feature's messages. `en` joins the English catalogue (src/web/i18n/en.ts); `id` must have every key.
 * Keys start with 'notifications.'.
 */
export const notificationsEn = {
} as const;

export const notificationsId: Record<keyof typeof notificationsEn, string> = {
};
