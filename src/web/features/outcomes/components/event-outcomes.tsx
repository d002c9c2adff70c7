/** The actions recorded from one event's outcome report, shown on the event page. */
export function EventOutcomes(_props: { eventId: string }) {
  return null;
}
