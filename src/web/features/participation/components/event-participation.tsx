/** Who is invited and coming to one event: invitations, nominations, registration, check-in (on the event page). */
export function EventParticipation(_props: { eventId: string }) {
  return null;
}
