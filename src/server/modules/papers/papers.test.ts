import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { anonymous, createTestHub, login, makeUser, signedIn, type Agent, type TestHub } from '../../../../test/helpers/hub';
import {
  addParticipant, docxBytes, inviteMember, makeEvent, pdfBytes, pngBytes, sha256, upload, uploadPaper, zipBytes,
} from './papers.test-support';

let hub: TestHub;
let staff: Agent;
let official: Agent;
let researcher: Agent;

beforeAll(async () => {
  hub = await createTestHub();
  staff = await signedIn(hub, { role: 'secretariat_staff' });
  official = await signedIn(hub, { role: 'official', memberScopes: ['THA'] });
  researcher = await signedIn(hub, { role: 'researcher' });
});
afterAll(async () => {
  await hub.close();
});

/** Every file under the upload folder (the temporary folder included). */
function storedFiles(dir = hub.config.UPLOAD_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? storedFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const paperCount = async () => Number((await hub.deps.db.selectFrom('paper_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function download(agent: Agent, url: string): Promise<{ status: number; headers: Record<string, unknown>; raw: Buffer; body: any }> {
  const res = await hub.app.inject({ method: 'GET', url, headers: agent.cookie ? { cookie: agent.cookie } : {} });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, body };
}

/** The PDF's text, one string per line (items on one baseline joined with " | "). */
async function pdfLines(data: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, standardFontDataUrl: path.resolve('node_modules/pdfjs-dist/standard_fonts') + '/' }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const rows = new Map<number, string[]>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), item.str]);
    }
    lines.push(...[...rows.entries()].sort((a, b) => b[0] - a[0]).map(([, cells]) => cells.join(' | ')));
  }
  return lines;
}

function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('uploading papers', () => {
  it('keeps a PDF under a server-generated name with its size and hash, and serves it as an attachment', async () => {
    const event = await makeEvent(hub);
    const data = pdfBytes(2000);
    const res = await upload(hub, staff, `/api/events/${event.id}/papers`, {
      fields: { kind: 'concept_note', title: 'Concept note: Bali Process 20 years on', language: 'en', sensitivity: 'public' },
      file: { name: 'Concept Note (final).pdf', data },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'concept_note', title: 'Concept note: Bali Process 20 years on', language: 'en', sensitivity: 'public', versionCount: 1, canEdit: true });
    expect(res.body.latest).toMatchObject({ number: 1, fileType: 'pdf', contentType: 'application/pdf', size: data.length, sha256: sha256(data) });
    expect(res.body.latest.uploadedBy.id).toBe(staff.user?.id);
    // Stored by a generated key: the client's name appears nowhere on disk.
    const files = storedFiles().filter((f) => !path.relative(hub.config.UPLOAD_DIR, f).startsWith(`tmp${path.sep}`));
    expect(files.some((f) => f.includes('Concept'))).toBe(false);
    expect(files.map((f) => sha256(fs.readFileSync(f)))).toContain(sha256(data));

    const file = await download(anonymous(hub), res.body.latest.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-length']).toBe(String(data.length));
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="concept-note-bali-process-20-years-on-en-v1.pdf"; filename*=UTF-8''concept-note-bali-process-20-years-on-en-v1.pdf`);
    expect(sha256(file.raw)).toBe(sha256(data));
  });

  it('reads the form fields in any order and takes Word documents, PNG images and UTF-8 text by their content', async () => {
    const event = await makeEvent(hub);
    const docx = await upload(hub, staff, `/api/events/${event.id}/papers`, { fileFirst: true, fields: { kind: 'annex', title: 'Annex A', sensitivity: 'members' }, file: { name: 'annex.docx', data: await docxBytes() } });
    expect(docx.status).toBe(201);
    expect(docx.body.latest).toMatchObject({ fileType: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const png = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'presentation', title: 'Map', sensitivity: 'public' }, file: { name: 'map.png', data: pngBytes() } });
    expect(png.body.latest.fileType).toBe('png');
    const csv = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'annex', title: 'Figures', sensitivity: 'public', language: 'th' }, file: { name: 'ตัวเลข.csv', data: Buffer.from('ปี,จำนวน\n2022,13\n') } });
    expect(csv.body.latest).toMatchObject({ fileType: 'csv', contentType: 'text/csv; charset=utf-8' });
    const got = await download(staff, csv.body.latest.downloadUrl);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="figures-th-v1.csv"; filename*=UTF-8''figures-th-v1.csv`);
    const thai = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'annex', title: 'รายงาน', sensitivity: 'public', language: 'th' }, file: { name: 'r.txt', data: Buffer.from('สวัสดี') } });
    const thaiFile = await download(staff, thai.body.latest.downloadUrl);
    // A name in another script: an ASCII fallback and the real name in RFC 5987 form.
    expect(thaiFile.headers['content-disposition']).toBe(`attachment; filename="-th-v1.txt"; filename*=UTF-8''${encodeURIComponent('รายงาน-th-v1.txt')}`);
  });

  it('refuses empty, broken, disguised and unknown files with a clear message, and keeps nothing', async () => {
    const event = await makeEvent(hub);
    const before = { files: storedFiles().length, versions: await paperCount() };
    const whole = pdfBytes();
    const cases: { name: string; data: Buffer; status: number; code: string; says: RegExp }[] = [
      { name: 'empty.pdf', data: Buffer.alloc(0), status: 400, code: 'file_empty', says: /empty/ },
      { name: 'cut.pdf', data: whole.subarray(0, whole.length - 30), status: 400, code: 'file_unreadable', says: /damaged or incomplete/ },
      { name: 'report.pdf', data: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 1)]), status: 415, code: 'unsupported_file', says: /Windows program/ },
      { name: 'report.pdf', data: await zipBytes({ 'a.txt': 'hello' }), status: 415, code: 'unsupported_file', says: /ZIP archive/ },
      { name: 'report.pdf', data: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), status: 415, code: 'unsupported_file', says: /web page/ },
      { name: 'report.pdf', data: pngBytes(), status: 415, code: 'unsupported_file', says: /named “report.pdf” but its content is a PNG image/ },
      { name: 'notes.txt', data: Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), status: 415, code: 'unsupported_file', says: /could not tell/ },
      { name: 'page.html', data: Buffer.from('hello'), status: 415, code: 'unsupported_file', says: /\.html are not accepted/ },
      { name: 'macro.docx', data: await zipBytes({ '[Content_Types].xml': '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>', 'word/document.xml': '<x/>', 'word/vbaProject.bin': 'x' }), status: 415, code: 'unsupported_file', says: /macros/ },
      { name: 'cut.docx', data: (await docxBytes()).subarray(0, 200), status: 400, code: 'file_unreadable', says: /cut short/ },
    ];
    for (const c of cases) {
      const res = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'annex', title: 'Bad', sensitivity: 'public' }, file: { name: c.name, data: c.data } });
      expect({ name: c.name, status: res.status, code: res.body.code }).toEqual({ name: c.name, status: c.status, code: c.code });
      expect(res.body.detail).toMatch(c.says);
    }
    expect(storedFiles().length).toBe(before.files);
    expect(await paperCount()).toBe(before.versions);
    const list = await staff.request('GET', `/api/events/${event.id}/papers`);
    expect(list.body.items).toEqual([]);
  });

  it('refuses missing or bad fields field by field, keeping nothing', async () => {
    const event = await makeEvent(hub);
    const before = storedFiles().length;
    const res = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'poem', title: '', sensitivity: 'everyone', language: 'English' }, file: { name: 'a.pdf', data: pdfBytes() } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'language', 'sensitivity', 'title']);
    const noFile = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'agenda', title: 'Agenda', sensitivity: 'public' } });
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0]).toMatchObject({ field: 'file', message: 'Choose a file to upload.' });
    const json = await staff.request('POST', `/api/events/${event.id}/papers`, { kind: 'agenda' });
    expect(json.status).toBe(415);
    expect(storedFiles().length).toBe(before);
  });

  it('refuses a file over the size limit, whether announced or streamed, and keeps nothing', async () => {
    const small = await createTestHub({ UPLOAD_MAX_MB: '1' });
    try {
      const admin = await signedIn(small, { role: 'secretariat_staff' });
      const event = await makeEvent(small);
      const big = pdfBytes(1024 * 1024 + 10);
      for (const chunked of [false, true]) {
        const res = await upload(small, admin, `/api/events/${event.id}/papers`, { chunked, fields: { kind: 'annex', title: 'Big', sensitivity: 'public' }, file: { name: 'big.pdf', data: big } });
        expect(res.status).toBe(413);
        expect(res.body).toMatchObject({ code: 'payload_too_large', detail: expect.stringMatching(/larger than 1 MB/) });
      }
      expect(storedFiles(small.config.UPLOAD_DIR)).toEqual([]);
      const fits = await upload(small, admin, `/api/events/${event.id}/papers`, { chunked: true, fields: { kind: 'annex', title: 'Fits', sensitivity: 'public' }, file: { name: 'fits.pdf', data: pdfBytes(1024 * 1024 - 2000) } });
      expect(fits.status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('lets only the secretariat upload', async () => {
    const event = await makeEvent(hub);
    const coordinator = await signedIn(hub, { role: 'member_coordinator', memberScopes: ['THA'] });
    for (const [agent, status] of [[anonymous(hub), 401], [official, 403], [coordinator, 403], [researcher, 403]] as const) {
      const res = await upload(hub, agent, `/api/events/${event.id}/papers`, { fields: { kind: 'annex', title: 'X', sensitivity: 'public' }, file: { name: 'a.pdf', data: pdfBytes() } });
      expect(res.status).toBe(status);
    }
    expect((await staff.request('GET', `/api/events/${event.id}/papers`)).body.items).toEqual([]);
  });
});

describe('versions and language versions', () => {
  it('keeps every version with who uploaded it, when and its size; the latest is what lists show', async () => {
    const event = await makeEvent(hub);
    const admin = await signedIn(hub, { role: 'secretariat_admin' });
    const paper = await uploadPaper(hub, staff, event.id, { title: 'Outcome report', kind: 'outcome_report' });
    hub.clock.advance(60_000);
    const v2data = pdfBytes(500);
    const v2 = await upload(hub, admin, `/api/papers/${paper.id}/versions`, { fields: { note: 'Corrected annex numbering' }, file: { name: 'outcome-v2.pdf', data: v2data } });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ id: paper.id, versionCount: 2, latest: { number: 2, size: v2data.length, note: 'Corrected annex numbering', uploadedBy: { id: admin.user?.id } } });
    const history = await official.request('GET', `/api/papers/${paper.id}/versions`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((v: { number: number; uploadedBy: { id: string } }) => [v.number, v.uploadedBy.id])).toEqual([[2, admin.user?.id], [1, staff.user?.id]]);
    expect(history.body.items[0].uploadedAt > history.body.items[1].uploadedAt).toBe(true);
    expect(history.body.items[1].size).toBe(paper.latest.size);
    // The first version can still be downloaded.
    const first = await download(official, history.body.items[1].downloadUrl);
    expect(sha256(first.raw)).toBe(paper.latest.sha256);
    expect(first.headers['content-disposition']).toContain('outcome-report-en-v1.pdf');
    const listed = await official.request('GET', `/api/events/${event.id}/papers`);
    expect(listed.body.items[0].latest.number).toBe(2);
    // A broken new version is refused and the paper keeps its two versions.
    const bad = await upload(hub, admin, `/api/papers/${paper.id}/versions`, { file: { name: 'v3.pdf', data: Buffer.from('%PDF-1.4 cut') } });
    expect(bad.status).toBe(400);
    expect((await official.request('GET', `/api/papers/${paper.id}/versions`)).body.items).toHaveLength(2);
    const audit = await hub.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', paper.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['paper.created', 'paper.version_added']);
  });

  it('links translations as language versions of one paper, and refuses a second version in the same language', async () => {
    const event = await makeEvent(hub);
    const en = await uploadPaper(hub, staff, event.id, { title: 'Outcome report', kind: 'outcome_report', language: 'en' });
    const id = await uploadPaper(hub, staff, event.id, { title: 'Laporan hasil', kind: 'outcome_report', language: 'id', translationOf: en.id });
    // A translation of a translation joins the original's group.
    const th = await uploadPaper(hub, staff, event.id, { title: 'รายงานผล', kind: 'outcome_report', language: 'th', translationOf: id.id, sensitivity: 'secretariat' });
    expect(th.translationOf).toBe(en.id);
    const dup = await upload(hub, staff, `/api/events/${event.id}/papers`, { fields: { kind: 'outcome_report', title: 'Again', language: 'id', sensitivity: 'public', translationOf: en.id }, file: { name: 'a.pdf', data: pdfBytes() } });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].field).toBe('language');
    const asStaff = await staff.request('GET', `/api/papers/${en.id}`);
    expect(asStaff.body.languageVersions.map((l: { language: string }) => l.language).sort()).toEqual(['id', 'th']);
    // The Thai version is for the secretariat: others do not see it among the language versions.
    const asOfficial = await official.request('GET', `/api/events/${event.id}/papers`);
    const original = asOfficial.body.items.find((p: { id: string }) => p.id === en.id);
    expect(original.languageVersions).toEqual([{ id: id.id, language: 'id', title: 'Laporan hasil' }]);
  });

  it('changes title and sensitivity (secretariat), audited', async () => {
    const event = await makeEvent(hub);
    const paper = await uploadPaper(hub, staff, event.id, { title: 'Draft agenda', kind: 'agenda', sensitivity: 'public' });
    const res = await staff.request('PATCH', `/api/papers/${paper.id}`, { title: 'Agenda', sensitivity: 'participants' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Agenda', sensitivity: 'participants' });
    expect((await official.request('PATCH', `/api/papers/${paper.id}`, { title: 'X' })).status).toBe(403);
    expect((await staff.request('PATCH', `/api/papers/${paper.id}`, {})).status).toBe(400);
    const entry = await hub.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', paper.id).where('action', '=', 'paper.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json ?? '{}')).toEqual({ title: 'Draft agenda', sensitivity: 'public' });
    expect((await anonymous(hub).request('GET', `/api/papers/${paper.id}`)).status).toBe(404);
  });
});

describe('withdrawing a paper uploaded by mistake', () => {
  const storedHashes = () => storedFiles().map((f) => sha256(fs.readFileSync(f)));

  it('withdraws one wrong version: its file is deleted, the paper goes back to the version before, audited with the reason', async () => {
    const event = await makeEvent(hub, { visibility: 'public' });
    const paper = await uploadPaper(hub, staff, event.id, { title: 'Outcome report', kind: 'outcome_report' });
    const wrong = pdfBytes(700);
    const v2 = await upload(hub, staff, `/api/papers/${paper.id}/versions`, { file: { name: 'internal-notes.pdf', data: wrong } });
    expect(v2.body.versionCount).toBe(2);
    expect(storedHashes()).toContain(sha256(wrong));

    // Only the secretariat withdraws, and only with a reason.
    expect((await official.request('POST', `/api/papers/${paper.id}/versions/2/withdraw`, { reason: 'Not mine to remove' })).status).toBe(403);
    const noReason = await staff.request('POST', `/api/papers/${paper.id}/versions/2/withdraw`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    expect((await anonymous(hub).request('GET', v2.body.latest.downloadUrl)).status).toBe(200);

    const res = await staff.request('POST', `/api/papers/${paper.id}/versions/2/withdraw`, { reason: 'Internal notes uploaded instead of the report' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: paper.id, versionCount: 1, latest: { number: 1, sha256: paper.latest.sha256 } });
    expect((await anonymous(hub).request('GET', v2.body.latest.downloadUrl)).status).toBe(404);
    expect((await anonymous(hub).request('GET', `/api/papers/${paper.id}/versions`)).body.items.map((v: { number: number }) => v.number)).toEqual([1]);
    expect(storedHashes()).not.toContain(sha256(wrong));
    const pack = await unzip((await download(anonymous(hub), `/api/events/${event.id}/meeting-pack.zip`)).raw);
    expect([...pack.values()].map(sha256)).toEqual([paper.latest.sha256]);
    const entry = await hub.deps.db.selectFrom('audit_log').select(['actor_id', 'before_json', 'after_json']).where('entity_id', '=', paper.id).where('action', '=', 'paper.version_withdrawn').executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(staff.user?.id);
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ number: 2, sha256: sha256(wrong) });
    expect(JSON.parse(entry.after_json ?? '{}')).toEqual({ reason: 'Internal notes uploaded instead of the report' });

    // The only version left cannot go alone: the whole paper is withdrawn instead.
    const last = await staff.request('POST', `/api/papers/${paper.id}/versions/1/withdraw`, { reason: 'Wrong file' });
    expect(last.status).toBe(409);
    expect(last.body.detail).toMatch(/only version/);
    expect((await staff.request('POST', `/api/papers/${paper.id}/versions/9/withdraw`, { reason: 'Wrong file' })).status).toBe(404);
  });

  it('withdraws a sensitive file marked public: gone from lists, downloads, the pack and the disk; its translation stays', async () => {
    const event = await makeEvent(hub, { visibility: 'public' });
    const agenda = await uploadPaper(hub, staff, event.id, { title: 'Agenda', kind: 'agenda', sensitivity: 'public' });
    const sensitive = [pdfBytes(300), pdfBytes(400)];
    const paper = await uploadPaper(hub, staff, event.id, { title: 'Case files', kind: 'annex', sensitivity: 'public', file: { name: 'cases.pdf', data: sensitive[0]! } });
    await upload(hub, staff, `/api/papers/${paper.id}/versions`, { file: { name: 'cases.pdf', data: sensitive[1]! } });
    const id = await uploadPaper(hub, staff, event.id, { title: 'Berkas kasus', kind: 'annex', language: 'id', translationOf: paper.id });
    hub.clock.advance(60_000);
    const th = await uploadPaper(hub, staff, event.id, { title: 'แฟ้มคดี', kind: 'annex', language: 'th', translationOf: paper.id });
    const urls = [`/api/papers/${paper.id}`, `/api/papers/${paper.id}/versions`, `/api/papers/${paper.id}/versions/1/file`, `/api/papers/${paper.id}/versions/2/file`];
    for (const url of urls) expect((await anonymous(hub).request('GET', url)).status).toBe(200);

    expect((await official.request('POST', `/api/papers/${paper.id}/withdraw`, { reason: 'Sensitive' })).status).toBe(403);
    expect((await anonymous(hub).request('POST', `/api/papers/${paper.id}/withdraw`, { reason: 'Sensitive' })).status).toBe(401);
    const res = await staff.request('POST', `/api/papers/${paper.id}/withdraw`, { reason: 'Contains case files: not for publication' });
    expect(res.status).toBe(200);

    for (const url of urls) expect((await anonymous(hub).request('GET', url)).status).toBe(404);
    const listed = await anonymous(hub).request('GET', `/api/events/${event.id}/papers`);
    expect(listed.body.items.map((p: { id: string }) => p.id).sort()).toEqual([agenda.id, id.id, th.id].sort());
    // The oldest translation is now the original the other names.
    expect(listed.body.items.find((p: { id: string }) => p.id === id.id)).toMatchObject({ translationOf: null, languageVersions: [{ id: th.id, language: 'th' }] });
    expect(listed.body.items.find((p: { id: string }) => p.id === th.id).translationOf).toBe(id.id);
    const pack = await unzip((await download(anonymous(hub), `/api/events/${event.id}/meeting-pack.zip`)).raw);
    expect(pack.size).toBe(3);
    const hashes = storedHashes();
    for (const data of sensitive) {
      expect([...pack.values()].map(sha256)).not.toContain(sha256(data));
      expect(hashes).not.toContain(sha256(data));
    }
    const entry = await hub.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_id', '=', paper.id).where('action', '=', 'paper.withdrawn').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toEqual({ reason: 'Contains case files: not for publication' });
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ title: 'Case files', sensitivity: 'public', versions: [{ number: 2 }, { number: 1 }] });
    expect((await staff.request('POST', `/api/papers/${paper.id}/withdraw`, { reason: 'Again' })).status).toBe(404);
  });
});

describe('who reads which paper', () => {
  it('applies sensitivity per role, participants included; a paper one may not read is neither listed nor found', async () => {
    const event = await makeEvent(hub, { visibility: 'public' });
    const participantUser = await makeUser(hub, { role: 'researcher' });
    await addParticipant(hub, event.id, { userId: participantUser.id, name: 'Registered Researcher', status: 'registered' });
    const nominatedUser = await makeUser(hub, { role: 'researcher' });
    await addParticipant(hub, event.id, { userId: nominatedUser.id, name: 'Only Nominated', status: 'nominated' });
    const papers: Record<string, string> = {};
    for (const s of ['public', 'members', 'participants', 'secretariat']) papers[s] = (await uploadPaper(hub, staff, event.id, { title: `Paper ${s}`, sensitivity: s, kind: 'annex' })).id;
    const seen = async (agent: Agent) => ((await agent.request('GET', `/api/events/${event.id}/papers`)).body.items as { sensitivity: string }[]).map((p) => p.sensitivity).sort();
    expect(await seen(anonymous(hub))).toEqual(['public']);
    expect(await seen(researcher)).toEqual(['public']);
    expect(await seen(await login(hub, nominatedUser))).toEqual(['public']);
    expect(await seen(official)).toEqual(['members', 'public']);
    expect(await seen(await login(hub, participantUser))).toEqual(['members', 'participants', 'public']);
    expect(await seen(staff)).toEqual(['members', 'participants', 'public', 'secretariat']);
    // Not listed means not found, by id, history or file.
    for (const url of [`/api/papers/${papers.secretariat}`, `/api/papers/${papers.secretariat}/versions`, `/api/papers/${papers.secretariat}/versions/1/file`]) {
      expect((await official.request('GET', url)).status).toBe(404);
    }
    expect((await anonymous(hub).request('GET', `/api/papers/${papers.members}/versions/1/file`)).status).toBe(404);
    expect((await anonymous(hub).request('GET', `/api/papers/${papers.public}/versions/1/file`)).status).toBe(200);
  });

  it('hides the papers of an event the viewer may not see (invited-only, draft)', async () => {
    const invited = await makeEvent(hub, { visibility: 'invited' });
    const paper = await uploadPaper(hub, staff, invited.id, { sensitivity: 'public' });
    expect((await official.request('GET', `/api/events/${invited.id}/papers`)).status).toBe(404);
    expect((await official.request('GET', `/api/papers/${paper.id}`)).status).toBe(404);
    expect((await official.request('GET', `/api/events/${invited.id}/meeting-pack.zip`)).status).toBe(404);
    await inviteMember(hub, invited.id, 'THA');
    expect((await official.request('GET', `/api/events/${invited.id}/papers`)).body.items).toHaveLength(1);
    const draft = await makeEvent(hub, { status: 'draft' });
    await uploadPaper(hub, staff, draft.id);
    expect((await anonymous(hub).request('GET', `/api/events/${draft.id}/papers`)).status).toBe(404);
    expect((await staff.request('GET', `/api/events/${draft.id}/papers`)).body.items).toHaveLength(1);
  });

  it("tells the event's participants and invited Members' coordinators of a new paper or version, as far as they may read it", async () => {
    const event = await makeEvent(hub, { visibility: 'members' });
    const coordinator = await makeUser(hub, { role: 'member_coordinator', memberScopes: ['FJI'] });
    await inviteMember(hub, event.id, 'FJI');
    const participant = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    await addParticipant(hub, event.id, { userId: participant.id, name: 'P', status: 'approved' });
    const outsider = await makeUser(hub, { role: 'member_coordinator', memberScopes: ['NZL'] });
    const mailTo = async (subject: string) => (await hub.deps.db.selectFrom('outbox').select('to_address').where('subject', '=', subject).where('kind', '=', 'paper_published').execute()).map((r) => r.to_address).sort();
    const paper = await uploadPaper(hub, staff, event.id, { title: 'Members paper', sensitivity: 'members' });
    expect(await mailTo('New paper: Members paper')).toEqual([coordinator.email, participant.email].sort());
    await uploadPaper(hub, staff, event.id, { title: 'Participants paper', sensitivity: 'participants' });
    expect(await mailTo('New paper: Participants paper')).toEqual([participant.email]);
    await uploadPaper(hub, staff, event.id, { title: 'Internal', sensitivity: 'secretariat' });
    expect(await mailTo('New paper: Internal')).toEqual([]);
    await upload(hub, staff, `/api/papers/${paper.id}/versions`, { file: { name: 'v2.pdf', data: pdfBytes() } });
    expect(await mailTo('Updated paper: Members paper (version 2)')).toEqual([coordinator.email, participant.email].sort());
    expect(await mailTo('New paper: Members paper')).not.toContain(outsider.email);
  });
});

describe('the meeting pack', () => {
  it('zips the latest version of every paper each viewer may read, named by paper and language', async () => {
    const event = await makeEvent(hub, { visibility: 'public' });
    const files: Record<string, Buffer> = {};
    const put = async (o: Parameters<typeof uploadPaper>[3], data: Buffer) => {
      const p = await uploadPaper(hub, staff, event.id, { ...o, file: { name: `x.${data[0] === 0x25 ? 'pdf' : 'docx'}`, data } });
      files[p.id] = data;
      return p;
    };
    const agenda = await put({ title: 'Agenda', kind: 'agenda', sensitivity: 'public' }, pdfBytes());
    const concept = await put({ title: 'Concept note', kind: 'concept_note', sensitivity: 'public' }, pdfBytes());
    await put({ title: 'Catatan konsep', kind: 'concept_note', sensitivity: 'public', language: 'id', translationOf: concept.id }, pdfBytes());
    await put({ title: 'Annex B: session notes', kind: 'annex', sensitivity: 'members' }, await docxBytes());
    await put({ title: 'Secretariat brief', kind: 'other', sensitivity: 'secretariat' }, pdfBytes());
    const newer = pdfBytes(100);
    await upload(hub, staff, `/api/papers/${agenda.id}/versions`, { file: { name: 'agenda.pdf', data: newer } });

    const forStaff = await download(staff, `/api/events/${event.id}/meeting-pack.zip`);
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers['content-type']).toBe('application/zip');
    expect(forStaff.headers['content-disposition']).toContain(`filename="${event.slug}-meeting-pack.zip"`);
    expect(Number(forStaff.headers['content-length'])).toBe(forStaff.raw.length);
    const staffZip = await unzip(forStaff.raw);
    expect([...staffZip.keys()]).toEqual([
      '01-concept-note-en.pdf',
      '01-catatan-konsep-id.pdf',
      '02-agenda-en.pdf',
      '03-annex-b-session-notes-en.docx',
      '04-secretariat-brief-en.pdf',
    ]);
    expect(sha256(staffZip.get('02-agenda-en.pdf') ?? Buffer.alloc(0))).toBe(sha256(newer));
    expect(sha256(staffZip.get('01-concept-note-en.pdf') ?? Buffer.alloc(0))).toBe(sha256(files[concept.id] ?? Buffer.alloc(0)));
    const uploadedHashes = new Set([...Object.entries(files)].filter(([id]) => id !== agenda.id).map(([, d]) => sha256(d)).concat(sha256(newer)));
    expect([...staffZip.values()].every((d) => uploadedHashes.has(sha256(d)))).toBe(true);

    const forPublic = await unzip((await download(anonymous(hub), `/api/events/${event.id}/meeting-pack.zip`)).raw);
    expect([...forPublic.keys()]).toEqual(['01-concept-note-en.pdf', '01-catatan-konsep-id.pdf', '02-agenda-en.pdf']);
    expect(sha256(forPublic.get('01-catatan-konsep-id.pdf') ?? Buffer.alloc(0))).toBe(sha256(staffZip.get('01-catatan-konsep-id.pdf') ?? Buffer.alloc(1)));

    const list = await anonymous(hub).request('GET', `/api/events/${event.id}/papers`);
    expect(list.body.meetingPack).toMatchObject({ papers: 3, url: `/api/events/${event.id}/meeting-pack.zip` });
  });

  it('ends the download, not the server, when a file has gone missing on disk', async () => {
    const event = await makeEvent(hub);
    const kept = await uploadPaper(hub, staff, event.id, { title: 'Kept' });
    const lost = await uploadPaper(hub, staff, event.id, { title: 'Lost' });
    const row = await hub.deps.db.selectFrom('paper_versions').select('storage_key').where('paper_id', '=', lost.id).executeTakeFirstOrThrow();
    fs.rmSync(path.join(hub.config.UPLOAD_DIR, row.storage_key));
    const broken = await hub.app.inject({ method: 'GET', url: `/api/events/${event.id}/meeting-pack.zip`, headers: { cookie: staff.cookie ?? '' } }).then((r) => r.rawPayload.length, () => -1);
    expect(broken).toBeLessThan(Number(kept.latest.size) + Number(lost.latest.size));
    expect((await staff.request('GET', `/api/papers/${lost.id}/versions/1/file`)).status).toBe(404);
    expect((await staff.request('GET', `/api/events/${event.id}/papers`)).status).toBe(200);
  });
});

describe('the participant list', () => {
  it('lists approved and registered participants who consented, as PDF rows and XLSX rows', async () => {
    const event = await makeEvent(hub, { title: 'Regional dialogue 2026' });
    const registered = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    await addParticipant(hub, event.id, { userId: registered.id, name: 'Somchai Example', organisation: 'Royal Thai Police', member: 'THA', status: 'registered' });
    await addParticipant(hub, event.id, { name: 'Dewi Example', organisation: 'Directorate General of Immigration', member: 'IDN', status: 'approved' });
    await addParticipant(hub, event.id, { name: 'Hidden Person', organisation: 'Secret Agency', member: 'FJI', status: 'registered', consent: false });
    await addParticipant(hub, event.id, { name: 'Nominee Only', organisation: 'Somewhere', member: 'NZL', status: 'nominated' });
    await addParticipant(hub, event.id, { name: 'Declined Person', member: 'PHL', status: 'declined' });

    const pdf = await download(staff, `/api/events/${event.id}/participant-list.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename="${event.slug}-participant-list.pdf"`);
    const lines = await pdfLines(pdf.raw);
    expect(lines).toContain('Regional dialogue 2026');
    const start = lines.indexOf('Name | Organisation | Member');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1)).toEqual(['Dewi Example | Directorate General of Immigration | Indonesia', 'Somchai Example | Royal Thai Police | Thailand']);
    expect(lines.join('\n')).not.toMatch(/Hidden|Nominee|Declined/);

    const xlsx = await download(await login(hub, registered), `/api/events/${event.id}/participant-list.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ExcelJS.Buffer);
    const rows: string[][] = [];
    wb.worksheets[0]?.eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows).toEqual([
      ['Name', 'Organisation', 'Member'],
      ['Dewi Example', 'Directorate General of Immigration', 'Indonesia'],
      ['Somchai Example', 'Royal Thai Police', 'Thailand'],
    ]);
  });

  it('is for the secretariat and registered participants only', async () => {
    const event = await makeEvent(hub);
    const approvedUser = await makeUser(hub, { role: 'official', memberScopes: ['THA'] });
    await addParticipant(hub, event.id, { userId: approvedUser.id, name: 'Approved Not Registered', status: 'approved' });
    expect((await anonymous(hub).request('GET', `/api/events/${event.id}/participant-list.pdf`)).status).toBe(401);
    expect((await official.request('GET', `/api/events/${event.id}/participant-list.pdf`)).status).toBe(403);
    expect((await (await login(hub, approvedUser)).request('GET', `/api/events/${event.id}/participant-list.xlsx`)).status).toBe(403);
    const list = await official.request('GET', `/api/events/${event.id}/papers`);
    expect(list.body.canDownloadParticipantList).toBe(false);
    expect((await staff.request('GET', `/api/events/${event.id}/papers`)).body.canDownloadParticipantList).toBe(true);
  });
});
