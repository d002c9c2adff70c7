/** Participation's own tables beyond event_invitations and event_participants (see migrations/010-participation.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as participation grows
export interface ParticipationTables {}
