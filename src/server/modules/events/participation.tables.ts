/** Participation's own tables beyond event_invitations and event_participants (see migrations/010-participation.ts). */
export interface ParticipationTables {
  event_waitlist: EventWaitlistTable;
}

/** One row per waitlisted participant: their place in the queue and the status a freed place gives them back. */
export interface EventWaitlistTable {
  participant_id: string;
  event_id: string;
  since: string;
  /** 'approved' or 'registered'. */
  then_status: string;
}
