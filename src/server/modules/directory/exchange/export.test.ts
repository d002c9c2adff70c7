import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../../test/helpers/hub';
import { allTiers, handOver, makeAgency, makePosition } from '../../../../../test/helpers/directory';
import { parseCsv } from './csv';
import { call, exchangeApp, expectWellFormed } from './exchange.test-support';

let hub: TestHub;
let app: FastifyInstance;
let staff: Agent;
let official: Agent;
let coordinator: Agent;
let researcher: Agent;
const ids = { agency: '', position: '', somchai: '', hidden: '', vacant: '', fijiPosition: '' };

beforeAll(async () => {
  hub = await createTestHub();
  app = await exchangeApp(hub);
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  official = await signedIn(hub, { role: 'official', memberScopes: ['VNM'] });
  coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
  researcher = await signedIn(hub, { role: 'researcher' });
  const agency = await makeAgency(staff, { memberCode: 'THA', nameEn: 'Immigration Bureau', nameLocal: 'สำนักงานตรวจคนเข้าเมือง', acronym: 'IB', type: 'immigration', mandates: ['irregular-migration', 'border-management'] });
  ids.agency = agency.id;
  const position = await makePosition(staff, agency.id, { title: 'Commissioner', workingGroupCode: 'WG-TIP' });
  ids.position = position.id;
  ids.somchai = await handOver(staff, position.id, { nameLatin: 'Somchai Prasert', nameLocal: 'สมชาย ประเสริฐ', channels: allTiers });
  // The channels are sent again: a PATCH without them currently empties them (the patch schema keeps the input's defaults).
  expect((await staff.request('PATCH', `/api/directory/people/${ids.somchai}`, { title: 'Pol. Lt. Gen.', languages: ['th', 'en'], channels: allTiers })).status).toBe(200);
  const second = await makePosition(staff, agency.id, { title: 'Deputy Commissioner' });
  ids.hidden = await handOver(staff, second.id, { nameLatin: 'Hidden Holder', channels: [{ kind: 'email', value: 'hidden@test.hub.example', visibility: 'members' }] });
  ids.vacant = (await makePosition(staff, agency.id, { title: 'Vacant post' })).id;
  const fiji = await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Fiji Police Force', type: 'police' });
  ids.fijiPosition = (await makePosition(staff, fiji.id, { title: 'Focal point' })).id;
  await handOver(staff, ids.fijiPosition, { nameLatin: 'Sione Fiji', channels: [{ kind: 'email', value: 'sione@test.hub.example', visibility: 'public' }] });
});
afterAll(async () => {
  await hub.close();
});

/** The CSV as rows of cells, after checking the byte order mark. */
function csvRows(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
}

async function exportCsv(who: Agent, query = 'member=THA'): Promise<{ rows: Record<string, string>[]; text: string; headers: Record<string, unknown> }> {
  const res = await call(app, who, 'GET', `/api/directory/export?format=csv&${query}`);
  expect(res.status).toBe(200);
  return { rows: csvRows(res.text), text: res.text, headers: res.headers };
}

const lastAudit = async (action: string) =>
  hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();

describe('spreadsheet export', () => {
  it('gives anonymous visitors only public data, as an attachment Excel opens as UTF-8', async () => {
    const { rows, text, headers } = await exportCsv(anonymous(hub));
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(headers['content-disposition'])).toMatch(/^attachment; filename="bali-process-directory-THA-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(rows.map((r) => r.Position).sort()).toEqual(['Commissioner', 'Deputy Commissioner', 'Vacant post']);
    const commissioner = rows.find((r) => r.Position === 'Commissioner');
    expect(commissioner).toMatchObject({
      'Member code': 'THA', Member: 'Thailand', Agency: 'Immigration Bureau', 'Agency (local)': 'สำนักงานตรวจคนเข้าเมือง', Acronym: 'IB', 'Agency type': 'Immigration',
      Mandates: 'Irregular migration management; Border management', 'Working group': 'WG-TIP', Name: 'Somchai Prasert', 'Name (local)': 'สมชาย ประเสริฐ', Title: 'Pol. Lt. Gen.',
      Email: 'public@test.hub.example', Phone: '', Mobile: '', 'Email visibility': 'public', Freshness: 'confirmed', 'Agency ID': ids.agency, 'Position ID': ids.position, 'Person ID': ids.somchai,
    });
    // A holder without a public channel is not named to anonymous visitors; the position still is.
    expect(rows.find((r) => r.Position === 'Deputy Commissioner')).toMatchObject({ Name: '', Email: '', 'Person ID': '', Freshness: 'confirmed' });
    expect(rows.find((r) => r.Position === 'Vacant post')).toMatchObject({ Name: '', Freshness: 'missing' });
    for (const secret of ['members@', 'hidden@', '+66 2 000 0001', '+66 8 000 0002', 'Hidden Holder']) expect(text).not.toContain(secret);
    const exported = await lastAudit('directory.exported');
    expect(exported?.actor_id).toBeNull();
    expect(JSON.parse(exported?.after_json ?? '{}')).toEqual({ format: 'csv', filter: { member: 'THA' }, rows: 3 });
  });

  it("gives an official the members' tier but not the secretariat's, and records the read of those channels", async () => {
    const before = await lastAudit('contact.read');
    const { rows, text } = await exportCsv(official);
    const commissioner = rows.find((r) => r.Position === 'Commissioner');
    expect(commissioner?.Email).toBe('public@test.hub.example; members@test.hub.example');
    expect(commissioner?.['Email visibility']).toBe('public; members');
    expect(commissioner?.Phone).toBe('');
    expect(commissioner?.Mobile).toBe('');
    expect(rows.find((r) => r.Position === 'Deputy Commissioner')).toMatchObject({ Name: 'Hidden Holder', Email: 'hidden@test.hub.example' });
    expect(text).not.toContain('000 0001');
    const read = await lastAudit('contact.read');
    expect(read?.seq).not.toBe(before?.seq);
    expect(read?.actor_id).toBe(official.user?.id);
    expect(JSON.parse(read?.after_json ?? '{}')).toMatchObject({ as: 'export.csv', channels: 2, tiers: { members: 2 }, person_ids: expect.arrayContaining([ids.somchai, ids.hidden]) });
  });

  it('gives a coordinator and a researcher what their roles may see', async () => {
    const asCoordinator = (await exportCsv(coordinator)).rows.find((r) => r.Position === 'Commissioner');
    expect(asCoordinator?.Email).toBe('public@test.hub.example; members@test.hub.example');
    expect(asCoordinator?.Phone).toBe('');
    const asResearcher = (await exportCsv(researcher)).rows.find((r) => r.Position === 'Commissioner');
    expect(asResearcher?.Email).toBe('public@test.hub.example');
  });

  it('gives the secretariat every tier, with a leading apostrophe keeping numbers from being read as formulas', async () => {
    const commissioner = (await exportCsv(staff)).rows.find((r) => r.Position === 'Commissioner');
    expect(commissioner?.Email).toBe('public@test.hub.example; members@test.hub.example');
    expect(commissioner?.Phone).toBe("'+66 2 000 0001");
    expect(commissioner?.Mobile).toBe("'+66 8 000 0002");
    expect(commissioner?.['Phone visibility']).toBe('secretariat; private');
  });

  it('applies the search filters', async () => {
    const wg = (await exportCsv(staff, 'workingGroup=WG-TIP')).rows;
    expect(wg.map((r) => r.Position)).toEqual(['Commissioner']);
    const missing = (await exportCsv(staff, 'freshness=missing&member=THA')).rows;
    expect(missing.map((r) => r.Position)).toEqual(['Vacant post']);
    const police = (await exportCsv(staff, 'agencyType=police')).rows;
    expect(police.map((r) => r.Agency)).toEqual(['Fiji Police Force']);
    const bad = await call(app, staff, 'GET', '/api/directory/export?format=pdf');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('applies the search words as the directory search does, over what the reader may see', async () => {
    const words = async (who: Agent, q: string, more = '') => (await exportCsv(who, `q=${encodeURIComponent(q)}${more}`)).rows.map((r) => r.Position).sort();
    // A position's words, its agency's, its holder's (in any script), or its Member's.
    expect(await words(staff, 'commiss')).toEqual(['Commissioner', 'Deputy Commissioner']);
    expect(await words(staff, 'Somchai')).toEqual(['Commissioner']);
    expect(await words(staff, 'สมชาย')).toEqual(['Commissioner']);
    expect(await words(staff, 'Immigration Bureau')).toEqual(['Commissioner', 'Deputy Commissioner', 'Vacant post']);
    expect(await words(staff, 'Fiji')).toEqual(['Focal point']);
    // Every word in one record, as in the search: no record has both.
    expect(await words(staff, 'Somchai Fiji')).toEqual([]);
    // With the filters too.
    expect(await words(staff, 'commiss', '&workingGroup=WG-TIP')).toEqual(['Commissioner']);
    // A holder an anonymous visitor may not see is not found by their name; staff find them.
    expect(await words(anonymous(hub), 'Hidden Holder')).toEqual([]);
    expect(await words(staff, 'Hidden Holder')).toEqual(['Deputy Commissioner']);
    expect(await words(staff, '!!!')).toEqual([]);
    const res = await call(app, staff, 'GET', '/api/directory/export?format=csv&q=Somchai');
    expect(res.headers['x-row-count']).toBe('1');
    expect(String(res.headers['content-disposition'])).toMatch(/filename="bali-process-directory-Somchai-[\d-]+\.csv"/);
    expect(JSON.parse((await lastAudit('directory.exported'))?.after_json ?? '{}')).toMatchObject({ format: 'csv', filter: { q: 'Somchai' }, rows: 1 });
    const vcf = await call(app, staff, 'GET', `/api/directory/export.vcf?q=${encodeURIComponent('สมชาย')}`);
    expect(vcf.text.match(/^BEGIN:VCARD/gm)).toHaveLength(1);
    expect(vcf.text).toContain('Somchai Prasert');
    expect(vcf.text).not.toContain('Hidden Holder');
    const long = await call(app, staff, 'GET', `/api/directory/export?q=${'x'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('writes an XLSX workbook with the same rows, Thai text intact', async () => {
    const res = await call(app, official, 'GET', '/api/directory/export?format=xlsx&member=THA');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/filename="bali-process-directory-THA-[\d-]+\.xlsx"/);
    expect(res.raw.subarray(0, 4).toString('hex')).toBe('504b0304');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
    expect(values(1).slice(0, 4)).toEqual(['Member code', 'Member', 'Agency', 'Agency (local)']);
    expect(sheet?.rowCount).toBe(4);
    const rows = [2, 3, 4].map(values);
    const commissioner = rows.find((r) => r.includes('Commissioner'));
    expect(commissioner).toEqual(expect.arrayContaining(['สำนักงานตรวจคนเข้าเมือง', 'สมชาย ประเสริฐ', 'public@test.hub.example; members@test.hub.example']));
    expect(rows.flat().join(' ')).not.toContain('000 0001');
    expect(JSON.parse((await lastAudit('directory.exported'))?.after_json ?? '{}')).toMatchObject({ format: 'xlsx', rows: 3 });
  });
});

describe('vCards', () => {
  const parse = (text: string) => {
    expectWellFormed(text);
    const parsed = ICAL.parse(text) as unknown[];
    // One card parses to one component; several to a list of them.
    const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
    return list.map((c) => new ICAL.Component(c));
  };

  it("a person's vCard carries the visible channels, the Thai name in its own FN, and audits non-public reads", async () => {
    const res = await call(app, official, 'GET', `/api/directory/people/${ids.somchai}/vcard`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="Somchai-Prasert.vcf"');
    const [card] = parse(res.text);
    expect(card?.getFirstPropertyValue('version')).toBe('4.0');
    expect(card?.getAllProperties('fn').map((p) => [p.getParameter('language'), p.getFirstValue()])).toEqual([['th-Latn', 'Somchai Prasert'], ['th', 'สมชาย ประเสริฐ']]);
    expect(card?.getFirstPropertyValue('n')).toEqual(['Prasert', 'Somchai', '', 'Pol. Lt. Gen.', '']);
    expect(card?.getFirstPropertyValue('title')).toBe('Commissioner');
    expect(card?.getAllProperties('org').map((p) => p.getFirstValue())).toEqual(['Immigration Bureau', 'สำนักงานตรวจคนเข้าเมือง']);
    expect(card?.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['public@test.hub.example', 'members@test.hub.example']);
    expect(card?.getAllProperties('tel')).toEqual([]);
    expect(card?.getAllProperties('lang').map((p) => p.getFirstValue())).toEqual(['th', 'en']);
    const read = await lastAudit('contact.read');
    expect(read).toMatchObject({ entity: 'person', entity_id: ids.somchai, actor_id: official.user?.id });

    const asStaff = parse((await call(app, staff, 'GET', `/api/directory/people/${ids.somchai}/vcard`)).text)[0];
    expect(asStaff?.getAllProperties('tel').map((p) => p.getFirstValue())).toEqual(['tel:+66-2-000-0001', 'tel:+66-8-000-0002']);
  });

  it('gives anonymous visitors a vCard only for people with a public channel, with public channels only', async () => {
    const [card] = parse((await call(app, anonymous(hub), 'GET', `/api/directory/people/${ids.somchai}/vcard`)).text);
    expect(card?.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['public@test.hub.example']);
    const hidden = await call(app, anonymous(hub), 'GET', `/api/directory/people/${ids.hidden}/vcard`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await call(app, staff, 'GET', '/api/directory/people/no-such-person/vcard')).status).toBe(404);
  });

  it('exports the filtered people as one .vcf, one card each', async () => {
    const res = await call(app, coordinator, 'GET', '/api/directory/export.vcf?member=THA');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/filename="bali-process-directory-THA-[\d-]+\.vcf"/);
    const cards = parse(res.text);
    expect(cards.map((c) => c.getAllProperties('fn')[0]?.getFirstValue())).toEqual(['Somchai Prasert', 'Hidden Holder']);
    expect(res.text).not.toContain('000 0001');
    const anon = parse((await call(app, anonymous(hub), 'GET', '/api/directory/export.vcf')).text);
    expect(anon.map((c) => c.getFirstPropertyValue('uid')).sort()).toHaveLength(2);
    expect(anon.flatMap((c) => c.getAllProperties('email').map((p) => p.getFirstValue())).sort()).toEqual(['public@test.hub.example', 'sione@test.hub.example']);
    expect(JSON.parse((await lastAudit('directory.exported'))?.after_json ?? '{}')).toMatchObject({ format: 'vcf', rows: 2 });
  });
});
