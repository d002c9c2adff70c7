import crypto from 'node:crypto';
import type { Hub } from '@/server/app';
import { newId } from '@/server/platform/crypto';
import type { EventsTable } from './events.tables';

/**
 * A factory for events in participation tests: inserts the row straight into `events`, so these tests do not
 * depend on the events API. Defaults: a published event open to Members, a month from now, no capacity.
 */
export async function makeEvent(hub: Hub, o: Partial<EventsTable> = {}): Promise<EventsTable> {
  const now = hub.deps.clock.now();
  const start = new Date(now.getTime() + 30 * 86_400_000);
  const end = new Date(start.getTime() + 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const id = o.id ?? newId();
  const row: EventsTable = {
    id,
    slug: `event-${crypto.randomBytes(5).toString('hex')}`,
    title: 'Participation test workshop',
    title_local: null,
    summary: null,
    type: 'working_group_meeting',
    format: 'in_person',
    place: 'Bangkok',
    online_url: null,
    time_zone: 'Asia/Bangkok',
    start_date: day(start),
    end_date: day(end),
    starts_at: `${day(start)}T00:00:00.000Z`,
    ends_at: `${day(end)}T16:59:59.000Z`,
    visibility: 'members',
    status: 'published',
    working_group_code: null,
    series: null,
    themes: '[]',
    capacity: null,
    created_by: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ...o,
  };
  await hub.deps.db.insertInto('events').values(row).execute();
  return row;
}
