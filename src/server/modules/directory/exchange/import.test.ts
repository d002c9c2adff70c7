import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/server/platform/audit/audit';
import { anonymous, createTestHub, login, makeUser, signedIn, type Agent, type TestHub } from '../../../../../test/helpers/hub';
import { handOver, makeAgency, makePosition } from '../../../../../test/helpers/directory';
import { csvLine, UTF8_BOM } from './csv';
import { call, exchangeApp, runImportJob } from './exchange.test-support';

let hub: TestHub;
let app: FastifyInstance;
let staff: Agent;
let coordinator: Agent;
const ids = { thaAgency: '', commissioner: '', somchai: '', fjiAgency: '', fjiPosition: '', sione: '' };

beforeAll(async () => {
  hub = await createTestHub();
  app = await exchangeApp(hub);
  await hub.startJobs(); // no workers in tests; pg-boss only has to accept jobs (they are run with runImportJob)
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
  ids.thaAgency = (await makeAgency(staff, { memberCode: 'THA', nameEn: 'Immigration Bureau', nameLocal: 'สำนักงานตรวจคนเข้าเมือง', type: 'immigration', mandates: ['irregular-migration'] })).id;
  ids.commissioner = (await makePosition(staff, ids.thaAgency, { title: 'Commissioner' })).id;
  ids.somchai = await handOver(staff, ids.commissioner, { nameLatin: 'Somchai Prasert', nameLocal: 'สมชาย ประเสริฐ', channels: [{ kind: 'email', value: 'somchai@immigration.go.th.example', visibility: 'members' }] });
  ids.fjiAgency = (await makeAgency(staff, { memberCode: 'FJI', nameEn: 'Fiji Police Force', type: 'police' })).id;
  ids.fjiPosition = (await makePosition(staff, ids.fjiAgency, { title: 'Focal point' })).id;
  ids.sione = await handOver(staff, ids.fjiPosition, { nameLatin: 'Sione Vatu', channels: [{ kind: 'email', value: 'sione@police.gov.fj.example', visibility: 'members' }] });
});
afterAll(async () => {
  await hub.close();
});

/** A ZIP archive of stored entries; `claimed` overstates an entry's unpacked size, as a ZIP bomb does. */
function zip(entries: { name: string; data: string; claimed?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.claimed ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.claimed ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const csv = (rows: string[][]) => Buffer.from(UTF8_BOM + rows.map((r) => csvLine(r)).join(''), 'utf8');
const HEADER = ['Member', 'Agency', 'Agency type', 'Position', 'Name', 'Name (local)', 'E-mail', 'Telephone'];

async function upload(who: Agent, file: Buffer, name = 'focal-points.csv', contentType?: string) {
  return call(app, who, 'POST', `/api/directory/imports?filename=${encodeURIComponent(name)}`, { file, ...(contentType ? { contentType } : {}) });
}

async function uploaded(who: Agent, file: Buffer, name?: string): Promise<any> {
  const res = await upload(who, file, name);
  expect(res.status, res.text).toBe(201);
  return res.json;
}

async function dryRun(who: Agent, id: string, mapping: Record<string, number>): Promise<any> {
  const res = await call(app, who, 'POST', `/api/directory/imports/${id}/dry-run`, { json: { mapping } });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

/** Applies through the API, runs the queued job here, and returns the import as the page would reload it. */
async function applied(who: Agent, id: string, decisions: Record<string, 'merge' | 'keep'> = {}): Promise<any> {
  const res = await call(app, who, 'POST', `/api/directory/imports/${id}/apply`, { json: { decisions } });
  expect(res.status, res.text).toBe(202);
  expect((res.json as { status: string }).status).toBe('applying');
  await runImportJob(hub, id);
  return (await call(app, who, 'GET', `/api/directory/imports/${id}`)).json;
}

const count = async (table: 'agencies' | 'positions' | 'people' | 'contact_channels' | 'position_holders' | 'directory_imports' | 'audit_log' | 'search_tokens') =>
  Number((await hub.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const snapshot = async () => ({
  agencies: await count('agencies'), positions: await count('positions'), people: await count('people'), channels: await count('contact_channels'),
  holders: await count('position_holders'), tokens: await count('search_tokens'), imports: await count('directory_imports'), audit: await count('audit_log'),
});

describe('uploading a file', () => {
  it('finds the header row below a title, suggests a mapping and keeps the state for a reload', async () => {
    const file = csv([
      ['Bali Process focal points — Thailand', '', ''],
      ['Updated by the Immigration Bureau', '', ''],
      HEADER,
      ['THA', 'Immigration Bureau', 'Immigration', 'Deputy Commissioner', 'Niran Wong', 'นิรันดร์ วงศ์', 'niran@immigration.go.th.example', '+66 2 287 3101'],
    ]);
    const imp = await uploaded(coordinator, file, 'C:\\Users\\me\\focal points.csv');
    expect(imp).toMatchObject({ status: 'uploaded', fileName: 'focal points.csv', fileKind: 'csv', headerRow: 3, rowCount: 1, canApply: false, savedMapping: null, mapping: null, progress: { done: 0, total: 1 } });
    expect(imp.columns.map((c: any) => `${c.letter}:${c.header}`)).toEqual(['A:Member', 'B:Agency', 'C:Agency type', 'D:Position', 'E:Name', 'F:Name (local)', 'G:E-mail', 'H:Telephone']);
    expect(imp.columns[5].samples).toEqual(['นิรันดร์ วงศ์']);
    expect(imp.suggestedMapping).toEqual({ memberCode: 0, agencyNameEn: 1, agencyType: 2, positionTitle: 3, personNameLatin: 4, personNameLocal: 5, email: 6, phone: 7 });
    const reloaded = await call(app, coordinator, 'GET', `/api/directory/imports/${imp.id}`);
    expect(reloaded.json).toEqual(imp);
    const audit = await hub.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'directory.import_created').where('entity_id', '=', imp.id).executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(coordinator.user?.id);
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ file_kind: 'csv', rows: 1, header_row: 3 });
    const list = await call(app, coordinator, 'GET', '/api/directory/imports');
    expect((list.json as any).items.map((i: any) => i.id)).toContain(imp.id);
  });

  it('reads an XLSX workbook whose header is not on the first row, whatever the file is called', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['nothing to see here']);
    const sheet = workbook.addWorksheet('Focal points');
    sheet.addRow(['Focal points, 2026']);
    sheet.addRow(HEADER);
    sheet.addRow(['Thailand', 'Immigration Bureau', 'immigration', 'Inspector', { richText: [{ text: 'Malee ' }, { text: 'Sukjai' }] }, 'มาลี สุขใจ', { text: 'malee@immigration.go.th.example', hyperlink: 'mailto:malee@immigration.go.th.example' }, 6621234567]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const imp = await uploaded(coordinator, file, 'looks-like-a.csv');
    expect(imp).toMatchObject({ fileKind: 'xlsx', sheetName: 'Focal points', headerRow: 2, rowCount: 1 });
    expect(imp.columns.map((c: any) => c.samples[0])).toEqual(['Thailand', 'Immigration Bureau', 'immigration', 'Inspector', 'Malee Sukjai', 'มาลี สุขใจ', 'malee@immigration.go.th.example', '6621234567']);
    const checked = await dryRun(coordinator, imp.id, imp.suggestedMapping);
    expect(checked.problems).toEqual([]);
    expect(checked.counts).toMatchObject({ agenciesCreated: 0, positionsCreated: 1, peopleCreated: 1, holdersChanged: 1 });
  });

  it('reads a semicolon-separated CSV with quoted line breaks and formula-protected numbers', async () => {
    const text = 'Member;Agency;Position;Name;Phone\r\nTHA;"Bureau; Division ""A""";"Chief\nof staff";Ann Lee;\'+66 2 000 1111\r\n';
    const imp = await uploaded(coordinator, Buffer.from(text, 'utf8'));
    expect(imp.columns.map((c: any) => c.samples[0])).toEqual(['THA', 'Bureau; Division "A"', 'Chief\nof staff', 'Ann Lee', '+66 2 000 1111']);
  });

  it('refuses broken files with a clear problem and changes nothing', async () => {
    const before = await snapshot();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(HEADER);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const cases: [string, Buffer, number, string, RegExp, string?][] = [
      ['empty', Buffer.alloc(0), 400, 'file_empty', /empty/],
      ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 400, 'file_unreadable', /neither an Excel workbook nor UTF-8 text/],
      ['an old .xls workbook', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 415, 'unsupported_file', /Excel 97–2003/],
      ['a truncated XLSX', xlsx.subarray(0, Math.floor(xlsx.length / 2)), 400, 'file_unreadable', /truncated or damaged/],
      ['a ZIP that is not a workbook', zip([{ name: 'notes.txt', data: 'hello' }]), 415, 'unsupported_file', /not an Excel workbook/],
      ['a ZIP bomb', zip([{ name: '[Content_Types].xml', data: '<x/>' }, { name: 'xl/workbook.xml', data: '<x/>', claimed: 0xfffffff0 }]), 413, 'payload_too_large', /too large once unpacked/],
      ['a workbook with broken XML', zip([{ name: '[Content_Types].xml', data: '<Types' }, { name: 'xl/workbook.xml', data: '<<<' }]), 400, 'file_unreadable', /damaged or not a real Excel file/],
      ['Thai CSV in Windows-874', Buffer.concat([Buffer.from('Member,Agency,Position\r\nTHA,', 'latin1'), Buffer.from([0xca, 0xb9, 0xa7]), Buffer.from('\r\n')]), 400, 'file_unreadable', /UTF-8/],
      ['UTF-16 text', Buffer.from('\ufeffMember,Agency', 'utf16le'), 415, 'unsupported_file', /UTF-16/],
      ['a CSV without column names', csv([['a', 'b'], ['c', 'd']]), 400, 'file_unreadable', /No row of column names/],
      ['a header without rows', csv([HEADER]), 400, 'file_unreadable', /no rows under it/],
      ['a multipart form', csv([HEADER]), 415, 'unsupported_media_type', /not as a form/, 'multipart/form-data; boundary=x'],
      ['50 MB of junk', Buffer.alloc(50 * 1024 * 1024, 0x41), 413, 'payload_too_large', /larger than 20 MB/],
    ];
    for (const [what, file, status, code, message, contentType] of cases) {
      const res = await upload(coordinator, file, 'file.xlsx', contentType);
      expect(res.status, what).toBe(status);
      expect(res.headers['content-type'], what).toMatch(/application\/problem\+json/);
      expect((res.json as any).code, what).toBe(code);
      expect((res.json as any).detail, what).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('is for the secretariat and coordinators only; others are refused, and imports are private to their uploader', async () => {
    const file = csv([HEADER, ['THA', 'Immigration Bureau', 'immigration', 'Clerk', '', '', '', '']]);
    for (const role of ['official', 'researcher'] as const) expect((await upload(await signedIn(hub, { role }), file)).status).toBe(403);
    expect((await upload(anonymous(hub), file)).status).toBe(401);
    const imp = await uploaded(coordinator, file);
    const other = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
    expect((await call(app, other, 'GET', `/api/directory/imports/${imp.id}`)).status).toBe(404);
    expect((await call(app, other, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: imp.suggestedMapping } })).status).toBe(404);
    expect((await call(app, staff, 'GET', `/api/directory/imports/${imp.id}`)).status).toBe(200);
    expect((await call(app, staff, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: imp.suggestedMapping } })).status).toBe(403);
    expect((await call(app, anonymous(hub), 'GET', `/api/directory/imports/${imp.id}`)).status).toBe(401);
  });
});

describe('the dry run', () => {
  it('reports bad rows by row number and column, and will not apply them', async () => {
    const file = csv([
      [...HEADER, 'Working group', 'Visibility'],
      ['THA', 'Immigration Bureau', 'immigration', 'Officer A', 'Good Person', '', 'good@example.org', '', 'WG-TIP', 'members'],
      ['XYZ', 'Somewhere', 'police', 'Officer', 'Nobody', '', '', '', '', ''],
      ['THA', 'New Agency', 'spaceport', 'Officer', 'Someone', '', '', '', '', ''],
      ['THA', 'Immigration Bureau', '', 'Officer B', 'Bad Mail', '', 'not-an-email', 'call me', '', ''],
      ['THA', 'Immigration Bureau', '', 'Officer C', '', '', 'nameless@example.org', '', 'WG-XX', 'everybody'],
      ['THA', '', 'police', 'Officer D', 'No Agency', '', '', '', '', ''],
      ['THA', 'Another New Agency', '', 'Officer E', 'No Type', '', '', '', '', ''],
      ['THA', 'Immigration Bureau', '', '', 'No Position', '', '', '', '', ''],
    ]);
    const imp = await uploaded(coordinator, file);
    const checked = await dryRun(coordinator, imp.id, imp.suggestedMapping);
    expect(checked.status).toBe('validated');
    const found = checked.problems.map((p: any) => [p.row, p.column, p.code]);
    expect(found).toEqual([
      [3, 'Member', 'unknown_member'],
      [4, 'Agency type', 'unknown_agency_type'],
      [5, 'E-mail', 'bad_email'],
      [5, 'Telephone', 'bad_phone'],
      [6, 'Working group', 'unknown_working_group'],
      [6, 'Name', 'missing'],
      [6, 'Visibility', 'bad_visibility'],
      [7, 'Agency', 'missing'],
      [8, 'Agency type', 'missing'],
      [9, 'Position', 'missing'],
    ]);
    expect(checked.problems.every((p: any) => p.severity === 'error' && p.message.length > 10)).toBe(true);
    expect(checked.problemCounts).toEqual({ errors: 10, warnings: 0 });
    expect(checked.canApply).toBe(false);
    const res = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: { decisions: {} } });
    expect(res.status).toBe(409);
    expect((res.json as any).detail).toMatch(/10 errors/);
  });

  it('says which fields a mapping lacks, and refuses columns the file does not have', async () => {
    const imp = await uploaded(coordinator, csv([HEADER, ['THA', 'Immigration Bureau', '', 'Clerk', '', '', '', '']]));
    const checked = await dryRun(coordinator, imp.id, { positionTitle: 3 });
    expect(checked.problems.map((p: any) => [p.row, p.field, p.code])).toEqual([[null, 'memberCode', 'unmapped'], [null, 'agencyNameEn', 'unmapped']]);
    const outside = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: { memberCode: 0, agencyNameEn: 40 } } });
    expect(outside.status).toBe(400);
    expect((outside.json as any).errors[0].field).toBe('mapping.agencyNameEn');
    const twice = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/dry-run`, { json: { mapping: { memberCode: 0, agencyNameEn: 0 } } });
    expect(twice.status).toBe(400);
  });

  it('proposes merging likely duplicates: the same email, or a similar name in the same agency', async () => {
    const file = csv([
      HEADER,
      ['THA', 'Immigration Bureau', '', 'Commissioner', 'Somchai P.', '', 'SOMCHAI@immigration.go.th.example', '+66 2 111 2222'],
      ['THA', 'Immigration Bureau', '', 'Adviser', 'PRASERT Somchai', '', 'other@example.org', ''],
      ['THA', 'Immigration Bureau', '', 'Liaison', 'Sione V.', '', 'sione@police.gov.fj.example', ''],
    ]);
    const imp = await uploaded(coordinator, file);
    const checked = await dryRun(coordinator, imp.id, imp.suggestedMapping);
    expect(checked.problems).toEqual([]);
    expect(checked.duplicates).toEqual([
      { row: 2, nameLatin: 'Somchai P.', proposed: 'merge', decision: null, candidates: [{ personId: ids.somchai, nameLatin: 'Somchai Prasert', nameLocal: 'สมชาย ประเสริฐ', memberCode: 'THA', agencyName: 'Immigration Bureau', reason: 'same_email', canMerge: true }] },
      { row: 3, nameLatin: 'PRASERT Somchai', proposed: 'merge', decision: null, candidates: [expect.objectContaining({ personId: ids.somchai, reason: 'similar_name', canMerge: true })] },
      // Another Member's official: the coordinator may not change that record, so the row can only be a new person.
      { row: 4, nameLatin: 'Sione V.', proposed: 'keep', decision: null, candidates: [expect.objectContaining({ personId: ids.sione, memberCode: 'FJI', reason: 'same_email', canMerge: false })] },
    ]);
    const refused = await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: { decisions: { 4: 'merge' } } });
    expect(refused.status).toBe(400);
    expect((refused.json as any).errors[0].field).toBe('decisions.4');
  });
});

describe("a coordinator cannot write another Member's records", () => {
  it('refuses rows of another Member, by code or by the ID of one of its records', async () => {
    const before = await snapshot();
    const file = csv([
      ['Member code', 'Agency', 'Agency type', 'Position', 'Name', 'Email', 'Agency ID', 'Position ID', 'Person ID'],
      ['FJI', 'Fiji Police Force', 'police', 'Focal point', 'Intruder', 'intruder@example.org', '', '', ''],
      ['Fiji', 'Fiji Police Force', 'police', 'Focal point', 'Intruder', '', '', '', ''],
      ['THA', 'Fiji Police Force', '', 'Focal point', 'Intruder', '', ids.fjiAgency, '', ''],
      ['THA', 'Immigration Bureau', '', 'Focal point', 'Intruder', '', '', ids.fjiPosition, ''],
      ['THA', 'Immigration Bureau', '', 'Commissioner', 'Sione Vatu', 'new@example.org', '', '', ids.sione],
      ['', '', '', 'Focal point', 'Intruder', '', ids.fjiAgency, ids.fjiPosition, ''],
    ]);
    const imp = await uploaded(coordinator, file);
    const checked = await dryRun(coordinator, imp.id, imp.suggestedMapping);
    expect(checked.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
      [2, 'Member code', 'out_of_scope'],
      [3, 'Member code', 'out_of_scope'],
      [4, 'Agency ID', 'out_of_scope'],
      [5, 'Position ID', 'out_of_scope'],
      [6, 'Person ID', 'not_editable'],
      [7, 'Member code', 'out_of_scope'],
    ]);
    expect(checked.problems[0].message).toMatch(/You can import records of THA only; this row is for Fiji \(FJI\)/);
    expect((await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(409);
    expect(await snapshot()).toMatchObject({ agencies: before.agencies, positions: before.positions, people: before.people, channels: before.channels, holders: before.holders });
    // The secretariat may import the same rows.
    const asStaff = await uploaded(staff, file);
    const staffCheck = await dryRun(staff, asStaff.id, asStaff.suggestedMapping);
    expect(staffCheck.problems.filter((p: any) => p.code === 'out_of_scope' || p.code === 'not_editable')).toEqual([]);
  });

  it('checks the scope again when applying: a scope removed after the dry run writes nothing', async () => {
    const user = await makeUser(hub, { role: 'member_coordinator', memberScopes: ['THA', 'KHM'] });
    const agent = await login(hub, user);
    const imp = await uploaded(agent, csv([HEADER, ['KHM', 'General Department of Immigration', 'immigration', 'Director', 'Sokha Chan', 'សុខា ចាន់', 'sokha@gdi.gov.kh.example', '']]));
    const checked = await dryRun(agent, imp.id, imp.suggestedMapping);
    expect(checked.problems).toEqual([]);
    await hub.deps.db.deleteFrom('user_member_scopes').where('user_id', '=', user.id).where('member_code', '=', 'KHM').execute();
    const before = await snapshot();
    const done = await applied(agent, imp.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/Nothing was written/);
    expect(done.problems.map((p: any) => [p.row, p.code])).toEqual([[2, 'out_of_scope']]);
    const after = await snapshot();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    expect(after.audit).toBe(before.audit + 1); // only 'directory.import_failed'
  });
});

describe('applying', () => {
  it('writes new agencies, positions and people, merges duplicates as decided, indexes them for search and audits each record', async () => {
    const file = csv([
      ['Member code', 'Agency', 'Agency (local)', 'Acronym', 'Agency type', 'Mandates', 'Position', 'Working group', 'Name', 'Name (local)', 'Title', 'Email', 'Phone', 'Visibility'],
      ['THA', 'Department of Special Investigation', 'กรมสอบสวนคดีพิเศษ', 'DSI', 'Police', 'Counter trafficking; transnational-crime', 'Director-General', 'WG-TIP', 'Wanchai Rakdee', 'วันชัย รักดี', 'Pol. Col.', 'wanchai@dsi.go.th.example', '+66 2 831 9888', 'members'],
      ['THA', 'Department of Special Investigation', '', '', '', '', 'Deputy Director-General', '', 'Pranee Jaidee', 'ปราณี ใจดี', '', 'pranee@dsi.go.th.example', '', 'public'],
      ['THA', 'Immigration Bureau', '', '', '', '', 'Commissioner', '', 'Somchai P.', '', '', 'somchai@immigration.go.th.example', '+66 2 111 2222', 'secretariat'],
      ['THA', 'Immigration Bureau', '', '', '', '', 'Adviser', '', 'PRASERT Somchai', '', '', 'adviser@example.org', '', ''],
      ['THA', 'Department of Special Investigation', '', '', '', '', 'Analyst', '', 'Pranee Jaidee', '', '', 'pranee@dsi.go.th.example', '', 'public'],
    ]);
    const imp = await uploaded(coordinator, file);
    const checked = await dryRun(coordinator, imp.id, imp.suggestedMapping);
    expect(checked.problems).toEqual([]);
    expect(checked.duplicates.map((d: any) => [d.row, d.proposed])).toEqual([[4, 'merge'], [5, 'merge']]);
    // With the proposed decisions (row 5 merged into Somchai); applying keeps row 5 as a new person instead.
    expect(checked.counts).toEqual({ rows: 5, agenciesCreated: 1, agenciesUpdated: 0, positionsCreated: 4, positionsUpdated: 0, peopleCreated: 2, peopleUpdated: 1, holdersChanged: 4 });
    expect(checked.canApply).toBe(true);
    const auditBefore = await count('audit_log');

    const done = await applied(coordinator, imp.id, { 5: 'keep' });
    expect(done).toMatchObject({ status: 'applied', progress: { done: 5, total: 5 }, error: null });
    expect(done.counts).toEqual({ rows: 5, agenciesCreated: 1, agenciesUpdated: 0, positionsCreated: 4, positionsUpdated: 0, peopleCreated: 3, peopleUpdated: 1, holdersChanged: 4 });
    expect(done.duplicates.find((d: any) => d.row === 5).decision).toBe('keep');

    const dsi = await hub.deps.db.selectFrom('agencies').selectAll().where('acronym', '=', 'DSI').executeTakeFirstOrThrow();
    const agency = (await staff.request('GET', `/api/directory/agencies/${dsi.id}`)).body;
    expect(agency).toMatchObject({ memberCode: 'THA', nameLocal: 'กรมสอบสวนคดีพิเศษ', type: 'police', mandates: ['counter-trafficking', 'transnational-crime'] });
    expect(agency.positions.map((p: any) => [p.title, p.holder?.nameLatin, p.workingGroupCode, p.freshness])).toEqual([
      ['Analyst', 'Pranee Jaidee', null, 'confirmed'],
      ['Deputy Director-General', 'Pranee Jaidee', null, 'confirmed'],
      ['Director-General', 'Wanchai Rakdee', 'WG-TIP', 'confirmed'],
    ]);
    // Somchai was merged: a new address added with the file's visibility, the existing one kept.
    const somchai = (await staff.request('GET', `/api/directory/people/${ids.somchai}`)).body;
    expect(somchai.channels.map((c: any) => [c.kind, c.value, c.visibility])).toEqual([
      ['email', 'somchai@immigration.go.th.example', 'secretariat'],
      ['phone', '+66 2 111 2222', 'secretariat'],
    ]);
    expect(somchai.nameLatin).toBe('Somchai Prasert');
    // The search finds the new records, in Thai as in English (and anonymous visitors only people with a public channel).
    const search = async (who: Agent, q: string) => ((await who.request('GET', `/api/directory/search?q=${encodeURIComponent(q)}`)).body.items as any[]).map((h) => `${h.kind}:${h.title}`);
    expect(await search(staff, 'Wanchai')).toEqual(['person:Wanchai Rakdee']);
    expect(await search(staff, 'วันชัย')).toEqual(['person:Wanchai Rakdee']);
    expect(await search(staff, 'สอบสวน')).toEqual(['agency:Department of Special Investigation']);
    expect(await search(staff, 'Deputy Director')).toEqual(['position:Deputy Director-General']);
    expect(await search(anonymous(hub), 'Wanchai')).toEqual([]);
    expect(await search(anonymous(hub), 'ปราณี')).toEqual(['person:Pranee Jaidee']);
    const staffHits = (await staff.request('GET', `/api/directory/search?q=${encodeURIComponent('PRASERT Somchai')}`)).body.items.filter((h: any) => h.kind === 'person');
    expect(staffHits).toHaveLength(2); // row 5 was kept as a new person
    // Every record has its entry, with the apply request's id; the chain still verifies.
    const entries = await hub.deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'request_id']).where('seq', '>', 0).orderBy('seq').execute();
    const mine = entries.slice(auditBefore).filter((e) => e.action !== 'contact.read'); // the test's own reads above
    const actions = mine.map((e) => e.action);
    expect(actions.filter((a) => a === 'agency.created')).toHaveLength(1);
    expect(actions.filter((a) => a === 'position.created')).toHaveLength(4);
    expect(actions.filter((a) => a === 'person.created')).toHaveLength(3);
    expect(actions.filter((a) => a === 'person.updated')).toHaveLength(1);
    expect(actions.filter((a) => a === 'position.handed_over')).toHaveLength(4);
    expect(actions.at(-1)).toBe('directory.import_applied');
    expect(new Set(mine.map((e) => e.actor_id))).toEqual(new Set([coordinator.user?.id]));
    expect(await verifyAuditChain(hub.deps.db)).toMatchObject({ ok: true });
    const history = (await staff.request('GET', `/api/directory/history/agency/${dsi.id}`)).body.items;
    expect(history.map((h: any) => h.action)).toEqual(['agency.created']);
    // Applied once: the stored rows are dropped, and a second apply is refused.
    const row = await hub.deps.db.selectFrom('directory_imports').select('rows_json').where('id', '=', imp.id).executeTakeFirstOrThrow();
    expect(row.rows_json).toBe('[]');
    expect((await call(app, coordinator, 'POST', `/api/directory/imports/${imp.id}/apply`, { json: {} })).status).toBe(409);
    await runImportJob(hub, imp.id); // a job delivered twice does nothing the second time
    expect((await snapshot()).agencies).toBe(await count('agencies'));
  });

  it('remembers the mapping for the next file with the same columns', async () => {
    const header = ['Negara', 'Instansi', 'Jabatan', 'Nama', 'Surel', 'Catatan'];
    const first = await uploaded(staff, csv([header, ['IDN', 'Direktorat Jenderal Imigrasi', 'Direktur', 'Dewi Lestari', 'dewi@imigrasi.go.id.example', 'x']]));
    expect(first.suggestedMapping).toEqual({ memberCode: 0, agencyNameEn: 1, positionTitle: 2, personNameLatin: 3, email: 4 });
    const mapping = { ...first.suggestedMapping, personTitle: 5 };
    await dryRun(staff, first.id, mapping);
    const second = await uploaded(coordinator, csv([header, ['THA', 'Immigration Bureau', 'Clerk', 'A B', '', '']]));
    expect(second.savedMapping).toEqual(mapping);
  });
});

describe('round trips', () => {
  const exported = async (format: 'csv' | 'xlsx') => {
    const res = await call(app, staff, 'GET', `/api/directory/export?format=${format}&member=THA`);
    expect(res.status).toBe(200);
    return res.raw;
  };

  for (const format of ['csv', 'xlsx'] as const) {
    it(`re-imports its own ${format.toUpperCase()} export with no problems and no changes`, async () => {
      const file = await exported(format);
      const imp = await uploaded(staff, file, `export.${format}`);
      expect(imp.fileKind).toBe(format);
      expect(imp.headerRow).toBe(1);
      expect(imp.suggestedMapping).toMatchObject({ memberCode: 0, agencyNameEn: 2, agencyNameLocal: 3, positionTitle: 7, personNameLatin: 9, email: 12, phone: 13, emailVisibility: 15, agencyId: 19, positionId: 20, personId: 21 });
      const checked = await dryRun(staff, imp.id, imp.suggestedMapping);
      expect(checked.problems).toEqual([]);
      expect(checked.duplicates).toEqual([]);
      expect(checked.counts).toEqual({ rows: imp.rowCount, agenciesCreated: 0, agenciesUpdated: 0, positionsCreated: 0, positionsUpdated: 0, peopleCreated: 0, peopleUpdated: 0, holdersChanged: 0 });
      const before = await snapshot();
      const done = await applied(staff, imp.id);
      expect(done.status).toBe('applied');
      const after = await snapshot();
      expect({ ...after, imports: 0, audit: 0 }).toEqual({ ...before, imports: 0, audit: 0 });
    });
  }
});

describe('the background job', () => {
  it('runs on the queue with real workers, and the page sees it finish by polling', async () => {
    const live = await createTestHub({ RUN_JOBS: 'true' });
    try {
      const liveApp = await exchangeApp(live);
      await live.startJobs();
      const who = await signedIn(live, { role: 'secretariat_staff' });
      const up = await call(liveApp, who, 'POST', '/api/directory/imports', { file: csv([HEADER, ['NZL', 'Immigration New Zealand', 'immigration', 'Border manager', 'Aroha Ngata', '', 'aroha@immigration.govt.nz.example', '+64 4 555 0100']]) });
      const id = (up.json as any).id as string;
      const mapping = (up.json as any).suggestedMapping;
      expect((await call(liveApp, who, 'POST', `/api/directory/imports/${id}/dry-run`, { json: { mapping } })).status).toBe(200);
      expect((await call(liveApp, who, 'POST', `/api/directory/imports/${id}/apply`, { json: {} })).status).toBe(202);
      let status = 'applying';
      const deadline = Date.now() + 30_000;
      while (status === 'applying' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = ((await call(liveApp, who, 'GET', `/api/directory/imports/${id}`)).json as any).status;
      }
      expect(status).toBe('applied');
      const person = await live.deps.db.selectFrom('people').select('id').where('name_latin', '=', 'Aroha Ngata').execute();
      expect(person).toHaveLength(1);
    } finally {
      await live.close();
    }
  }, 60_000);
});
