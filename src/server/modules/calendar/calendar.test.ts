import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { addParticipant, insertTestEvent, inviteUser } from './test-events';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

interface ParsedEvent {
  uid: string;
  summary: string;
  tzid: string | null;
  startUtc: string;
  endUtc: string;
  startLocal: string;
  endLocal: string;
  url: string;
  description: string;
  status: string;
  sequence: number;
  lastModified: string;
}

/** Parses an iCalendar text with ical.js, registering its VTIMEZONEs (so TZID times resolve with the zones the file carries). */
function parse(text: string): { zones: string[]; events: ParsedEvent[]; zoneComponents: ICAL.Component[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zoneComponents = cal.getAllSubcomponents('vtimezone');
  for (const z of zoneComponents) ICAL.TimezoneService.register(z);
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const dtstart = v.getFirstProperty('dtstart');
    const lm = v.getFirstPropertyValue('last-modified') as ICAL.Time;
    return {
      uid: e.uid,
      summary: e.summary,
      tzid: (dtstart?.getParameter('tzid') as string | undefined) ?? null,
      startUtc: e.startDate.toJSDate().toISOString(),
      endUtc: e.endDate.toJSDate().toISOString(),
      startLocal: e.startDate.toString(),
      endLocal: e.endDate.toString(),
      url: String(v.getFirstPropertyValue('url')),
      description: e.description,
      status: String(v.getFirstPropertyValue('status')),
      sequence: e.sequence,
      lastModified: lm.toJSDate().toISOString(),
    };
  });
  return { zones: zoneComponents.map((z) => String(z.getFirstPropertyValue('tzid'))), events, zoneComponents };
}

async function ics(agent: Agent, url: string): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const res = await agent.request('GET', url);
  return { status: res.status, text: typeof res.body === 'string' ? res.body : JSON.stringify(res.body), headers: res.headers };
}

describe('an event as an .ics file', () => {
  it('has the event in its own zone with a VTIMEZONE, a stable UID and links back to the event page', async () => {
    const id = await insertTestEvent(hub.deps.db, {
      title: 'Regional dialogue', summary: 'Ten shared concerns.', timeZone: 'Asia/Bangkok', startDate: '2026-09-07', endDate: '2026-09-08',
      startsAt: '2026-09-06T17:00:00.000Z', endsAt: '2026-09-08T17:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:10:00.000Z',
    });
    const res = await ics(anonymous(hub), `/api/events/${id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toBe('text/calendar; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toContain(`filename="cal-${id}.ics"`);
    expect(res.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.text).toContain('DTSTART;TZID=Asia/Bangkok:20260907T000000');
    const parsed = parse(res.text);
    expect(parsed.zones).toEqual(['Asia/Bangkok']);
    expect(parsed.events).toHaveLength(1);
    const e = parsed.events[0];
    expect(e).toMatchObject({
      uid: `${id}@localhost`, summary: 'Regional dialogue', tzid: 'Asia/Bangkok', startUtc: '2026-09-06T17:00:00.000Z', endUtc: '2026-09-08T17:00:00.000Z',
      url: `http://localhost:3000/events/${id}`, status: 'CONFIRMED', sequence: 600, lastModified: '2026-01-01T00:10:00.000Z',
    });
    expect(e?.description).toContain('Ten shared concerns.');
    expect(e?.description).toContain(`http://localhost:3000/events/${id}`);
    // The same event gives the same UID again.
    expect(parse((await ics(anonymous(hub), `/api/events/${id}/calendar.ics`)).text).events[0]?.uid).toBe(e?.uid);
  });

  it('keeps local times right across daylight saving (Sydney) and marks a cancelled event', async () => {
    // Sydney leaves daylight saving at 03:00 on 5 April 2026: 9:00 on 4 April is AEDT (+11), 9:00 on 6 April AEST (+10).
    const id = await insertTestEvent(hub.deps.db, { timeZone: 'Australia/Sydney', startsAt: '2026-04-03T22:00:00.000Z', endsAt: '2026-04-05T23:00:00.000Z', status: 'cancelled' });
    const parsed = parse((await ics(anonymous(hub), `/api/events/${id}/calendar.ics`)).text);
    expect(parsed.zones).toEqual(['Australia/Sydney']);
    const standard = parsed.zoneComponents[0]?.getAllSubcomponents('standard').map((c) => [String(c.getFirstProperty('dtstart')?.toICALString()), String(c.getFirstProperty('tzoffsetfrom')?.toICALString()), String(c.getFirstProperty('tzoffsetto')?.toICALString())]);
    expect(standard).toContainEqual(['DTSTART:20260405T030000', 'TZOFFSETFROM:+1100', 'TZOFFSETTO:+1000']);
    expect(parsed.zoneComponents[0]?.getAllSubcomponents('daylight').length).toBeGreaterThan(0);
    const e = parsed.events[0];
    expect(e?.startLocal).toBe('2026-04-04T09:00:00');
    expect(e?.endLocal).toBe('2026-04-06T09:00:00');
    expect(e?.startUtc).toBe('2026-04-03T22:00:00.000Z');
    expect(e?.endUtc).toBe('2026-04-05T23:00:00.000Z');
    expect(e?.status).toBe('CANCELLED');
  });

  it('raises SEQUENCE and LAST-MODIFIED when the event changes', async () => {
    const id = await insertTestEvent(hub.deps.db, { createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    const before = parse((await ics(anonymous(hub), `/api/events/${id}/calendar.ics`)).text).events[0];
    await hub.deps.db.updateTable('events').set({ title: 'Moved', updated_at: '2026-02-03T00:00:00.000Z' }).where('id', '=', id).execute();
    const after = parse((await ics(anonymous(hub), `/api/events/${id}/calendar.ics`)).text).events[0];
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? 0);
    expect(after?.lastModified).toBe('2026-02-03T00:00:00.000Z');
    expect(after?.summary).toBe('Moved');
  });

  it('is 404 for who may not see the event (invited-only, Members-only for the public, drafts)', async () => {
    const invited = await insertTestEvent(hub.deps.db, { visibility: 'invited' });
    const members = await insertTestEvent(hub.deps.db, { visibility: 'members' });
    const draft = await insertTestEvent(hub.deps.db, { status: 'draft' });
    const official = await login(hub, await makeUser(hub, { role: 'official', memberScopes: ['THA'] }));
    expect((await ics(anonymous(hub), `/api/events/${invited}/calendar.ics`)).status).toBe(404);
    expect((await ics(official, `/api/events/${invited}/calendar.ics`)).status).toBe(404);
    expect((await ics(anonymous(hub), `/api/events/${members}/calendar.ics`)).status).toBe(404);
    expect((await ics(official, `/api/events/${members}/calendar.ics`)).status).toBe(200);
    expect((await ics(official, `/api/events/${draft}/calendar.ics`)).status).toBe(404);
    await inviteUser(hub.deps.db, invited, { memberCode: 'THA' });
    expect((await ics(official, `/api/events/${invited}/calendar.ics`)).status).toBe(200);
  });
});

describe('the public feed', () => {
  it('lists published public events only (cancelled ones marked), each with its zone', async () => {
    const pub = await insertTestEvent(hub.deps.db, { title: 'Public webinar', timeZone: 'Asia/Jakarta', startsAt: '2026-10-01T02:00:00.000Z', endsAt: '2026-10-01T04:00:00.000Z' });
    const cancelled = await insertTestEvent(hub.deps.db, { title: 'Cancelled public', status: 'cancelled' });
    const members = await insertTestEvent(hub.deps.db, { title: 'Members only', visibility: 'members' });
    const invited = await insertTestEvent(hub.deps.db, { title: 'Invited only', visibility: 'invited' });
    const draft = await insertTestEvent(hub.deps.db, { title: 'Draft', status: 'draft' });
    const res = await ics(anonymous(hub), '/api/calendar/public.ics');
    expect(res.status).toBe(200);
    const parsed = parse(res.text);
    const uids = parsed.events.map((e) => e.uid.split('@')[0]);
    expect(uids).toContain(pub);
    expect(uids).toContain(cancelled);
    for (const hidden of [members, invited, draft]) expect(uids).not.toContain(hidden);
    expect(parsed.zones).toContain('Asia/Jakarta');
    expect(parsed.zones).toEqual([...new Set(parsed.zones)]);
    const e = parsed.events.find((x) => x.uid.startsWith(pub));
    expect(e).toMatchObject({ tzid: 'Asia/Jakarta', startLocal: '2026-10-01T09:00:00', startUtc: '2026-10-01T02:00:00.000Z', url: `http://localhost:3000/events/${pub}` });
    expect(parsed.events.find((x) => x.uid.startsWith(cancelled))?.status).toBe('CANCELLED');
  });
});

describe('the private feed', () => {
  it('has the events I am invited to (by name or Member) or take part in, never others\u2019 invited-only events', async () => {
    // Members of their own, so that other tests' invitations stay out of these feeds.
    const user = await makeUser(hub, { role: 'official', memberScopes: ['LKA'] });
    const agent = await login(hub, user);
    const other = await makeUser(hub, { role: 'official', memberScopes: ['PHL'] });
    const byName = await insertTestEvent(hub.deps.db, { title: 'Invited by name', visibility: 'invited' });
    await inviteUser(hub.deps.db, byName, { userId: user.id });
    const byMember = await insertTestEvent(hub.deps.db, { title: 'Invited as LKA', visibility: 'invited', timeZone: 'Pacific/Fiji', startsAt: '2026-11-01T21:00:00.000Z', endsAt: '2026-11-02T05:00:00.000Z' });
    await inviteUser(hub.deps.db, byMember, { memberCode: 'LKA' });
    const taking = await insertTestEvent(hub.deps.db, { title: 'Taking part', visibility: 'members' });
    await addParticipant(hub.deps.db, taking, user.id);
    const othersInvited = await insertTestEvent(hub.deps.db, { title: 'Other invited', visibility: 'invited' });
    await inviteUser(hub.deps.db, othersInvited, { userId: other.id });
    await inviteUser(hub.deps.db, othersInvited, { memberCode: 'PHL' });
    const publicNotInvited = await insertTestEvent(hub.deps.db, { title: 'Public, not invited' });
    const draftInvited = await insertTestEvent(hub.deps.db, { title: 'Draft invited', status: 'draft', visibility: 'invited' });
    await inviteUser(hub.deps.db, draftInvited, { userId: user.id });

    expect((await agent.request('GET', '/api/account/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    const created = await agent.request('POST', '/api/account/calendar-feed', {});
    expect(created.status).toBe(201);
    const url = new URL(created.body.url as string);
    expect(url.origin).toBe('http://localhost:3000');
    expect(url.pathname).toMatch(/^\/api\/calendar\/feeds\/[\w-]{20,}\.ics$/);
    expect((await agent.request('GET', '/api/account/calendar-feed')).body).toEqual({ active: true, createdAt: created.body.createdAt });

    // The secret works without a session (calendar apps have none), and only its hash is stored.
    const feed = await ics(anonymous(hub), url.pathname);
    expect(feed.status).toBe(200);
    expect(String(feed.headers['content-type'])).toBe('text/calendar; charset=utf-8');
    const parsed = parse(feed.text);
    const ids = parsed.events.map((e) => e.uid.split('@')[0]).sort();
    expect(ids).toEqual([byName, byMember, taking].sort());
    expect(parsed.zones.sort()).toEqual(['Asia/Bangkok', 'Pacific/Fiji']);
    // Fiji has kept +12 all year since 2022: no daylight time in its zone.
    expect(parsed.zoneComponents.find((z) => z.getFirstPropertyValue('tzid') === 'Pacific/Fiji')?.getAllSubcomponents('daylight')).toEqual([]);
    expect(parsed.events.find((e) => e.uid.startsWith(byMember))).toMatchObject({ tzid: 'Pacific/Fiji', startLocal: '2026-11-02T09:00:00', startUtc: '2026-11-01T21:00:00.000Z' });
    expect(feed.text).toContain('DTSTART;TZID=Pacific/Fiji:20261102T090000');
    for (const e of parsed.events) expect(e.url).toBe(`http://localhost:3000/events/${e.uid.split('@')[0]}`);
    expect(feed.text).not.toContain(othersInvited);
    expect(feed.text).not.toContain(publicNotInvited);
    const token = url.pathname.split('/').pop()?.replace('.ics', '') ?? '';
    const stored = await hub.deps.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(await hub.deps.db.selectFrom('audit_log').selectAll().execute())).not.toContain(token);
    // Without the .ics suffix too.
    expect((await ics(anonymous(hub), `/api/calendar/feeds/${token}`)).status).toBe(200);

    // The other official's feed has their invited-only event and none of mine.
    const otherAgent = await login(hub, other);
    const otherUrl = new URL((await otherAgent.request('POST', '/api/account/calendar-feed', {})).body.url as string);
    const otherIds = parse((await ics(anonymous(hub), otherUrl.pathname)).text).events.map((e) => e.uid.split('@')[0]);
    expect(otherIds).toEqual([othersInvited]);
  });

  it('stops working when rotated or revoked (404), each step audited', async () => {
    const user = await makeUser(hub, { role: 'researcher' });
    const agent = await login(hub, user);
    const event = await insertTestEvent(hub.deps.db, { visibility: 'invited' });
    await inviteUser(hub.deps.db, event, { userId: user.id });
    const first = new URL((await agent.request('POST', '/api/account/calendar-feed', {})).body.url as string).pathname;
    expect((await ics(anonymous(hub), first)).status).toBe(200);
    const second = new URL((await agent.request('POST', '/api/account/calendar-feed', {})).body.url as string).pathname;
    expect(second).not.toBe(first);
    expect((await ics(anonymous(hub), first)).status).toBe(404);
    expect((await ics(anonymous(hub), second)).status).toBe(200);
    expect((await agent.request('DELETE', '/api/account/calendar-feed')).status).toBe(200);
    expect((await ics(anonymous(hub), second)).status).toBe(404);
    expect((await agent.request('GET', '/api/account/calendar-feed')).body.active).toBe(false);
    expect((await agent.request('DELETE', '/api/account/calendar-feed')).status).toBe(404);
    const actions = (await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).where('action', 'like', 'calendar_feed.%').orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['calendar_feed.created', 'calendar_feed.rotated', 'calendar_feed.revoked']);
  });

  it('stops working when the account is disabled', async () => {
    const user = await makeUser(hub);
    const agent = await login(hub, user);
    const path = new URL((await agent.request('POST', '/api/account/calendar-feed', {})).body.url as string).pathname;
    await hub.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await ics(anonymous(hub), path)).status).toBe(404);
  });

  it('is managed by signed-in users only', async () => {
    expect((await anonymous(hub).request('POST', '/api/account/calendar-feed', {})).status).toBe(401);
    expect((await anonymous(hub).request('GET', '/api/account/calendar-feed')).status).toBe(401);
    expect((await anonymous(hub).request('DELETE', '/api/account/calendar-feed')).status).toBe(401);
  });
});
