import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@/server/platform/crypto';
import { handOver, makeAgency, makePosition } from '../../../../test/helpers/directory';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
let staff: Agent;
let official: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  official = await signedIn(hub, { role: 'official', memberScopes: ['THA'] });
});
afterAll(async () => {
  await hub.close();
});

async function dialogue(o: Record<string, unknown> = {}) {
  const res = await staff.request('POST', '/api/events', {
    title: `Dialogue ${newId().slice(0, 6)}`, type: 'thematic_dialogue', format: 'in_person', place: 'Bangkok', timeZone: 'Asia/Bangkok',
    startDate: '2022-09-07', endDate: '2022-09-08', visibility: 'public', status: 'published', ...o,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string };
}

async function participant(eventId: string, name: string, consent = 1): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await hub.deps.db.insertInto('event_participants').values({
    id, event_id: eventId, user_id: null, person_id: null, name, email: null, organisation: `${name}'s agency`, member_code: 'THA', status: 'registered',
    nominated_by: null, decided_by: null, decided_at: null, registered_at: now, consent_listed: consent, checked_in_at: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

const count = async (table: 'event_sessions' | 'event_session_speakers' | 'guest_speakers' | 'event_breakouts' | 'event_breakout_members') =>
  Number((await hub.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('agenda sessions and speakers', () => {
  it('adds a session in the event zone with a directory person and a guest speaker; times come back as UTC with the local day', async () => {
    const e = await dialogue();
    const agency = await makeAgency(staff, { nameEn: 'Royal Thai Police', memberCode: 'THA' });
    const position = await makePosition(staff, agency.id, { title: 'Commander, Anti-Trafficking Division' });
    const personId = await handOver(staff, position.id, { nameLatin: 'Somsak Example' });
    const res = await staff.request('POST', `/api/events/${e.id}/sessions`, {
      title: 'Opening remarks', date: '2022-09-07', startTime: '09:00', endTime: '09:30', room: 'Ballroom A',
      speakers: [
        { personId, role: 'chair' },
        { guest: { name: 'Dr Borah Park', title: 'Research Fellow', organisation: 'Institute for National Security Strategy, Seoul', bio: 'Researches trafficking indicators.' } },
      ],
    });
    expect(res.status).toBe(201);
    const [session] = res.body.sessions;
    expect(session).toMatchObject({ title: 'Opening remarks', startsAt: '2022-09-07T02:00:00.000Z', endsAt: '2022-09-07T02:30:00.000Z', date: '2022-09-07', room: 'Ballroom A' });
    expect(session.speakers).toEqual([
      expect.objectContaining({ kind: 'person', personId, name: 'Somsak Example', role: 'chair', organisation: 'Commander, Anti-Trafficking Division, Royal Thai Police' }),
      expect.objectContaining({ kind: 'guest', name: 'Dr Borah Park', title: 'Research Fellow', organisation: 'Institute for National Security Strategy, Seoul', bio: 'Researches trafficking indicators.', role: 'speaker' }),
    ]);
    // The same session given as UTC instants lands on the same times; anonymous visitors read the agenda too.
    const again = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Same, as instants', startsAt: '2022-09-07T09:00:00+07:00', endsAt: '2022-09-07T02:30:00Z', speakers: [{ guestSpeakerId: session.speakers[1].guestSpeakerId }] });
    expect(again.body.sessions.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2022-09-07T02:00:00.000Z', '2022-09-07T02:00:00.000Z']);
    const pub = await anonymous(hub).request('GET', `/api/events/${e.id}`);
    expect(pub.body.sessions).toHaveLength(2);
    expect(pub.body.canEdit).toBe(false);
    const trail = await hub.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', 'in', ['event_session.created', 'guest_speaker.created']).execute();
    expect(trail.filter((t) => t.action === 'guest_speaker.created')).toHaveLength(1);
    expect(trail.filter((t) => t.action === 'event_session.created')).toHaveLength(2);
  });

  it('finds guest speaker profiles on file by name or organisation, for the secretariat to reuse on another agenda', async () => {
    const e = await dialogue();
    const tag = newId().slice(0, 8);
    await staff.request('POST', `/api/events/${e.id}/sessions`, {
      title: 'Panel', date: '2022-09-07', startTime: '09:00', endTime: '10:00',
      speakers: [{ guest: { name: `Dr Ama Mensah ${tag}`, title: 'Professor', organisation: `Centre 100%_Research ${tag}` } }, { guest: { name: `Lin Wei ${tag}` } }],
    });
    const byName = await staff.request('GET', `/api/guest-speakers?q=${encodeURIComponent(`ama mensah ${tag}`)}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([{ id: expect.any(String), name: `Dr Ama Mensah ${tag}`, title: 'Professor', organisation: `Centre 100%_Research ${tag}`, bio: null }]);
    // By organisation; "%" and "_" are matched as typed, not as wildcards.
    expect((await staff.request('GET', `/api/guest-speakers?q=${encodeURIComponent(`100%_research ${tag}`)}`)).body.items).toHaveLength(1);
    expect((await staff.request('GET', `/api/guest-speakers?q=${encodeURIComponent(`1%_r ${tag}`)}`)).body.items).toHaveLength(0);
    expect((await staff.request('GET', `/api/guest-speakers?q=${tag}`)).body.items.map((g: { name: string }) => g.name)).toEqual([`Dr Ama Mensah ${tag}`, `Lin Wei ${tag}`]);

    // Reused on a second event's agenda: the same profile, no new one.
    const other = await dialogue();
    const guestsBefore = await count('guest_speakers');
    const reused = await staff.request('POST', `/api/events/${other.id}/sessions`, { title: 'Keynote', date: '2022-09-08', startTime: '09:00', endTime: '09:30', speakers: [{ guestSpeakerId: byName.body.items[0].id, role: 'chair' }] });
    expect(reused.status).toBe(201);
    expect(reused.body.sessions[0].speakers).toEqual([expect.objectContaining({ kind: 'guest', guestSpeakerId: byName.body.items[0].id, name: `Dr Ama Mensah ${tag}`, role: 'chair' })]);
    expect(await count('guest_speakers')).toBe(guestsBefore);

    expect((await official.request('GET', `/api/guest-speakers?q=${tag}`)).status).toBe(403);
    expect((await anonymous(hub).request('GET', `/api/guest-speakers?q=${tag}`)).status).toBe(401);
  });

  it('refuses a session outside the event dates in its zone, an end before the start and an unknown speaker, changing nothing', async () => {
    const e = await dialogue();
    const before = { sessions: await count('event_sessions'), speakers: await count('event_session_speakers'), guests: await count('guest_speakers') };
    // 06:00 on 9 September in Bangkok is still 8 September in UTC, but outside the event's days in its own zone.
    const outside = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Too late', date: '2022-09-09', startTime: '06:00', endTime: '07:00' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'date', code: 'outside_event', message: expect.stringContaining('2022-09-07 to 2022-09-08 (Asia/Bangkok)') })]);
    const earlyUtc = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Before midnight Bangkok', startsAt: '2022-09-06T16:30:00Z', endsAt: '2022-09-06T17:30:00Z' });
    expect(earlyUtc.body.errors[0]).toMatchObject({ field: 'startsAt', code: 'outside_event' });
    const backwards = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Backwards', date: '2022-09-07', startTime: '11:00', endTime: '10:00' });
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endTime', message: 'The session must end after it starts.' })]);
    const nobody = await staff.request('POST', `/api/events/${e.id}/sessions`, {
      title: 'Ghost speaker', date: '2022-09-07', startTime: '10:00', endTime: '11:00',
      speakers: [{ guest: { name: 'Would be created' } }, { personId: 'no-such-person' }],
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors).toEqual([expect.objectContaining({ field: 'speakers.1.personId', code: 'speaker_not_found' })]);
    const badShape = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Bad time', date: '2022-09-07', startTime: '9am', endTime: '10:00' });
    expect(badShape.status).toBe(400);
    expect(badShape.body.errors[0].field).toContain('startTime');
    expect({ sessions: await count('event_sessions'), speakers: await count('event_session_speakers'), guests: await count('guest_speakers') }).toEqual(before);
    expect((await staff.request('GET', `/api/events/${e.id}`)).body.sessions).toEqual([]);
  });

  it('edits a session (times in the zone, speakers replaced) and deletes it; the event dates cannot move away from its sessions', async () => {
    const e = await dialogue();
    const added = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Small groups', date: '2022-09-08', startTime: '13:00', endTime: '15:00', speakers: [{ guest: { name: 'Marieke Jasperse', organisation: 'Immigration New Zealand' } }] });
    const sessionId = added.body.sessions[0].id as string;
    const moved = await staff.request('PATCH', `/api/events/${e.id}/sessions/${sessionId}`, { startTime: '14:00', speakers: [] });
    expect(moved.status).toBe(200);
    expect(moved.body.sessions[0]).toMatchObject({ startsAt: '2022-09-08T07:00:00.000Z', endsAt: '2022-09-08T08:00:00.000Z', speakers: [] });
    const tooLate = await staff.request('PATCH', `/api/events/${e.id}/sessions/${sessionId}`, { endTime: '13:00' });
    expect(tooLate.body.errors[0]).toMatchObject({ field: 'endTime' });
    const shrink = await staff.request('PATCH', `/api/events/${e.id}`, { endDate: '2022-09-07' });
    expect(shrink.status).toBe(400);
    expect(shrink.body.errors.map((x: { field: string }) => x.field)).toEqual(['startDate', 'endDate']);
    expect((await staff.request('GET', `/api/events/${e.id}`)).body.endDate).toBe('2022-09-08');
    expect((await official.request('DELETE', `/api/events/${e.id}/sessions/${sessionId}`)).status).toBe(403);
    const removed = await staff.request('DELETE', `/api/events/${e.id}/sessions/${sessionId}`);
    expect(removed.body.sessions).toEqual([]);
    const actions = (await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', sessionId).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['event_session.created', 'event_session.updated', 'event_session.deleted']);
    expect((await staff.request('DELETE', `/api/events/${e.id}/sessions/${sessionId}`)).status).toBe(404);
  });

  it('reads times across a DST change in the event zone', async () => {
    // Sydney moves to summer time at 02:00 on 2 October 2022 (UTC+10 -> UTC+11).
    const e = await dialogue({ timeZone: 'Australia/Sydney', startDate: '2022-10-01', endDate: '2022-10-02' });
    const res = await staff.request('POST', `/api/events/${e.id}/sessions`, { title: 'Sunday', date: '2022-10-02', startTime: '09:00', endTime: '10:00' });
    expect(res.body.sessions[0]).toMatchObject({ startsAt: '2022-10-01T22:00:00.000Z', date: '2022-10-02' });
    expect(res.body).toMatchObject({ startsAt: '2022-09-30T14:00:00.000Z', endsAt: '2022-10-02T13:00:00.000Z' });
  });
});

describe('breakout groups', () => {
  it('groups participants by sub-region; the public sees only those who agreed to be listed, the secretariat everyone', async () => {
    const e = await dialogue();
    const a = await participant(e.id, 'Ana Listed');
    const b = await participant(e.id, 'Budi Unlisted', 0);
    const c = await participant(e.id, 'Chitra Listed');
    const created = await staff.request('POST', `/api/events/${e.id}/breakouts`, { name: 'South-eastern Asia', description: 'Small group by geography', participantIds: [a, b] });
    expect(created.status).toBe(201);
    const group = created.body.breakouts[0];
    expect(group).toMatchObject({ name: 'South-eastern Asia', memberCount: 2 });
    expect(group.members.map((m: { name: string }) => m.name)).toEqual(['Ana Listed', 'Budi Unlisted']);
    const pub = await anonymous(hub).request('GET', `/api/events/${e.id}`);
    expect(pub.body.breakouts[0].members.map((m: { name: string }) => m.name)).toEqual(['Ana Listed']);
    expect(pub.body.breakouts[0].memberCount).toBe(2);

    const moved = await staff.request('PATCH', `/api/events/${e.id}/breakouts/${group.id}`, { participantIds: [c] });
    expect(moved.body.breakouts[0].members.map((m: { name: string }) => m.name)).toEqual(['Chitra Listed']);
    const candidates = await staff.request('GET', `/api/events/${e.id}/breakout-candidates`);
    expect(candidates.body.items.find((p: { id: string }) => p.id === c).breakoutIds).toEqual([group.id]);
    expect((await official.request('GET', `/api/events/${e.id}/breakout-candidates`)).status).toBe(403);
  });

  it('refuses people who are not participants of the event and sessions of another event, changing nothing', async () => {
    const e = await dialogue();
    const other = await dialogue();
    const stranger = await participant(other.id, 'Someone Else');
    const before = { groups: await count('event_breakouts'), members: await count('event_breakout_members') };
    const res = await staff.request('POST', `/api/events/${e.id}/breakouts`, { name: 'Pacific', participantIds: [stranger] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'participantIds' });
    const otherSession = await staff.request('POST', `/api/events/${other.id}/sessions`, { title: 'Elsewhere', date: '2022-09-07', startTime: '09:00', endTime: '10:00' });
    const wrongSession = await staff.request('POST', `/api/events/${e.id}/breakouts`, { name: 'Pacific', sessionId: otherSession.body.sessions[0].id });
    expect(wrongSession.body.errors[0]).toMatchObject({ field: 'sessionId' });
    expect({ groups: await count('event_breakouts'), members: await count('event_breakout_members') }).toEqual(before);
    const ok = await staff.request('POST', `/api/events/${e.id}/breakouts`, { name: 'Pacific' });
    const removed = await staff.request('DELETE', `/api/events/${e.id}/breakouts/${ok.body.breakouts[0].id}`);
    expect(removed.body.breakouts).toEqual([]);
  });
});
