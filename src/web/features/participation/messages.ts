/**
 * The participation feature's messages (invitations, nominations, registration, check-in). `participationEn`
 * joins the English catalogue; `participationId` must have every key. Keys start with 'participation.'.
 */
export const participationEn = {
} as const;

export const participationId: Record<keyof typeof participationEn, string> = {
};
