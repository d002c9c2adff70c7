import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, signedIn, type TestHub } from '../../../../test/helpers/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => {
  await hub.close();
});

interface Member { code: string; name: string; kind: string; participation: string; subregionName: string | null; joinedYear: number | null }

async function member(code: string): Promise<Member | undefined> {
  const res = await anonymous(hub).request('GET', '/api/reference');
  return res.body.members.find((m: Member) => m.code === code);
}

describe('reference data', () => {
  it('is public and lists Members with their sub-region, organisations, and the 10 themes', async () => {
    const res = await anonymous(hub).request('GET', '/api/reference');
    expect(res.status).toBe(200);
    const members: Member[] = res.body.members;
    expect(members.find((m) => m.code === 'THA')).toMatchObject({ name: 'Thailand', kind: 'state', participation: 'member', iso3: 'THA', subregionCode: '035', subregionName: 'South-eastern Asia' });
    expect(members.find((m) => m.code === 'IOM')).toMatchObject({ kind: 'organisation', iso3: null, subregionName: null });
    expect(new Set(members.map((m) => m.code)).size).toBe(members.length);
    expect(res.body.themes).toHaveLength(10);
    expect(res.body.themes[0]).toEqual({ code: 'border-management', name: 'Border management systems' });
    expect(res.body.subregions).toEqual(expect.arrayContaining([{ code: '035', name: 'South-eastern Asia' }]));
  });

  it('an administrator edits a Member, and the change is audited', async () => {
    const admin = await signedIn(hub, { role: 'secretariat_admin' });
    const before = await member('THA');
    const res = await admin.request('PATCH', '/api/reference/members/tha', { name: 'Kingdom of Thailand', joinedYear: 2002 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'THA', name: 'Kingdom of Thailand', joinedYear: 2002, subregionName: 'South-eastern Asia' });
    expect(await member('THA')).toMatchObject({ name: 'Kingdom of Thailand', joinedYear: 2002 });
    const entry = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.updated').where('entity_id', '=', 'THA').executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(admin.user?.id);
    expect(entry.entity).toBe('member');
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ name: before?.name, joined_year: before?.joinedYear });
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ name: 'Kingdom of Thailand', joined_year: 2002 });
    const cleared = await admin.request('PATCH', '/api/reference/members/THA', { joinedYear: null, participation: 'observer' });
    expect(cleared.body).toMatchObject({ name: 'Kingdom of Thailand', joinedYear: null, participation: 'observer' });
  });

  it('is read-only for everyone else', async () => {
    for (const role of ['secretariat_staff', 'member_coordinator', 'official', 'researcher'] as const) {
      const res = await (await signedIn(hub, { role })).request('PATCH', '/api/reference/members/FJI', { name: 'Changed' });
      expect(res.status, role).toBe(403);
    }
    expect((await anonymous(hub).request('PATCH', '/api/reference/members/FJI', { name: 'Changed' })).status).toBe(401);
    expect((await member('FJI'))?.name).toBe('Fiji');
  });

  it('refuses a bad joinedYear with a field error, and an unknown Member with 404', async () => {
    const admin = await signedIn(hub, { role: 'secretariat_admin' });
    for (const joinedYear of [1999, 'two thousand', 2002.5]) {
      const res = await admin.request('PATCH', '/api/reference/members/FJI', { joinedYear });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].field).toBe('joinedYear');
    }
    expect((await member('FJI'))?.joinedYear).toBeNull();
    const empty = await admin.request('PATCH', '/api/reference/members/FJI', {});
    expect(empty.status).toBe(400);
    const unknown = await admin.request('PATCH', '/api/reference/members/XYZ', { name: 'Nowhere' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
  });
});
