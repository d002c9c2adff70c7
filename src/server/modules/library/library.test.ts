import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestHub, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import { buildHub } from '../../app';
import { pdfBytes } from '../papers/papers.test-support';
import { attachFile, createResource, docxWith, latinPdf, unicodePdf, xlsxWith } from './library.test-support';
import { EXTRACT_JOB } from './library.service';

let hub: TestHub;
let admin: Agent;
let staff: Agent;
let official: Agent;
let researcher: Agent;
let anon: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  await hub.startJobs();
  admin = await signedIn(hub, { role: 'secretariat_admin' });
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  official = await signedIn(hub, { role: 'official' });
  researcher = await signedIn(hub, { role: 'researcher' });
  anon = anonymous(hub);
});
afterAll(() => hub.close());

const extract = (id: string) => hub.deps.jobs.runNow(EXTRACT_JOB, { resourceId: id });
const search = async (agent: Agent, params: Record<string, string>) => {
  const res = await agent.request('GET', `/api/library/search?${new URLSearchParams(params).toString()}`);
  expect(res.status).toBe(200);
  return res.body;
};
const marked = (m: { text: string; marks: [number, number][] }) => m.marks.map(([a, b]) => m.text.slice(a, b));

describe('library resources', () => {
  it('the secretariat creates, edits and deletes a resource; everything is audited', async () => {
    const r = await createResource(staff, { title: 'Toolkit on border screening', type: 'toolkit', themes: ['border-management'], countries: ['THA', 'IDN'], languages: ['en', 'th'], linkUrl: 'https://example.org/toolkit' });
    expect(r).toMatchObject({ type: 'toolkit', themes: ['border-management'], countries: ['THA', 'IDN'], languages: ['en', 'th'], linkUrl: 'https://example.org/toolkit', hasFile: false, canEdit: true });
    const edited = await staff.request('PATCH', `/api/library/${r.id}`, { title: 'Toolkit on border screening (2nd ed.)', year: 2024 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Toolkit on border screening (2nd ed.)', year: 2024 });
    expect((await anon.request('GET', `/api/library/${r.id}`)).body).toMatchObject({ title: 'Toolkit on border screening (2nd ed.)', canEdit: false, extraction: null });
    expect((await staff.request('DELETE', `/api/library/${r.id}`)).status).toBe(200);
    expect((await anon.request('GET', `/api/library/${r.id}`)).status).toBe(404);
    const audit = await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', r.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['library.created', 'library.updated', 'library.deleted']);
  });

  it('refuses bad input with field errors, links other than http(s), unknown themes and Members', async () => {
    const bad = await admin.request('POST', '/api/library', { type: 'novel', title: '', languages: [], sensitivity: 'public', linkUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['type', 'title', 'languages', 'linkUrl']));
    const unknown = await admin.request('POST', '/api/library', { type: 'report', title: 'X', languages: ['en'], sensitivity: 'public', themes: ['astrology'], countries: ['XYZ'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['themes.0', 'countries.0']);
    expect((await official.request('POST', '/api/library', { type: 'report', title: 'X', languages: ['en'], sensitivity: 'public' })).status).toBe(403);
    expect((await anon.request('POST', '/api/library', { type: 'report', title: 'X', languages: ['en'], sensitivity: 'public' })).status).toBe(401);
  });

  it('links language versions both ways, showing only the versions the reader may see', async () => {
    const en = await createResource(admin, { title: 'Guide to victim screening', languages: ['en'] });
    const th = await createResource(admin, { title: 'คู่มือการคัดกรองผู้เสียหาย', languages: ['th'], translationOf: en.id });
    await createResource(admin, { title: 'Panduan penyaringan korban', languages: ['id'], translationOf: th.id, sensitivity: 'secretariat' });
    expect((await anon.request('GET', `/api/library/${en.id}`)).body.languageVersions).toEqual([{ id: th.id, title: 'คู่มือการคัดกรองผู้เสียหาย', languages: ['th'] }]);
    expect((await admin.request('GET', `/api/library/${en.id}`)).body.languageVersions).toHaveLength(2);
    expect((await anon.request('GET', `/api/library/${th.id}`)).body).toMatchObject({ translationOf: en.id, languageVersions: [{ id: en.id }] });
  });
});

describe('files and text extraction', () => {
  it('extracts a PDF with Thai text in the background and finds it by a Thai word', async () => {
    const r = await createResource(admin, { title: 'Thai screening note', languages: ['th'] });
    const up = await attachFile(hub, admin, r.id, { name: 'note.pdf', data: unicodePdf(['แนวทางการคัดแยกผู้เสียหายจากการค้ามนุษย์', 'สำนักงานตำรวจแห่งชาติ']) });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ hasFile: true, fileType: 'pdf', extraction: { status: 'pending' }, file: { type: 'pdf' } });
    expect((await search(anon, { q: 'ค้ามนุษย์' })).total).toBe(0);
    await extract(r.id);
    expect((await admin.request('GET', `/api/library/${r.id}`)).body.extraction).toMatchObject({ status: 'done', error: null });
    const found = await search(anon, { q: 'ค้ามนุษย์' });
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect(found.items[0].snippet.source).toBe('text');
    expect(marked(found.items[0].snippet)).toEqual(['ค้ามนุษย์']);
    expect((await search(anon, { q: 'ตำรวจ' })).items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    const file = await anon.request('GET', `/api/library/${r.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="thai-screening-note.pdf"/);
  });

  it('extracts PDF (pdfkit), DOCX and XLSX text', async () => {
    const pdf = await createResource(admin, { title: 'Annual report' });
    await attachFile(hub, admin, pdf.id, { name: 'r.pdf', data: await latinPdf(['The quokkaprotocol for interviews.']) });
    const docx = await createResource(admin, { title: 'Word guidance' });
    await attachFile(hub, admin, docx.id, { name: 'w.docx', data: await docxWith(['Referral of wombatcases & others', 'Second paragraph']) });
    const xlsx = await createResource(admin, { title: 'Data sheet' });
    await attachFile(hub, admin, xlsx.id, { name: 'x.xlsx', data: await xlsxWith([['Member', 'Count'], ['Thailand', 'platypusfigures']]) });
    for (const r of [pdf, docx, xlsx]) await extract(r.id);
    expect((await search(anon, { q: 'quokkaprotocol' })).items.map((i: { id: string }) => i.id)).toEqual([pdf.id]);
    const w = await search(anon, { q: 'wombat' });
    expect(w.items.map((i: { id: string }) => i.id)).toEqual([docx.id]);
    expect(w.items[0].snippet.text).toContain('Referral of wombatcases & others');
    expect((await search(anon, { q: 'platypusfig' })).items.map((i: { id: string }) => i.id)).toEqual([xlsx.id]);
  });

  it('keeps a file that cannot be read, marks it failed with the reason, and the job does not fail', async () => {
    const r = await createResource(admin, { title: 'Broken scan' });
    const up = await attachFile(hub, admin, r.id, { name: 'broken.pdf', data: pdfBytes() });
    expect(up.status).toBe(200);
    // Damage the stored file after the upload checks (a disk fault, a truncated copy): the job must cope.
    const row = await hub.deps.db.selectFrom('library_resources').select('storage_key').where('id', '=', r.id).executeTakeFirstOrThrow();
    const fs = await import('node:fs/promises');
    const path = await import('node:path');
    await fs.writeFile(path.join(hub.config.UPLOAD_DIR, row.storage_key ?? ''), '%PDF-1.4\ngarbage');
    await expect(extract(r.id)).resolves.toBeUndefined();
    const after = (await admin.request('GET', `/api/library/${r.id}`)).body;
    expect(after).toMatchObject({ hasFile: true, extraction: { status: 'failed' } });
    expect(after.extraction.error).toMatch(/PDF/);
    expect((await anon.request('GET', `/api/library/${r.id}/file`)).status).toBe(200);
    // An empty page: no text, marked too.
    const empty = await createResource(admin, { title: 'Empty page' });
    await attachFile(hub, admin, empty.id, { name: 'e.pdf', data: pdfBytes() });
    await extract(empty.id);
    expect((await admin.request('GET', `/api/library/${empty.id}`)).body.extraction).toMatchObject({ status: 'failed', error: expect.stringMatching(/No text/) });
  });

  it('refuses files the library does not take (by content)', async () => {
    const r = await createResource(admin, { title: 'Picture' });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    expect((await attachFile(hub, admin, r.id, { name: 'p.png', data: png })).status).toBe(415);
    expect((await attachFile(hub, official, r.id, { name: 'r.pdf', data: pdfBytes() })).status).toBe(403);
  });
});

describe('search', () => {
  let pub: { id: string };
  let mem: { id: string };
  let sec: { id: string };
  beforeAll(async () => {
    pub = await createResource(admin, { title: 'Bộ Công an Việt Nam: hướng dẫn', description: 'Hướng dẫn nhận diện nạn nhân mua bán người ở Đà Nẵng.', languages: ['vi'], countries: ['VNM'], themes: ['victim-identification'], year: 2021, type: 'policy_guide' });
    mem = await createResource(admin, { title: 'ក្រសួងមហាផ្ទៃ zebrafinch guide', description: 'Members only zebrafinch.', languages: ['km'], countries: ['KHM'], themes: ['victim-identification'], year: 2022, sensitivity: 'members' });
    sec = await createResource(admin, { title: 'Internal note', description: 'The zebrafinch secretkeyword operation.', languages: ['en'], countries: ['FJI'], themes: ['safety-at-sea'], year: 1999, sensitivity: 'secretariat', type: 'case_study' });
  });

  it('finds Vietnamese with or without diacritics, Khmer inside an unspaced run, with marks on the original text', async () => {
    for (const q of ['viet nam', 'Việt Nam', 'da nang', 'Đà Nẵng', 'CONG AN']) {
      expect((await search(anon, { q })).items.map((i: { id: string }) => i.id)).toContain(pub.id);
    }
    const hit = (await search(anon, { q: 'viet' })).items.find((i: { id: string }) => i.id === pub.id);
    expect(marked({ text: hit.title, marks: hit.titleMarks })).toEqual(['Việt']);
    const dn = (await search(anon, { q: 'da nang' })).items.find((i: { id: string }) => i.id === pub.id);
    expect(marked(dn.snippet)).toEqual(['dẫ', 'Đà', 'Nẵng']); // "da" is also the start of "dẫn"
    const km = await search(official, { q: 'មហាផ្ទៃ' });
    expect(km.items.map((i: { id: string }) => i.id)).toEqual([mem.id]);
    expect(marked({ text: km.items[0].title, marks: km.items[0].titleMarks })).toEqual(['មហាផ្ទៃ']);
  });

  it('ranks title matches above description and text matches', async () => {
    const body = await createResource(admin, { title: 'Annual statistics', description: 'Includes a section on kangaroofraud.' });
    const title = await createResource(admin, { title: 'Kangaroofraud handbook', description: 'A handbook.', year: 2000 });
    const res = await search(anon, { q: 'kangaroofraud' });
    expect(res.items.map((i: { id: string }) => i.id)).toEqual([title.id, body.id]);
  });

  it('never shows a restricted resource: not in results, snippets, facet counts or totals', async () => {
    const asAnon = await search(anon, { q: 'zebrafinch' });
    expect(asAnon).toMatchObject({ total: 0, items: [] });
    expect(asAnon.facets).toEqual({ theme: [], country: [], type: [], year: [], language: [] });
    expect((await search(anon, { q: 'secretkeyword' })).total).toBe(0);
    expect((await search(researcher, { q: 'zebrafinch' })).total).toBe(0);
    const asOfficial = await search(official, { q: 'zebrafinch' });
    expect(asOfficial.total).toBe(1);
    expect(asOfficial.items.map((i: { id: string }) => i.id)).toEqual([mem.id]);
    expect(JSON.stringify(asOfficial)).not.toMatch(/secretkeyword|Internal note|case_study|safety-at-sea|FJI|1999/);
    expect(asOfficial.facets.theme).toEqual([{ value: 'victim-identification', count: 1 }]);
    const asAdmin = await search(admin, { q: 'zebrafinch' });
    expect(asAdmin.total).toBe(2);
    expect(asAdmin.facets.country).toEqual(expect.arrayContaining([{ value: 'FJI', count: 1 }, { value: 'KHM', count: 1 }]));
    // Browsing without words: facets over what the reader may see only.
    const browse = await search(anon, {});
    expect(browse.facets.year.find((y: { value: string }) => y.value === '1999')).toBeUndefined();
    expect(browse.items.some((i: { id: string }) => i.id === sec.id || i.id === mem.id)).toBe(false);
    expect((await anon.request('GET', `/api/library/${sec.id}`)).status).toBe(404);
    expect((await official.request('GET', `/api/library/${sec.id}/file`)).status).toBe(404);
  });

  it('filters by facets and pages with a cursor', async () => {
    const f = await search(admin, { q: 'zebrafinch', country: 'KHM' });
    expect(f.items.map((i: { id: string }) => i.id)).toEqual([mem.id]);
    expect((await search(admin, { q: 'zebrafinch', type: 'case_study', year: '1999' })).items.map((i: { id: string }) => i.id)).toEqual([sec.id]);
    expect((await search(admin, { q: 'zebrafinch', theme: 'victim-identification', language: 'km' })).total).toBe(1);
    const p1 = await search(admin, { limit: '2' });
    expect(p1.items).toHaveLength(2);
    const p2 = await search(admin, { limit: '2', cursor: p1.nextCursor });
    expect(p2.items.map((i: { id: string }) => i.id)).not.toContain(p1.items[0].id);
    expect((await admin.request('GET', '/api/library/search?cursor=abc')).status).toBe(400);
    expect((await search(anon, { q: ' - ! ' })).total).toBe(0);
  });
});

describe('several server instances', () => {
  it('a search on another instance sees a write at once: a resource made secret leaves its results, facets and totals', async () => {
    // Two hubs on one database (a file on SQLite, one schema on PostgreSQL): each keeps its own search catalogue.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-lib-two-'));
    const one = await createTestHub({ SQLITE_PATH: path.join(dir, 'hub.sqlite') });
    const two = await buildHub(one.config);
    try {
      const boss = await signedIn(one, { role: 'secretariat_admin' });
      const find = async (q: string) => {
        const res = await two.app.inject({ method: 'GET', url: `/api/library/search?q=${encodeURIComponent(q)}` });
        expect(res.statusCode).toBe(200);
        return res.json<{ total: number; items: { id: string; title: string }[]; facets: { country: { value: string; count: number }[] } }>();
      };
      const r = await createResource(boss, { title: 'Wombatcheck field manual', countries: ['FJI'] });
      expect(await find('wombatcheck')).toMatchObject({ total: 1, items: [{ id: r.id }], facets: { country: [{ value: 'FJI', count: 1 }] } });
      expect((await boss.request('PATCH', `/api/library/${r.id}`, { sensitivity: 'secretariat' })).status).toBe(200);
      expect(await find('wombatcheck')).toMatchObject({ total: 0, items: [], facets: { country: [] } });
      expect((await boss.request('PATCH', `/api/library/${r.id}`, { sensitivity: 'public', title: 'Wombatcheck manual, 2nd edition' })).status).toBe(200);
      expect((await find('wombatcheck')).items.map((i) => i.title)).toEqual(['Wombatcheck manual, 2nd edition']);
      expect((await boss.request('DELETE', `/api/library/${r.id}`)).status).toBe(200);
      expect((await find('wombatcheck')).total).toBe(0);
    } finally {
      await two.app.close();
      await one.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo', () => {
  it('seeds the guide series with language versions, searchable in their scripts, with restricted items hidden', async () => {
    const { seedLibraryDemo } = await import('./library.demo');
    const started = Date.now();
    const counts = await hub.deps.db.transaction().execute((trx) => seedLibraryDemo(trx, { now: hub.clock.now(), userIds: new Map(), config: hub.config }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(counts.libraryResources).toBeGreaterThanOrEqual(25);
    const guide = (await search(anon, { q: 'Trafficking Victim Identification practitioner' })).items[0];
    expect(guide.title).toBe('Trafficking Victim Identification: A Practitioner Guide');
    const detail = (await anon.request('GET', `/api/library/${guide.id}`)).body;
    expect(detail.languageVersions.map((v: { languages: string[] }) => v.languages[0]).sort()).toEqual(['id', 'km', 'lo', 'th', 'vi']);
    expect(detail.file).toMatchObject({ type: 'pdf' });
    expect((await search(anon, { q: 'ผู้เสียหาย' })).total).toBeGreaterThanOrEqual(1);
    expect((await search(anon, { q: 'nan nhan' })).total).toBeGreaterThanOrEqual(1);
    expect((await search(anon, { q: 'informant' })).total).toBe(0);
    expect((await search(admin, { q: 'informant' })).total).toBe(1);
  });
});
