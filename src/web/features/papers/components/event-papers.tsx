/** The papers of one event (versions, languages, meeting pack), shown on the event page. */
export function EventPapers(_props: { eventId: string }) {
  return null;
}
