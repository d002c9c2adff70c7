import { sql, type Kysely } from 'kysely';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@/contracts/calendar';
import { scopedRoles, type Role } from '@/contracts/roles';
import type { Actor, RequestContext } from '../../platform/context';
import { randomToken, sha256 } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { requireActor } from '../../platform/permissions';
import { eventVisibleTo, findVisibleEvent } from '../events/event-access';
import type { EventsTable } from '../events/events.tables';
import { VeventCache, writeCalendar, type CalendarEntry } from './ics';

export interface CalendarFile {
  body: string;
  fileName: string;
}

/** Events in the public feed: the published public ones that ended at most this long ago, and all to come. */
const PUBLIC_FEED_PAST_DAYS = 400;

type EventRow = Pick<EventsTable, 'id' | 'title' | 'summary' | 'place' | 'online_url' | 'time_zone' | 'starts_at' | 'ends_at' | 'status' | 'created_at' | 'updated_at' | 'slug'>;
const eventColumns = ['events.id', 'events.slug', 'events.title', 'events.summary', 'events.place', 'events.online_url', 'events.time_zone', 'events.starts_at', 'events.ends_at', 'events.status', 'events.created_at', 'events.updated_at'] as const;

/**
 * Calendars: one event as an .ics file, the public feed, and each user's private feed (a secret URL; only the
 * token's hash is stored, so it is shown once, and rotating or revoking it stops the old URL at once).
 * Who sees which event is decided by events/event-access.ts, as everywhere.
 */
export class CalendarService {
  /** Whether the agenda table (events module) is there: then an event's times are its first and last session's. */
  private sessions: boolean | undefined;
  private readonly vevents = new VeventCache();

  constructor(private readonly d: PlatformDeps) {}

  async eventFile(ctx: RequestContext, eventId: string): Promise<CalendarFile> {
    const event = await findVisibleEvent(this.d.db, ctx.actor, eventId);
    return { body: await this.write(event.title, [event]), fileName: `${event.slug || event.id}.ics` };
  }

  async publicFeed(): Promise<string> {
    const since = new Date(this.d.clock.now().getTime() - PUBLIC_FEED_PAST_DAYS * 86_400_000).toISOString();
    const rows = await this.d.db.selectFrom('events').select(eventColumns).where(eventVisibleTo(null)).where('events.ends_at', '>=', since).orderBy('events.starts_at').limit(5000).execute();
    return this.write('Bali Process: public events', rows);
  }

  /** The private feed: the events the token's owner may see and is invited to (by name or Member) or takes part in. */
  async privateFeed(token: string): Promise<string> {
    const feed = await this.d.db
      .selectFrom('calendar_feeds')
      .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
      .select(['users.id', 'users.role', 'users.status'])
      .where('calendar_feeds.token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!feed || feed.status !== 'active') throw errors.notFound('The calendar feed');
    const role = feed.role as Role;
    const scopes = scopedRoles.includes(role) ? (await this.d.db.selectFrom('user_member_scopes').select('member_code').where('user_id', '=', feed.id).execute()).map((s) => s.member_code) : [];
    const viewer: Actor = { id: feed.id, role, memberScopes: scopes, sessionId: '', mustEnrollTotp: false };
    const rows = await this.d.db
      .selectFrom('events')
      .select(eventColumns)
      .where(eventVisibleTo(viewer))
      .where('events.status', '!=', 'draft')
      .where((eb) =>
        eb.or([
          eb.exists(
            eb.selectFrom('event_invitations').select('event_invitations.id').whereRef('event_invitations.event_id', '=', 'events.id').where((w) => w.or([w('event_invitations.user_id', '=', viewer.id), ...(scopes.length > 0 ? [w('event_invitations.member_code', 'in', scopes)] : [])])),
          ),
          eb.exists(eb.selectFrom('event_participants').select('event_participants.id').whereRef('event_participants.event_id', '=', 'events.id').where('event_participants.user_id', '=', viewer.id).where('event_participants.status', 'not in', ['declined', 'cancelled'])),
        ]),
      )
      .orderBy('events.starts_at')
      .execute();
    return this.write('Bali Process: my events', rows);
  }

  async feedStatus(ctx: RequestContext): Promise<CalendarFeedStatus> {
    const actor = requireActor(ctx);
    const row = await this.d.db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', actor.id).executeTakeFirst();
    return { active: Boolean(row), createdAt: row?.created_at ?? null };
  }

  /** A new secret URL; any previous one stops working. The URL is returned this once. */
  async createFeed(ctx: RequestContext): Promise<CalendarFeedCreated> {
    const actor = requireActor(ctx);
    const token = randomToken(32);
    const createdAt = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', actor.id).executeTakeFirst();
      await trx
        .insertInto('calendar_feeds')
        .values({ user_id: actor.id, token_hash: sha256(token), created_at: createdAt })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: sha256(token), created_at: createdAt }))
        .execute();
      await this.d.audit.record(trx, ctx, { action: before ? 'calendar_feed.rotated' : 'calendar_feed.created', entity: 'user', entityId: actor.id, before: before ? { createdAt: before.created_at } : null, after: { createdAt } });
    });
    return { url: new URL(`/api/calendar/feeds/${token}.ics`, this.d.config.PUBLIC_URL).toString(), createdAt };
  }

  async revokeFeed(ctx: RequestContext): Promise<void> {
    const actor = requireActor(ctx);
    await this.d.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', actor.id).executeTakeFirst();
      if (!before) throw errors.notFound('The calendar feed');
      await trx.deleteFrom('calendar_feeds').where('user_id', '=', actor.id).execute();
      await this.d.audit.record(trx, ctx, { action: 'calendar_feed.revoked', entity: 'user', entityId: actor.id, before: { createdAt: before.created_at } });
    });
  }

  private async write(name: string, rows: readonly EventRow[]): Promise<string> {
    const times = await this.sessionTimes(rows.map((r) => r.id));
    const entries: CalendarEntry[] = rows.map((r) => {
      const t = times.get(r.id);
      return {
        id: r.id, title: r.title, summary: r.summary, place: r.place, onlineUrl: r.online_url, timeZone: r.time_zone,
        start: t?.start ?? r.starts_at, end: t?.end ?? r.ends_at, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at,
      };
    });
    return writeCalendar({ name, publicUrl: this.d.config.PUBLIC_URL, entries, cache: this.vevents });
  }

  /** The first session's start and the last session's end per event, when the agenda table exists. */
  private async sessionTimes(eventIds: readonly string[]): Promise<Map<string, { start: string; end: string }>> {
    const out = new Map<string, { start: string; end: string }>();
    if (eventIds.length === 0 || !(await this.hasSessions())) return out;
    const db = this.d.db as unknown as Kysely<Record<string, Record<string, string>>>;
    for (let i = 0; i < eventIds.length; i += 500) {
      const rows = await db
        .selectFrom('event_sessions')
        .select([sql<string>`event_id`.as('event_id'), sql<string>`min(starts_at)`.as('start'), sql<string>`max(ends_at)`.as('end')])
        .where(sql.ref('event_id'), 'in', eventIds.slice(i, i + 500))
        .groupBy(sql.ref('event_id'))
        .execute();
      for (const r of rows) if (r.start && r.end) out.set(r.event_id, { start: r.start, end: r.end });
    }
    return out;
  }

  private async hasSessions(): Promise<boolean> {
    if (this.sessions === undefined) {
      const tables = await this.d.db.introspection.getTables();
      const schema = this.d.dialect === 'postgres' ? (this.d.config.DATABASE_SCHEMA ?? 'public') : undefined;
      const t = tables.find((x) => x.name === 'event_sessions' && (schema === undefined || x.schema === schema));
      const cols = new Set(t?.columns.map((c) => c.name) ?? []);
      this.sessions = cols.has('event_id') && cols.has('starts_at') && cols.has('ends_at');
    }
    return this.sessions;
  }
}
