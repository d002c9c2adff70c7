/* eslint-disable @typescript-eslint/no-explicit-any -- test support: answers are loosely typed JSON, read as the tests read them */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Agent, TestHub } from '../../../../test/helpers/hub';
import { newId } from '../../platform/crypto';

/**
 * Factories for the papers tests (and the permission-matrix probes): events and participants written straight to
 * the database, multipart uploads through the real API, and small files of each type.
 */

export async function makeEvent(hub: TestHub, o: { visibility?: 'public' | 'members' | 'invited'; status?: 'draft' | 'published'; title?: string } = {}): Promise<{ id: string; slug: string }> {
  const id = newId();
  const now = hub.clock.now().toISOString();
  const slug = `papers-test-${id.slice(0, 8)}`;
  await hub.deps.db.insertInto('events').values({
    id, slug, title: o.title ?? 'Regional dialogue on papers', title_local: null, summary: null, type: 'thematic_dialogue', format: 'in_person',
    place: 'Bangkok', online_url: null, time_zone: 'Asia/Bangkok', start_date: '2026-09-07', end_date: '2026-09-08',
    starts_at: '2026-09-06T17:00:00.000Z', ends_at: '2026-09-08T16:59:59.999Z', visibility: o.visibility ?? 'public', status: o.status ?? 'published',
    working_group_code: null, series: null, themes: '[]', capacity: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  return { id, slug };
}

export async function addParticipant(hub: TestHub, eventId: string, o: { userId?: string; name: string; organisation?: string; member?: string; status?: string; consent?: boolean }): Promise<string> {
  const id = newId();
  const now = hub.clock.now().toISOString();
  await hub.deps.db.insertInto('event_participants').values({
    id, event_id: eventId, user_id: o.userId ?? null, person_id: null, name: o.name, email: null, organisation: o.organisation ?? null, member_code: o.member ?? null,
    status: o.status ?? 'registered', nominated_by: null, decided_by: null, decided_at: null, registered_at: o.status === 'registered' || !o.status ? now : null,
    consent_listed: o.consent === false ? 0 : 1, checked_in_at: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

export async function inviteMember(hub: TestHub, eventId: string, memberCode: string): Promise<void> {
  await hub.deps.db.insertInto('event_invitations').values({ id: newId(), event_id: eventId, member_code: memberCode, agency_id: null, user_id: null, quota: 3, created_at: hub.clock.now().toISOString() }).execute();
}

export interface UploadPart {
  file?: { name: string; data: Buffer; type?: string };
  fields?: Record<string, string>;
  /** Put the file before the fields (a form may send them in any order). */
  fileFirst?: boolean;
  /** Send the body as a stream without Content-Length (as a chunked upload). */
  chunked?: boolean;
}

export function multipartBody(p: UploadPart): { body: Buffer; boundary: string } {
  const boundary = `----hubtest${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const file = (f: NonNullable<UploadPart['file']>) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`),
    f.data,
    Buffer.from('\r\n'),
  ]);
  const fields = Object.entries(p.fields ?? {}).map(([k, v]) => field(k, v));
  if (p.file && p.fileFirst) parts.push(file(p.file));
  parts.push(...fields);
  if (p.file && !p.fileFirst) parts.push(file(p.file));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), boundary };
}

/** Sends a multipart upload as the agent (with its session cookie and CSRF token). */
export async function upload(hub: TestHub, agent: Agent, url: string, p: UploadPart): Promise<{ status: number; body: any }> {
  const { body, boundary } = multipartBody(p);
  const res = await hub.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(agent.cookie ? { cookie: agent.cookie } : {}),
      'x-csrf-token': agent.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(p.chunked ? { 'transfer-encoding': 'chunked' } : {}),
    },
    payload: p.chunked ? Readable.from([body.subarray(0, 1000), body.subarray(1000)]) : body,
  });
  let parsed: unknown = res.body;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body: parsed };
}

export async function uploadPaper(hub: TestHub, agent: Agent, eventId: string, o: { title?: string; kind?: string; language?: string; sensitivity?: string; translationOf?: string; file?: { name: string; data: Buffer } } = {}): Promise<any> {
  const res = await upload(hub, agent, `/api/events/${eventId}/papers`, {
    fields: { kind: o.kind ?? 'concept_note', title: o.title ?? 'Concept note', language: o.language ?? 'en', sensitivity: o.sensitivity ?? 'public', ...(o.translationOf ? { translationOf: o.translationOf } : {}) },
    file: o.file ?? { name: 'concept-note.pdf', data: pdfBytes() },
  });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A small, well-formed PDF (one empty page), different each time. */
export function pdfBytes(padding = 0): Buffer {
  const noise = crypto.randomBytes(8).toString('hex');
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj % ${noise}`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${o}\n`;
  }
  body += `% ${'x'.repeat(padding)}\n`;
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer << /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A ZIP archive of the given entries (deflated), built in memory. */
export function zipBytes(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** The skeleton of a Word document: enough for the content check. */
export function docxBytes(): Promise<Buffer> {
  return zipBytes({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Annex</w:t></w:r></w:p></w:body></w:document>',
  });
}

/** A 1×1 PNG. */
export const pngBytes = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export const sha256 = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');
