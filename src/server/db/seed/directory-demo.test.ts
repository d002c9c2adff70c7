import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, login, makeUser, signedIn, type TestHub, type TestUser } from '../../../../test/helpers/hub';
import { freshnessOf } from '../../modules/directory/freshness';
import { searchIndex, type DocType } from '../../modules/directory/search-index';
import { directoryMembers, generateDirectory, seedDirectoryDemo, type DirectoryDemoCounts, type DirectoryDemoOptions } from './directory-demo';
import { seedDemo } from './seed';

let hub: TestHub;
let official: TestUser;
let options: Omit<DirectoryDemoOptions, 'members'>;
let counts: DirectoryDemoCounts | null;

beforeAll(async () => {
  hub = await createTestHub();
  official = await makeUser(hub, { role: 'official', memberScopes: ['VNM'] });
  options = {
    now: hub.clock.now(),
    intervalDays: hub.config.CONFIRMATION_INTERVAL_DAYS,
    accounts: [{ userId: official.id, name: 'Linh Demo-Official', email: official.email, memberCode: 'VNM', languages: ['vi', 'en'] }],
  };
  counts = await seedDirectoryDemo(hub.deps.db, options);
});
afterAll(async () => {
  await hub.close();
});

const db = () => hub.deps.db;
const tableCounts = async () => {
  const tables = ['agencies', 'agency_mandates', 'positions', 'position_themes', 'people', 'contact_channels', 'position_holders', 'search_tokens'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await db().selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return out;
};

/** Every position with its current holder and the freshness the API would give it now. */
async function freshnessByPosition() {
  const rows = await db()
    .selectFrom('positions as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('position_holders as h', (j) => j.onRef('h.position_id', '=', 'p.id').on('h.end_date', 'is', null))
    .select(['p.id', 'a.member_code', 'p.last_confirmed_at', 'h.person_id as holder_id'])
    .execute();
  return rows.map((r) => ({ ...r, freshness: freshnessOf(r, hub.clock.now(), hub.config.CONFIRMATION_INTERVAL_DAYS).freshness }));
}

describe('generateDirectory', () => {
  it('is deterministic: the same seed gives the same rows, another seed others', async () => {
    const members = await directoryMembers(db());
    const a = generateDirectory({ ...options, members });
    const b = generateDirectory({ ...options, members });
    expect(b.agencies).toEqual(a.agencies);
    expect(b.people).toEqual(a.people);
    expect(b.channels).toEqual(a.channels);
    expect(b.holders).toEqual(a.holders);
    const c = generateDirectory({ ...options, members, seed: 7 });
    expect(c.people.map((p) => p.name_latin)).not.toEqual(a.people.map((p) => p.name_latin));
  });

  it('writes names in the scripts of the Members', async () => {
    const people = await db().selectFrom('people as pe')
      .innerJoin('position_holders as h', 'h.person_id', 'pe.id')
      .innerJoin('positions as p', 'p.id', 'h.position_id')
      .innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['a.member_code', 'a.name_local as agency_local', 'pe.name_latin', 'pe.name_local'])
      .execute();
    const scripts: [string, RegExp][] = [
      ['THA', /\p{sc=Thai}/u], ['KHM', /\p{sc=Khmer}/u], ['LAO', /\p{sc=Lao}/u], ['MMR', /\p{sc=Myanmar}/u], ['CHN', /\p{sc=Han}/u],
      ['HKG', /\p{sc=Han}/u], ['MAC', /\p{sc=Han}/u], ['JPN', /\p{sc=Han}/u], ['KOR', /\p{sc=Hangul}/u], ['MNG', /\p{sc=Cyrillic}/u],
      ['LKA', /[\p{sc=Sinhala}\p{sc=Tamil}]/u], ['BGD', /\p{sc=Bengali}/u], ['NPL', /\p{sc=Devanagari}/u], ['IRN', /\p{sc=Arabic}/u],
      ['AFG', /\p{sc=Arabic}/u], ['IRQ', /\p{sc=Arabic}/u], ['JOR', /\p{sc=Arabic}/u], ['SYR', /\p{sc=Arabic}/u], ['ARE', /\p{sc=Arabic}/u],
    ];
    for (const [code, script] of scripts) {
      const mine = people.filter((p) => p.member_code === code);
      expect(mine.some((p) => p.name_local && script.test(p.name_local)), `${code} people`).toBe(true);
      expect(mine.some((p) => p.agency_local && script.test(p.agency_local)), `${code} agencies`).toBe(true);
    }
    // Vietnamese and Turkish names keep their diacritics in Latin script.
    expect(people.some((p) => p.member_code === 'VNM' && /[ễếạịưđĐơ]/u.test(p.name_latin))).toBe(true);
    expect(people.some((p) => p.member_code === 'TUR' && /[şğıçöüŞÇÖÜ]/u.test(p.name_latin))).toBe(true);
    expect(people.some((p) => p.member_code === 'IDN' && p.agency_local?.includes('Direktorat'))).toBe(true);
  });

  it('uses fictional addresses and numbers only, with every visibility tier', async () => {
    const channels = await db().selectFrom('contact_channels').selectAll().execute();
    for (const c of channels.filter((c) => c.kind === 'email')) expect(c.value).toMatch(/@([a-z0-9-]+\.demo\.invalid|demo\.hub\.example|test\.hub\.example)$/);
    for (const c of channels.filter((c) => c.kind !== 'email')) expect(c.value).toMatch(/^\+(999 |1 (202|613) 555 01|44 7700 900|61 2 5550 )/);
    expect(new Set(channels.map((c) => c.visibility))).toEqual(new Set(['public', 'members', 'secretariat', 'private']));
  });
});

describe('seedDirectoryDemo', () => {
  it('adds several hundred agencies and people across all Members', async () => {
    expect(counts).not.toBeNull();
    const members = await db().selectFrom('members').select('code').execute();
    expect(counts?.agencies).toBe(members.length * 6);
    expect(counts?.people).toBeGreaterThan(300);
    expect(counts?.positions).toBeGreaterThan(members.length * 6);
    const withAgencies = await db().selectFrom('agencies').select('member_code').distinct().execute();
    expect(withAgencies).toHaveLength(members.length);
    expect(await tableCounts()).toMatchObject({ agencies: counts?.agencies, positions: counts?.positions, people: counts?.people, contact_channels: counts?.channels, position_holders: counts?.holdings });
    const indexed = await db().selectFrom('search_tokens').select((eb) => eb.fn.countAll().as('n')).where('doc_type', '!=', 'member').executeTakeFirstOrThrow();
    expect(Number(indexed.n)).toBe(counts?.searchTokens);
  });

  it('has about 60% confirmed, 25% stale and 15% missing positions, all three in every Member', async () => {
    const rows = await freshnessByPosition();
    const share = (f: string) => rows.filter((r) => r.freshness === f).length / rows.length;
    expect(share('confirmed')).toBeGreaterThan(0.55);
    expect(share('confirmed')).toBeLessThan(0.65);
    expect(share('stale')).toBeGreaterThan(0.2);
    expect(share('stale')).toBeLessThan(0.3);
    expect(share('missing')).toBeGreaterThan(0.1);
    expect(share('missing')).toBeLessThan(0.2);
    const byMember = new Map<string, Set<string>>();
    for (const r of rows) byMember.set(r.member_code, (byMember.get(r.member_code) ?? new Set()).add(r.freshness));
    for (const [code, states] of byMember) expect(states, code).toEqual(new Set(['confirmed', 'stale', 'missing']));
    // What the API computes is what the generator meant.
    const intended = generateDirectory({ ...options, members: await directoryMembers(db()) }).intended;
    for (const r of rows) expect(r.freshness).toBe(intended.get(r.id));
  });

  it('keeps history: vacant positions with past holders, and handovers', async () => {
    const ended = await db().selectFrom('position_holders as h')
      .leftJoin('position_holders as cur', (j) => j.onRef('cur.position_id', '=', 'h.position_id').on('cur.end_date', 'is', null))
      .select(['h.position_id', 'h.end_date', 'cur.id as current_id', 'cur.start_date as current_start'])
      .where('h.end_date', 'is not', null)
      .execute();
    expect(ended.filter((e) => !e.current_id).length).toBeGreaterThan(20);
    const handovers = ended.filter((e) => e.current_id);
    expect(handovers.length).toBeGreaterThan(20);
    for (const e of handovers) expect(e.end_date).toBe(e.current_start);
  });

  it('indexes exactly what searchIndex.put would', async () => {
    const sample = async (docType: DocType, docId: string) => {
      const rows = await db().selectFrom('search_tokens').select('token').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
      return rows.map((r) => r.token).sort();
    };
    const agency = await db().selectFrom('agencies').selectAll().where('member_code', '=', 'KHM').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const position = await db().selectFrom('positions').selectAll().where('agency_id', '=', agency.id).limit(1).executeTakeFirstOrThrow();
    const person = await db().selectFrom('people').selectAll().where('name_local', 'is not', null).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const docs: [DocType, string, (string | null)[]][] = [
      ['agency', agency.id, searchIndex.agencyTexts(agency, 'Cambodia')],
      ['position', position.id, searchIndex.positionTexts(position, agency)],
      ['person', person.id, searchIndex.personTexts(person)],
    ];
    for (const [type, id, texts] of docs) {
      const bulk = await sample(type, id);
      expect(bulk.length).toBeGreaterThan(3);
      await db().transaction().execute((trx) => searchIndex.put(trx, type, id, texts));
      expect(await sample(type, id)).toEqual(bulk);
    }
  });

  it('is found by a Thai word of a Thai agency name, and by Latin names without their diacritics', async () => {
    const thai = await db().selectFrom('agencies').selectAll().where('member_code', '=', 'THA').where('parent_id', 'is', null).where('name_local', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(thai.name_local ?? '')].filter((s) => s.isWordLike).map((s) => s.segment);
    const word = words.sort((a, b) => b.length - a.length)[0] ?? '';
    expect(word).toMatch(/^\p{sc=Thai}{3,}$/u);
    const res = await anonymous(hub).request('GET', `/api/directory/search?q=${encodeURIComponent(word)}&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'agency', id: thai.id, memberCode: 'THA' })]));

    const staff = await signedIn(hub, { role: 'secretariat_staff' });
    const vietnamese = await db().selectFrom('people as pe').innerJoin('position_holders as h', 'h.person_id', 'pe.id').innerJoin('positions as p', 'p.id', 'h.position_id').innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['pe.id', 'pe.name_latin']).where('a.member_code', '=', 'VNM').where('h.end_date', 'is', null).where('pe.user_id', 'is', null).orderBy('pe.id').execute();
    const person = vietnamese.find((p) => p.name_latin.normalize('NFD') !== p.name_latin);
    const folded = (person?.name_latin ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    expect(folded).toMatch(/^[A-Za-z ]+$/);
    const viet = await staff.request('GET', `/api/directory/search?q=${encodeURIComponent(folded.toLowerCase())}&member=VNM&limit=100`);
    expect(viet.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'person', id: person?.id, title: person?.name_latin })]));

    // Every script is searchable: the first word(s) of each Member's national agencies' local names, and a
    // substring from the middle of a Khmer name (unspaced scripts are matched by grapheme bigrams).
    const national = await db().selectFrom('agencies').select(['id', 'member_code', 'name_local']).where('parent_id', 'is', null).where('name_local', 'is not', null).orderBy('id').execute();
    for (const code of ['KHM', 'LAO', 'MMR', 'VNM', 'CHN', 'HKG', 'JPN', 'KOR', 'MNG', 'LKA', 'BGD', 'NPL', 'IRN', 'AFG', 'PAK', 'ARE', 'TUR', 'TLS']) {
      const agency = national.find((a) => a.member_code === code);
      const q = (agency?.name_local ?? '').split(' ').slice(0, 2).join(' ');
      const found = await staff.request('GET', `/api/directory/search?q=${encodeURIComponent(q)}&member=${code}&limit=100`);
      expect(found.body.items.map((i: { id: string }) => i.id), `${code}: ${q}`).toContain(agency?.id);
    }
    const khmer = national.find((a) => a.member_code === 'KHM');
    const graphemes = [...new Intl.Segmenter('km', { granularity: 'grapheme' }).segment(khmer?.name_local ?? '')].map((g) => g.segment);
    const middle = graphemes.slice(2, 6).join('');
    const bySubstring = await staff.request('GET', `/api/directory/search?q=${encodeURIComponent(middle)}&limit=100`);
    expect(bySubstring.body.items.map((i: { id: string }) => i.id), middle).toContain(khmer?.id);
  });

  it('shows confirmed, stale and missing cells on the coverage map', async () => {
    const staff = await signedIn(hub, { role: 'secretariat_staff' });
    const res = await staff.request('GET', '/api/directory/coverage');
    expect(res.status).toBe(200);
    const members = await db().selectFrom('members').select('code').execute();
    expect(res.body.rows).toHaveLength(members.length);
    const cells = res.body.rows.flatMap((r: { cells: Record<string, { confirmed: number; stale: number; missing: number }> }) => Object.values(r.cells));
    expect(cells.filter((c: { confirmed: number }) => c.confirmed > 0).length).toBeGreaterThan(members.length);
    expect(cells.filter((c: { stale: number }) => c.stale > 0).length).toBeGreaterThan(members.length / 2);
    expect(cells.filter((c: { missing: number }) => c.missing > 0).length).toBeGreaterThan(members.length / 2);
    const tha = res.body.rows.find((r: { memberCode: string }) => r.memberCode === 'THA');
    const total = (k: 'confirmed' | 'stale' | 'missing') => Object.values(tha.cells as Record<string, Record<typeof k, number>>).reduce((n, c) => n + c[k], 0);
    expect(total('confirmed')).toBeGreaterThan(0);
    expect(total('stale')).toBeGreaterThan(0);
    expect(total('missing')).toBeGreaterThan(0);
  });

  it('links an account to a person, who alone (with the secretariat) sees their private channels', async () => {
    const person = await db().selectFrom('people').selectAll().where('user_id', '=', official.id).executeTakeFirstOrThrow();
    expect(person.name_latin).toBe('Linh Demo-Official');
    const holding = await db().selectFrom('position_holders as h').innerJoin('positions as p', 'p.id', 'h.position_id').innerJoin('agencies as a', 'a.id', 'p.agency_id')
      .select(['a.member_code', 'h.end_date']).where('h.person_id', '=', person.id).execute();
    expect(holding).toEqual([{ member_code: 'VNM', end_date: null }]);
    const own = await login(hub, official);
    const mine = await own.request('GET', `/api/directory/people/${person.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.channels.map((c: { visibility: string }) => c.visibility)).toContain('private');
    expect(mine.body.channels.find((c: { kind: string }) => c.kind === 'email')?.value).toBe(official.email);
    const colleague = await signedIn(hub, { role: 'official', memberScopes: ['VNM'] });
    const theirs = await colleague.request('GET', `/api/directory/people/${person.id}`);
    expect(theirs.body.channels.map((c: { visibility: string }) => c.visibility)).not.toContain('private');
    expect(theirs.body.channels.length).toBeGreaterThan(0);
  });

  it('adds nothing when run again', async () => {
    const before = await tableCounts();
    expect(await seedDirectoryDemo(db(), options)).toBeNull();
    expect(await seedDirectoryDemo(db(), { ...options, seed: 99, agenciesPerMember: 2 })).toBeNull();
    expect(await tableCounts()).toEqual(before);
  });
});

describe('seedDemo', () => {
  it('adds the directory with the demo accounts, once, with three of them as focal points', async () => {
    const fresh = await createTestHub();
    try {
      const first = await seedDemo(fresh.deps);
      expect(first.created).toBe(true);
      expect(first.directory?.agencies).toBeGreaterThan(300);
      const linked = await fresh.deps.db.selectFrom('people as pe').innerJoin('users as u', 'u.id', 'pe.user_id').select(['u.email', 'pe.name_latin']).orderBy('u.email').execute();
      expect(linked).toEqual([
        { email: 'official@demo.hub.example', name_latin: 'Linh Demo-Official' },
        { email: 'sokha@demo.hub.example', name_latin: 'Sokha Demo' },
        { email: 'somchai@demo.hub.example', name_latin: 'Somchai Demo' },
      ]);
      const second = await seedDemo(fresh.deps);
      expect(second).toMatchObject({ created: false, directory: null });
      const n = await sql<{ n: number }>`select count(*) as n from agencies`.execute(fresh.deps.db);
      expect(Number(n.rows[0]?.n)).toBe(first.directory?.agencies);
    } finally {
      await fresh.close();
    }
  });
});
