import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { allTiers, handOver, makeAgency, makePosition } from '../../../../test/helpers/directory';

let hub: TestHub;
let staff: Agent;
let coordinator: Agent;
beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
});
afterAll(async () => {
  await hub.close();
});

const count = async (table: 'agencies' | 'positions' | 'people') => Number((await hub.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('agencies, positions and people', () => {
  it('records an agency with its local-script name and mandates, a position and its holder', async () => {
    const agency = await makeAgency(staff, { nameEn: 'Immigration Bureau', nameLocal: 'สำนักงานตรวจคนเข้าเมือง', acronym: 'IB', type: 'immigration', mandates: ['irregular-migration', 'border-management'] });
    const position = await makePosition(staff, agency.id, { title: 'Thailand: WG on Trafficking in Persons focal point', workingGroupCode: 'WG-TIP' });
    const personId = await handOver(staff, position.id, { nameLatin: 'Somsak Example', nameLocal: 'สมศักดิ์ ตัวอย่าง' });
    const res = await anonymous(hub).request('GET', `/api/directory/agencies/${agency.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nameLocal: 'สำนักงานตรวจคนเข้าเมือง', memberName: 'Thailand', mandates: ['border-management', 'irregular-migration'], canEdit: false });
    expect(res.body.positions[0]).toMatchObject({ title: 'Thailand: WG on Trafficking in Persons focal point', workingGroupCode: 'WG-TIP', freshness: 'confirmed' });
    // Anonymous visitors do not see who holds it: the holder has no public channel.
    expect(res.body.positions[0].holder).toBeNull();
    const asStaff = await staff.request('GET', `/api/directory/agencies/${agency.id}`);
    expect(asStaff.body.positions[0].holder).toMatchObject({ id: personId, nameLocal: 'สมศักดิ์ ตัวอย่าง', since: '2026-01-01' });
    expect(asStaff.body.canEdit).toBe(true);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await count('agencies');
    const unknownMember = await staff.request('POST', '/api/directory/agencies', { memberCode: 'XXX', nameEn: 'A', type: 'police' });
    expect(unknownMember.status).toBe(400);
    expect(unknownMember.body.errors[0].field).toBe('memberCode');
    const badMandate = await staff.request('POST', '/api/directory/agencies', { memberCode: 'THA', nameEn: 'A', type: 'police', mandates: ['astrology'] });
    expect(badMandate.body.errors[0]).toMatchObject({ field: 'mandates' });
    const badType = await staff.request('POST', '/api/directory/agencies', { memberCode: 'THA', nameEn: 'A', type: 'spaceport' });
    expect(badType.body.errors[0].field).toBe('type');
    const other = await makeAgency(staff, { memberCode: 'FJI' });
    const badParent = await staff.request('POST', '/api/directory/agencies', { memberCode: 'THA', nameEn: 'A', type: 'police', parentId: other.id });
    expect(badParent.body.errors[0].field).toBe('parentId');
    const badUrl = await staff.request('POST', '/api/directory/agencies', { memberCode: 'THA', nameEn: 'A', type: 'police', website: 'not a url' });
    expect(badUrl.body.errors[0].field).toBe('website');
    expect(await count('agencies')).toBe(before + 1);
  });
});

describe('a coordinator edits only their own Members', () => {
  it('edits a record of their Member', async () => {
    const agency = await makeAgency(staff, { memberCode: 'THA' });
    const res = await coordinator.request('PATCH', `/api/directory/agencies/${agency.id}`, { acronym: 'RTP' });
    expect(res.status).toBe(200);
    expect(res.body.acronym).toBe('RTP');
  });

  it('is refused on another Member\'s records even with their ids, and nothing changes', async () => {
    const agency = await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Fiji Police Force' });
    const position = await makePosition(staff, agency.id);
    const personId = await handOver(staff, position.id, { nameLatin: 'Fiji Person' });
    const attempts = [
      await coordinator.request('PATCH', `/api/directory/agencies/${agency.id}`, { nameEn: 'Hijacked' }),
      await coordinator.request('POST', `/api/directory/agencies/${agency.id}/positions`, { title: 'Injected' }),
      await coordinator.request('PATCH', `/api/directory/positions/${position.id}`, { title: 'Injected' }),
      await coordinator.request('POST', `/api/directory/positions/${position.id}/handover`, { startDate: '2026-05-01', person: { nameLatin: 'Impostor' } }),
      await coordinator.request('PATCH', `/api/directory/people/${personId}`, { nameLatin: 'Renamed' }),
      await coordinator.request('POST', '/api/directory/agencies', { memberCode: 'FJI', nameEn: 'New', type: 'police' }),
      await coordinator.request('POST', `/api/directory/agencies/${agency.id}/confirm`, {}),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect((await staff.request('GET', `/api/directory/agencies/${agency.id}`)).body.lastConfirmedAt).toBeNull();
    const after = await staff.request('GET', `/api/directory/agencies/${agency.id}`);
    expect(after.body.nameEn).toBe('Fiji Police Force');
    expect(after.body.positions).toHaveLength(1);
    expect(after.body.positions[0].holder.nameLatin).toBe('Fiji Person');
  });
});

describe("confirming an agency's details", () => {
  it('records who confirmed them and when, in the record and the audit trail', async () => {
    const agency = await makeAgency(staff, { memberCode: 'THA' });
    expect((await anonymous(hub).request('GET', `/api/directory/agencies/${agency.id}`)).body.lastConfirmedAt).toBeNull();
    hub.clock.advance(60_000);
    const res = await coordinator.request('POST', `/api/directory/agencies/${agency.id}/confirm`, {});
    expect(res.status).toBe(200);
    expect(res.body.lastConfirmedAt).toBe(hub.clock.now().toISOString());
    expect(res.body.lastConfirmedBy.displayName).toBeTruthy();
    const entry = await hub.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', agency.id).where('action', '=', 'agency.confirmed').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toEqual({ last_confirmed_at: res.body.lastConfirmedAt });
  });
});

describe('contact channels by visibility tier', () => {
  let personId: string;
  let linkedUser: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    const agency = await makeAgency(staff, { memberCode: 'THA' });
    const position = await makePosition(staff, agency.id);
    personId = await handOver(staff, position.id, { nameLatin: 'Tiered Person', channels: allTiers });
    linkedUser = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    await hub.deps.db.updateTable('people').set({ user_id: linkedUser.id }).where('id', '=', personId).execute();
  });

  const visibleTo = async (agent: Agent) => {
    const res = await agent.request('GET', `/api/directory/people/${personId}`);
    expect(res.status).toBe(200);
    return (res.body.channels as { visibility: string }[]).map((c) => c.visibility).sort();
  };

  it('shows each viewer only the tiers they may see', async () => {
    expect(await visibleTo(anonymous(hub))).toEqual(['public']);
    expect(await visibleTo(await signedIn(hub, { role: 'researcher' }))).toEqual(['public']);
    expect(await visibleTo(await signedIn(hub, { role: 'official', memberScopes: ['VNM'] }))).toEqual(['members', 'public']);
    expect(await visibleTo(coordinator)).toEqual(['members', 'public']);
    expect(await visibleTo(staff)).toEqual(['members', 'private', 'public', 'secretariat']);
    expect(await visibleTo(await login(hub, linkedUser))).toEqual(['members', 'private', 'public']);
  });

  it('records reading a restricted channel in the audit trail, and not a public one', async () => {
    const official = await signedIn(hub, { role: 'official', memberScopes: ['IDN'] });
    await official.request('GET', `/api/directory/people/${personId}`);
    const reads = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'contact.read').where('actor_id', '=', official.user?.id ?? '').execute();
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]?.after_json ?? '{}').channels.map((c: { visibility: string }) => c.visibility)).toEqual(['members']);
    const anon = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'contact.read').where('actor_id', 'is', null).execute();
    expect(anon).toHaveLength(0);
  });

  it('hides a person without a public channel from anonymous visitors', async () => {
    const agency = await makeAgency(staff);
    const position = await makePosition(staff, agency.id);
    const hidden = await handOver(staff, position.id, { nameLatin: 'Quiet Person', channels: [{ kind: 'email', value: 'quiet@test.hub.example', visibility: 'members' }] });
    expect((await anonymous(hub).request('GET', `/api/directory/people/${hidden}`)).status).toBe(404);
    const search = await anonymous(hub).request('GET', '/api/directory/search?q=quiet person');
    expect(search.body.items.filter((i: { kind: string }) => i.kind === 'person')).toEqual([]);
    const signedSearch = await staff.request('GET', '/api/directory/search?q=quiet person');
    expect(signedSearch.body.items.some((i: { id: string }) => i.id === hidden)).toBe(true);
  });
});

describe('search', () => {
  beforeAll(async () => {
    await makeAgency(staff, { memberCode: 'VNM', nameEn: 'Ministry of Public Security', nameLocal: 'Bộ Công an', type: 'police' });
    await makeAgency(staff, { memberCode: 'LAO', nameEn: 'Police Department', nameLocal: 'ກົມຕຳຫຼວດ', type: 'police' });
    await makeAgency(staff, { memberCode: 'KHM', nameEn: 'Ministry of Interior', nameLocal: 'ក្រសួងមហាផ្ទៃ', type: 'ministry' });
    await makeAgency(staff, { memberCode: 'THA', nameEn: 'Royal Thai Police', nameLocal: 'สำนักงานตำรวจแห่งชาติ', type: 'police', mandates: ['counter-smuggling'] });
  });
  const titles = async (q: string, extra = '') => {
    const res = await anonymous(hub).request('GET', `/api/directory/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((i) => i.title);
  };

  it('finds Vietnamese with or without diacritics, and the Member by its name', async () => {
    expect(await titles('cong an')).toContain('Ministry of Public Security');
    expect(await titles('Công An')).toContain('Ministry of Public Security');
    expect(await titles('Viet Nam')).toContain('Viet Nam');
  });

  it('finds Thai, Khmer and Lao names by any word in them', async () => {
    expect(await titles('ตำรวจ')).toContain('Royal Thai Police');
    expect(await titles('មហាផ្ទៃ')).toContain('Ministry of Interior');
    expect(await titles('ຕຳຫຼວດ')).toContain('Police Department');
    expect(await titles('กระทรวงแรงงาน')).not.toContain('Royal Thai Police');
  });

  it('applies filters', async () => {
    expect(await titles('police', '&member=THA')).toEqual(['Royal Thai Police']);
    expect(await titles('police', '&mandate=counter-smuggling')).toEqual(['Royal Thai Police']);
    expect(await titles('police', '&agencyType=ministry')).toEqual([]);
  });

  it('never carries contact details in results', async () => {
    const res = await staff.request('GET', '/api/directory/search?q=tiered');
    expect(JSON.stringify(res.body)).not.toMatch(/@test\.hub\.example|\+66/);
  });

  it('shows a page of many hits by kind, then title, with the total of all of them', async () => {
    const agency = await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Zebrafinch Bureau' });
    for (const n of [7, 3, 12, 1, 9, 5, 10, 2, 11, 4, 8, 6]) await makeAgency(staff, { memberCode: 'FJI', nameEn: `Quokka Office ${String(n).padStart(2, '0')}` });
    await makePosition(staff, agency.id, { title: 'Quokka liaison' });
    const res = await staff.request('GET', '/api/directory/search?q=quokka&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(13);
    expect(res.body.items.map((i: { kind: string; title: string }) => `${i.kind}: ${i.title}`)).toEqual([
      'agency: Quokka Office 01', 'agency: Quokka Office 02', 'agency: Quokka Office 03', 'agency: Quokka Office 04', 'agency: Quokka Office 05',
    ]);
    const positions = await staff.request('GET', '/api/directory/search?q=quokka&kind=position');
    expect(positions.body).toMatchObject({ total: 1, items: [{ kind: 'position', title: 'Quokka liaison', subtitle: 'Zebrafinch Bureau', memberCode: 'FJI', agencyId: agency.id, freshness: 'missing' }] });
    // A record written a moment ago is found at once.
    await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Quokka Office 00' });
    expect((await staff.request('GET', '/api/directory/search?q=quokka&limit=1')).body).toMatchObject({ total: 14, items: [{ title: 'Quokka Office 00' }] });
  });

  it('refuses a bad filter with a field message', async () => {
    const res = await anonymous(hub).request('GET', '/api/directory/search?q=x&freshness=ancient');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('freshness');
  });
});

describe('network view', () => {
  it('links agencies to their mandates and working groups', async () => {
    const agency = await makeAgency(staff, { memberCode: 'PLW', nameEn: 'Palau Immigration', acronym: 'PIMM', mandates: ['border-management'] });
    await makePosition(staff, agency.id, { workingGroupCode: 'WG-DCN' });
    const res = await anonymous(hub).request('GET', '/api/directory/network?member=PLW');
    expect(res.status).toBe(200);
    expect(res.body.nodes).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: `agency:${agency.id}`, kind: 'agency', label: 'PIMM (PLW)' }),
      expect.objectContaining({ id: 'mandate:border-management', kind: 'mandate' }),
      expect.objectContaining({ id: 'wg:WG-DCN', kind: 'working_group' }),
    ]));
    expect(res.body.edges).toEqual(expect.arrayContaining([
      { source: `agency:${agency.id}`, target: 'mandate:border-management' },
      { source: `agency:${agency.id}`, target: 'wg:WG-DCN' },
    ]));
    expect(res.body.truncated).toBe(false);
  });
});

describe('partial updates', () => {
  it('change only the fields sent', async () => {
    const agency = await makeAgency(staff, { mandates: ['justice', 'victim-protection'] });
    const position = await makePosition(staff, agency.id);
    await staff.request('PATCH', `/api/directory/positions/${position.id}`, { themes: ['justice-sector'] });
    const personId = await handOver(staff, position.id, { nameLatin: 'Partial Person', channels: [{ kind: 'email', value: 'partial@test.hub.example', visibility: 'members' }] });
    await staff.request('PATCH', `/api/directory/people/${personId}`, { languages: ['th', 'en'] });
    expect((await staff.request('PATCH', `/api/directory/agencies/${agency.id}`, { acronym: 'PX' })).body.mandates).toEqual(['justice', 'victim-protection']);
    expect((await staff.request('PATCH', `/api/directory/positions/${position.id}`, { title: 'Renamed' })).body.themes).toEqual(['justice-sector']);
    const person = (await staff.request('PATCH', `/api/directory/people/${personId}`, { title: 'Colonel' })).body;
    expect(person.channels.map((c: { value: string }) => c.value)).toEqual(['partial@test.hub.example']);
    expect(person.languages).toEqual(['th', 'en']);
  });
});
