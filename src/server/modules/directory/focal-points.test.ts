import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '@/server/platform/clock';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { handOver, makeAgency, makePosition } from '../../../../test/helpers/directory';

// These tests move the clock by months; sessions are made to outlast that.
const longSessions = { SESSION_IDLE_MINUTES: '100000000', SESSION_ABSOLUTE_HOURS: '10000000' };

let hub: TestHub;
let staff: Agent;
let coordinator: Agent;
beforeAll(async () => {
  hub = await createTestHub(longSessions);
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['TON'] });
});
afterAll(async () => {
  await hub.close();
});

async function focalPoint(member = 'TON', email = 'holder@test.hub.example') {
  const agency = await makeAgency(staff, { memberCode: member, mandates: ['counter-trafficking'] });
  const position = await makePosition(staff, agency.id, { title: `${member} focal point ${Math.random().toString(36).slice(2, 6)}` });
  const personId = await handOver(staff, position.id, { nameLatin: 'Sione Example', channels: [{ kind: 'email', value: email, visibility: 'members' }] });
  return { agencyId: agency.id, positionId: position.id, personId };
}

const freshnessOf = async (positionId: string) => (await staff.request('GET', `/api/directory/positions/${positionId}`)).body.freshness as string;

describe('freshness and confirmation', () => {
  it('turns stale after the interval, shows in the coordinator\'s due list, and one step confirms it', async () => {
    const fp = await focalPoint();
    const elsewhere = await focalPoint('FJI');
    expect(await freshnessOf(fp.positionId)).toBe('confirmed');
    hub.clock.advance(183 * DAY);
    expect(await freshnessOf(fp.positionId)).toBe('stale');
    const due = await coordinator.request('GET', '/api/directory/due');
    const ids = due.body.items.map((i: { positionId: string }) => i.positionId);
    expect(ids).toContain(fp.positionId);
    expect(ids).not.toContain(elsewhere.positionId);
    const confirmed = await coordinator.request('POST', `/api/directory/positions/${fp.positionId}/confirm`, { person: { title: 'Superintendent' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.freshness).toBe('confirmed');
    expect(confirmed.body.lastConfirmedBy.id).toBe(coordinator.user?.id);
    expect((await staff.request('GET', `/api/directory/people/${fp.personId}`)).body.title).toBe('Superintendent');
    expect((await coordinator.request('GET', '/api/directory/due')).body.items.map((i: { positionId: string }) => i.positionId)).not.toContain(fp.positionId);
  });

  it('refuses to confirm a position nobody holds', async () => {
    const agency = await makeAgency(staff, { memberCode: 'TON' });
    const empty = await makePosition(staff, agency.id);
    expect(await freshnessOf(empty.id)).toBe('missing');
    const res = await coordinator.request('POST', `/api/directory/positions/${empty.id}/confirm`, {});
    expect(res.status).toBe(409);
  });
});

describe('handover', () => {
  it('keeps the position\'s history and the outgoing person\'s record', async () => {
    const fp = await focalPoint();
    const res = await coordinator.request('POST', `/api/directory/positions/${fp.positionId}/handover`, { startDate: '2026-07-01', person: { nameLatin: 'Mele Successor' }, note: 'Rotation' });
    expect(res.status).toBe(200);
    expect(res.body.holder).toMatchObject({ nameLatin: 'Mele Successor', since: '2026-07-01' });
    const outgoing = await staff.request('GET', `/api/directory/people/${fp.personId}`);
    expect(outgoing.status).toBe(200);
    expect(outgoing.body.positions).toEqual([expect.objectContaining({ positionId: fp.positionId, from: '2026-01-01', to: '2026-07-01' })]);
    const holders = await hub.deps.db.selectFrom('position_holders').selectAll().where('position_id', '=', fp.positionId).orderBy('start_date').execute();
    expect(holders.map((h) => [h.start_date, h.end_date])).toEqual([['2026-01-01', '2026-07-01'], ['2026-07-01', null]]);
  });

  it('refuses a start before the current holder\'s, and changes nothing', async () => {
    const fp = await focalPoint();
    const res = await coordinator.request('POST', `/api/directory/positions/${fp.positionId}/handover`, { startDate: '2025-12-01', person: { nameLatin: 'Too Early' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('startDate');
    expect((await staff.request('GET', `/api/directory/positions/${fp.positionId}`)).body.holder.id).toBe(fp.personId);
    expect(await hub.deps.db.selectFrom('people').select('id').where('name_latin', '=', 'Too Early').execute()).toHaveLength(0);
  });

  it('vacating leaves the position missing', async () => {
    const fp = await focalPoint();
    const res = await coordinator.request('POST', `/api/directory/positions/${fp.positionId}/vacate`, { endDate: '2026-08-01' });
    expect(res.body).toMatchObject({ freshness: 'missing', holder: null });
  });
});

describe('confirmation links', () => {
  async function sendLink(positionId: string): Promise<string> {
    const res = await coordinator.request('POST', `/api/directory/positions/${positionId}/confirmation-link`);
    expect(res.status).toBe(200);
    const mail = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', res.body.sentTo).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const token = /directory\/confirm\/([\w-]+)/.exec(mail.body_text)?.[1];
    if (!token) throw new Error('no link in the mail');
    return token;
  }

  it('lets the focal point confirm and correct their own record once, without signing in', async () => {
    const fp = await focalPoint('TON', 'link-holder@test.hub.example');
    hub.clock.advance(200 * DAY);
    expect(await freshnessOf(fp.positionId)).toBe('stale');
    const token = await sendLink(fp.positionId);
    const preview = await anonymous(hub).request('GET', `/api/directory/confirm/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.person.nameLatin).toBe('Sione Example');
    expect(preview.body.channels[0].value).toBe('link-holder@test.hub.example');
    const ok = await anonymous(hub).request('POST', `/api/directory/confirm/${token}`, { stillHolds: true, person: { nameLatin: 'Sione F. Example' } });
    expect(ok.status).toBe(200);
    expect(await freshnessOf(fp.positionId)).toBe('confirmed');
    expect((await staff.request('GET', `/api/directory/people/${fp.personId}`)).body.nameLatin).toBe('Sione F. Example');
    const reused = await anonymous(hub).request('POST', `/api/directory/confirm/${token}`, { stillHolds: true });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('token_invalid');
  });

  it('refuses an expired link', async () => {
    const fp = await focalPoint('TON', 'expired@test.hub.example');
    const token = await sendLink(fp.positionId);
    hub.clock.advance(15 * DAY);
    expect((await anonymous(hub).request('GET', `/api/directory/confirm/${token}`)).status).toBe(400);
    expect((await anonymous(hub).request('POST', `/api/directory/confirm/${token}`, { stillHolds: true })).status).toBe(400);
  });

  it('refuses a link sent to someone who has since handed the position over', async () => {
    const fp = await focalPoint('TON', 'rotated@test.hub.example');
    const token = await sendLink(fp.positionId);
    await coordinator.request('POST', `/api/directory/positions/${fp.positionId}/handover`, { startDate: '2026-09-01', person: { nameLatin: 'New Holder' } });
    const res = await anonymous(hub).request('POST', `/api/directory/confirm/${token}`, { stillHolds: true });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/no longer hold/);
  });
});

describe('coverage map', () => {
  it('counts confirmed, stale and missing by Member and mandate, and shows gaps as missing', async () => {
    const h = await createTestHub(longSessions);
    try {
      const s = await signedIn(h, { role: 'secretariat_staff' });
      const a = await makeAgency(s, { memberCode: 'NRU', mandates: ['counter-trafficking', 'justice'] });
      const p1 = await makePosition(s, a.id);
      const p2 = await makePosition(s, a.id);
      await makePosition(s, a.id);
      await handOver(s, p1.id);
      h.clock.advance(190 * DAY);
      await handOver(s, p2.id, {}, '2026-06-01');
      const res = await s.request('GET', '/api/directory/coverage');
      expect(res.status).toBe(200);
      const nauru = res.body.rows.find((r: { memberCode: string }) => r.memberCode === 'NRU');
      expect(nauru.cells['counter-trafficking']).toEqual({ confirmed: 1, stale: 1, missing: 1 });
      expect(nauru.cells.justice).toEqual({ confirmed: 1, stale: 1, missing: 1 });
      expect(nauru.cells['border-management']).toEqual({ confirmed: 0, stale: 0, missing: 1 });
      const filtered = await s.request('GET', '/api/directory/coverage?subregion=057');
      expect(filtered.body.rows.every((r: { subregion: string }) => r.subregion === 'Micronesia')).toBe(true);
      const coord = await signedIn(h, { role: 'member_coordinator', memberScopes: ['NRU'] });
      expect((await coord.request('GET', '/api/directory/coverage')).body.rows.map((r: { memberCode: string }) => r.memberCode)).toEqual(['NRU']);
      // A handover keeps the position held (its successor just confirmed); a position vacated without a successor
      // is missing from then on.
      const cell = async () => (await s.request('GET', '/api/directory/coverage')).body.rows.find((r: { memberCode: string }) => r.memberCode === 'NRU').cells['counter-trafficking'];
      await handOver(s, p1.id, { nameLatin: 'Successor Example' }, '2026-07-01');
      expect(await cell()).toEqual({ confirmed: 2, stale: 0, missing: 1 });
      expect((await s.request('POST', `/api/directory/positions/${p2.id}/vacate`, { endDate: '2026-07-02' })).status).toBe(200);
      expect(await cell()).toEqual({ confirmed: 1, stale: 0, missing: 2 });
    } finally {
      await h.close();
    }
  });
});

describe('history', () => {
  it('shows who changed a record and which fields, without the values', async () => {
    const fp = await focalPoint();
    await coordinator.request('PATCH', `/api/directory/people/${fp.personId}`, { title: 'Inspector', channels: [{ kind: 'email', value: 'secret-new@test.hub.example', visibility: 'secretariat' }] });
    const official = await signedIn(hub, { role: 'official', memberScopes: ['TON'] });
    const res = await official.request('GET', `/api/directory/history/person/${fp.personId}`);
    expect(res.status).toBe(200);
    const update = res.body.items.find((i: { action: string }) => i.action === 'person.updated');
    expect(update).toMatchObject({ actorName: expect.stringContaining('member_coordinator'), changedFields: ['channels', 'title'] });
    expect(JSON.stringify(res.body)).not.toContain('secret-new@test.hub.example');
    expect((await anonymous(hub).request('GET', `/api/directory/history/person/${fp.personId}`)).status).toBe(401);
  });
});

describe('reminders', () => {
  it('the daily job emails each focal point whose confirmation fell due, once per due period', async () => {
    const h = await createTestHub(longSessions);
    try {
      const s = await signedIn(h, { role: 'secretariat_staff' });
      const a = await makeAgency(s, { memberCode: 'WSM' });
      const due = await makePosition(s, a.id);
      await handOver(s, due.id, { nameLatin: 'Due Person', channels: [{ kind: 'email', value: 'due@test.hub.example', visibility: 'private' }] });
      h.clock.advance(100 * DAY);
      const fresh = await makePosition(s, a.id);
      await handOver(s, fresh.id, { nameLatin: 'Fresh Person', channels: [{ kind: 'email', value: 'fresh@test.hub.example', visibility: 'private' }] });
      h.clock.advance(90 * DAY);
      const mailsTo = async (to: string) => (await h.deps.db.selectFrom('outbox').select('id').where('to_address', '=', to).where('kind', '=', 'directory_confirmation').execute()).length;
      await h.deps.jobs.runNow('directory.reminders');
      expect(await mailsTo('due@test.hub.example')).toBe(1);
      expect(await mailsTo('fresh@test.hub.example')).toBe(0);
      await h.deps.jobs.runNow('directory.reminders');
      expect(await mailsTo('due@test.hub.example')).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('a focal point who has moved on', () => {
  it('says so through the link, and the position shows as missing in the due list', async () => {
    const agency = await makeAgency(staff, { memberCode: 'TON' });
    const position = await makePosition(staff, agency.id, { title: 'Left focal point' });
    await handOver(staff, position.id, { nameLatin: 'Moved On', channels: [{ kind: 'email', value: 'moved@test.hub.example', visibility: 'private' }] });
    const sent = await coordinator.request('POST', `/api/directory/positions/${position.id}/confirmation-link`);
    const mail = await hub.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', sent.body.sentTo).executeTakeFirstOrThrow();
    const token = /directory\/confirm\/([\w-]+)/.exec(mail.body_text)?.[1] ?? '';
    expect((await anonymous(hub).request('POST', `/api/directory/confirm/${token}`, { stillHolds: false })).status).toBe(200);
    expect(await freshnessOf(position.id)).toBe('missing');
    const due = await coordinator.request('GET', '/api/directory/due');
    expect(due.body.items.find((i: { positionId: string }) => i.positionId === position.id)).toMatchObject({ freshness: 'missing', holder: null });
  });
});

describe('search hits', () => {
  it('carry the agency of a position and can be limited to one kind', async () => {
    const agency = await makeAgency(staff, { memberCode: 'TON', nameEn: 'Tonga Kindfilter Agency' });
    const position = await makePosition(staff, agency.id, { title: 'Kindfilter focal point' });
    await handOver(staff, position.id, { nameLatin: 'Kindfilter Person' });
    const all = await staff.request('GET', '/api/directory/search?q=kindfilter');
    expect(all.body.items.map((i: { kind: string }) => i.kind)).toEqual(['agency', 'position', 'person']);
    expect(all.body.items.find((i: { kind: string }) => i.kind === 'position').agencyId).toBe(agency.id);
    const people = await staff.request('GET', '/api/directory/search?q=kindfilter&kind=person');
    expect(people.body.items).toEqual([expect.objectContaining({ kind: 'person', title: 'Kindfilter Person', agencyId: agency.id })]);
  });
});
