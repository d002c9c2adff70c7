import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { paperPatchSchema } from '@/contracts/papers';
import { paperUploadFieldsSchema, versionUploadFieldsSchema, type EventPapers, type Paper, type PaperVersionList } from '@/contracts/papers';
import { serializeOn } from '../../db/dialect';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { errors, type FieldError } from '../../platform/errors';
import type { FileStore } from '../../platform/files/file-store';
import type { Upload } from '../../platform/files/multipart';
import { requireActor } from '../../platform/permissions';
import { findVisibleEvent } from '../events/event-access';
import type { EventsTable } from '../events/events.tables';
import { participantListPdf, participantListXlsx } from './documents';
import { packEntries, zipStream } from './meeting-pack';
import { canDownloadParticipantList, canManagePapers, canReadPaper, isPublishedReport, type Standing } from './papers.policy';
import { downloadName, presentPaper, presentVersion } from './papers.presenter';
import { papersRepository, type PaperRow } from './papers.repository';
import type { PapersTable } from './papers.tables';

type PaperPatch = z.output<typeof paperPatchSchema>;

/** A file to stream to the client, with the headers it goes out with. */
export interface Download {
  body: Readable | Buffer;
  size: number | null;
  contentType: string;
  fileName: string;
}

const enc = encodeURIComponent;

/** Zod issues as the API's field errors. */
function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
}

/** Meeting papers: versions, language versions, sensitivity, downloads, the meeting pack and the participant list. */
export class PapersService {
  constructor(private readonly d: PlatformDeps, private readonly files: FileStore) {}

  /** The event (404 when the viewer may not see it) and where the viewer stands in it. */
  /** The event as the viewer may see it (404 otherwise), or `publishedEvent`: a published report's event, open to anyone. */
  private async access(ctx: RequestContext, eventId: string, publishedEvent?: EventsTable): Promise<{ event: EventsTable; standing: Standing }> {
    const event = publishedEvent ?? (await findVisibleEvent(this.d.db, ctx.actor, eventId));
    const participantStatus = ctx.actor ? await papersRepository.participantStatus(this.d.db, eventId, ctx.actor.id) : null;
    return { event, standing: { participantStatus } };
  }

  /** The papers of the event the viewer may read, with their latest versions. */
  private async visiblePapers(ctx: RequestContext, eventId: string): Promise<{ event: EventsTable; standing: Standing; papers: PaperRow[] }> {
    const { event, standing } = await this.access(ctx, eventId);
    const papers = (await papersRepository.papers(this.d.db, { eventId })).filter((p) => canReadPaper(ctx.actor, p.sensitivity, standing));
    return { event, standing, papers };
  }

  /** A paper the viewer may read, or 404 (a paper they may not read is not revealed). */
  private async readable(ctx: RequestContext, paperId: string): Promise<{ paper: PapersTable; event: EventsTable; standing: Standing }> {
    const paper = await papersRepository.paper(this.d.db, paperId);
    if (!paper) throw errors.notFound('The paper');
    const row = await papersRepository.event(this.d.db, paper.event_id);
    const published = !!row && isPublishedReport(paper, row);
    const { event, standing } = await this.access(ctx, paper.event_id, published ? row : undefined).catch(() => {
      throw errors.notFound('The paper');
    });
    if (!published && !canReadPaper(ctx.actor, paper.sensitivity, standing)) throw errors.notFound('The paper');
    return { paper, event, standing };
  }

  async list(ctx: RequestContext, eventId: string): Promise<EventPapers> {
    const { papers, standing } = await this.visiblePapers(ctx, eventId);
    const canEdit = canManagePapers(ctx.actor);
    const byRoot = new Map<string, PaperRow[]>();
    for (const p of papers) {
      const root = p.translation_of ?? p.id;
      byRoot.set(root, [...(byRoot.get(root) ?? []), p]);
    }
    return {
      items: papers.map((p) => presentPaper(p, byRoot.get(p.translation_of ?? p.id) ?? [], canEdit)),
      canUpload: canEdit,
      canDownloadParticipantList: canDownloadParticipantList(ctx.actor, standing),
      meetingPack: { papers: papers.length, size: papers.reduce((n, p) => n + p.version.size_bytes, 0), url: `/api/events/${enc(eventId)}/meeting-pack.zip` },
      maxUploadMb: this.d.config.UPLOAD_MAX_MB,
      participantList: { pdfUrl: `/api/events/${enc(eventId)}/participant-list.pdf`, xlsxUrl: `/api/events/${enc(eventId)}/participant-list.xlsx` },
    };
  }

  async get(ctx: RequestContext, paperId: string): Promise<Paper> {
    const { paper, standing } = await this.readable(ctx, paperId);
    const rows = await papersRepository.papers(this.d.db, { ids: (await papersRepository.group(this.d.db, paper.translation_of ?? paper.id)).map((p) => p.id) });
    const visible = rows.filter((p) => canReadPaper(ctx.actor, p.sensitivity, standing));
    const row = visible.find((p) => p.id === paperId);
    if (!row) throw errors.notFound('The paper');
    return presentPaper(row, visible, canManagePapers(ctx.actor));
  }

  async versions(ctx: RequestContext, paperId: string): Promise<PaperVersionList> {
    await this.readable(ctx, paperId);
    return { items: (await papersRepository.versions(this.d.db, paperId)).map(presentVersion) };
  }

  /** 401/403 before an upload is read: only the secretariat sends files. */
  authorizeUpload(ctx: RequestContext): Actor {
    const actor = requireActor(ctx);
    if (!canManagePapers(actor)) throw errors.forbidden('Only the secretariat uploads papers.');
    return actor;
  }

  /** Checks, before the upload is read, that the event exists (for the secretariat every event is visible). */
  async checkEvent(ctx: RequestContext, eventId: string): Promise<void> {
    this.authorizeUpload(ctx);
    await findVisibleEvent(this.d.db, ctx.actor, eventId);
  }

  async checkPaper(ctx: RequestContext, paperId: string): Promise<void> {
    this.authorizeUpload(ctx);
    if (!(await papersRepository.paper(this.d.db, paperId))) throw errors.notFound('The paper');
  }

  /** A new paper with its first version. The upload's file is kept only when everything else is valid. */
  async create(ctx: RequestContext, eventId: string, upload: Upload): Promise<Paper> {
    return this.keepingFile(upload, async () => {
      const actor = this.authorizeUpload(ctx);
      const event = await findVisibleEvent(this.d.db, actor, eventId);
      const parsed = paperUploadFieldsSchema.safeParse(upload.fields);
      if (!parsed.success) throw errors.validation(fieldErrors(parsed.error));
      const input = parsed.data;
      let translationOf: string | null = null;
      if (input.translationOf) {
        const original = await papersRepository.paper(this.d.db, input.translationOf);
        if (!original || original.event_id !== eventId) throw errors.field('translationOf', 'The paper to translate was not found in this event.');
        translationOf = original.translation_of ?? original.id;
        const group = await papersRepository.group(this.d.db, translationOf);
        if (group.some((p) => p.language === input.language)) {
          throw errors.field('language', `This paper already has a version in "${input.language}". Upload a new version of that one instead.`);
        }
      }
      const now = this.d.clock.now().toISOString();
      const paper: PapersTable = {
        id: newId(), event_id: eventId, kind: input.kind, title: input.title, language: input.language, sensitivity: input.sensitivity,
        translation_of: translationOf, created_by: actor.id, created_at: now, updated_at: now,
      };
      const stored = await this.files.keep(upload.file);
      try {
        const mail = await this.d.db.transaction().execute(async (trx) => {
          await papersRepository.insertPaper(trx, paper);
          const version = { id: newId(), paper_id: paper.id, number: 1, storage_key: stored.key, file_type: upload.file.type, content_type: upload.file.contentType, size_bytes: upload.file.size, sha256: upload.file.sha256, original_name: upload.file.originalName.slice(0, 255) || null, note: input.note ?? null, uploaded_by: actor.id, uploaded_at: now };
          await papersRepository.insertVersion(trx, version);
          await this.d.audit.record(trx, ctx, { action: 'paper.created', entity: 'paper', entityId: paper.id, after: { ...paper, version: auditedVersion(version) } });
          return this.notifyPublished(trx, event, paper, 1, actor.id);
        });
        await this.d.mailer.dispatch(mail);
      } catch (err) {
        await this.files.remove(stored.key);
        throw err;
      }
      return this.get(ctx, paper.id);
    });
  }

  /** A new version of a paper; the earlier ones stay, with who uploaded them and when. */
  async addVersion(ctx: RequestContext, paperId: string, upload: Upload): Promise<Paper> {
    return this.keepingFile(upload, async () => {
      const actor = this.authorizeUpload(ctx);
      const paper = await papersRepository.paper(this.d.db, paperId);
      if (!paper) throw errors.notFound('The paper');
      const event = await findVisibleEvent(this.d.db, actor, paper.event_id);
      const parsed = versionUploadFieldsSchema.safeParse(upload.fields);
      if (!parsed.success) throw errors.validation(fieldErrors(parsed.error));
      const stored = await this.files.keep(upload.file);
      try {
        const mail = await this.d.db.transaction().execute(async (trx) => {
          // Two new versions of one paper at once get consecutive numbers (SQLite writes one at a time already).
          await serializeOn(trx, this.d.dialect, `paper-version:${paperId}`);
          const now = this.d.clock.now().toISOString();
          const number = (await papersRepository.lastVersionNumber(trx, paperId)) + 1;
          const version = { id: newId(), paper_id: paperId, number, storage_key: stored.key, file_type: upload.file.type, content_type: upload.file.contentType, size_bytes: upload.file.size, sha256: upload.file.sha256, original_name: upload.file.originalName.slice(0, 255) || null, note: parsed.data.note ?? null, uploaded_by: actor.id, uploaded_at: now };
          await papersRepository.insertVersion(trx, version);
          await papersRepository.updatePaper(trx, paperId, { updated_at: now });
          await this.d.audit.record(trx, ctx, { action: 'paper.version_added', entity: 'paper', entityId: paperId, after: auditedVersion(version) });
          return this.notifyPublished(trx, event, paper, number, actor.id);
        });
        await this.d.mailer.dispatch(mail);
      } catch (err) {
        await this.files.remove(stored.key);
        throw err;
      }
      return this.get(ctx, paperId);
    });
  }

  /** Runs the work; when it fails, the upload's temporary file is removed (a kept file is the work's to remove). */
  private async keepingFile<T>(upload: Upload, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await this.files.discard(upload.file);
    }
  }

  async update(ctx: RequestContext, paperId: string, patch: PaperPatch): Promise<Paper> {
    const actor = this.authorizeUpload(ctx);
    const before = await papersRepository.paper(this.d.db, paperId);
    if (!before) throw errors.notFound('The paper');
    await findVisibleEvent(this.d.db, actor, before.event_id);
    if (patch.language && patch.language !== before.language) {
      const group = await papersRepository.group(this.d.db, before.translation_of ?? before.id);
      if (group.some((p) => p.id !== paperId && p.language === patch.language)) throw errors.field('language', `This paper already has a version in "${patch.language}".`);
    }
    const changes = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.sensitivity !== undefined ? { sensitivity: patch.sensitivity } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
    };
    await this.d.db.transaction().execute(async (trx) => {
      await papersRepository.updatePaper(trx, paperId, { ...changes, updated_at: this.d.clock.now().toISOString() });
      const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof PapersTable]]));
      await this.d.audit.record(trx, ctx, { action: 'paper.updated', entity: 'paper', entityId: paperId, before: was, after: changes });
    });
    return this.get(ctx, paperId);
  }

  /**
   * Withdraws a paper uploaded by mistake: the paper and every version go, with their files; the reason is audited.
   * Its language versions stay: the oldest becomes the original the others name.
   */
  async withdraw(ctx: RequestContext, paperId: string, reason: string): Promise<void> {
    const actor = this.authorizeUpload(ctx);
    const paper = await papersRepository.paper(this.d.db, paperId);
    if (!paper) throw errors.notFound('The paper');
    await findVisibleEvent(this.d.db, actor, paper.event_id);
    const versions = await this.d.db.transaction().execute(async (trx) => {
      await serializeOn(trx, this.d.dialect, `paper-version:${paperId}`);
      const versions = await papersRepository.versions(trx, paperId);
      if (paper.translation_of === null) {
        const [heir, ...rest] = (await papersRepository.group(trx, paperId))
          .filter((p) => p.id !== paperId)
          .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
        if (heir) {
          await papersRepository.setTranslationOf(trx, [heir.id], null);
          await papersRepository.setTranslationOf(trx, rest.map((p) => p.id), heir.id);
        }
      }
      await papersRepository.deletePaper(trx, paperId);
      await this.d.audit.record(trx, ctx, { action: 'paper.withdrawn', entity: 'paper', entityId: paperId, before: { ...paper, versions: versions.map(auditedVersion) }, after: { reason } });
      return versions;
    });
    // After the commit: a failed transaction keeps the files it still lists.
    for (const v of versions) await this.files.remove(v.storage_key);
  }

  /**
   * Withdraws one version (a wrong file uploaded as a new version); the others stay. A paper's only version cannot
   * go alone: the paper is withdrawn instead. The number is free again: the next upload takes the next after the
   * highest kept, so a mistaken latest version is replaced by its correction under the same number.
   */
  async withdrawVersion(ctx: RequestContext, paperId: string, number: number, reason: string): Promise<Paper> {
    const actor = this.authorizeUpload(ctx);
    const paper = await papersRepository.paper(this.d.db, paperId);
    if (!paper) throw errors.notFound('The paper');
    await findVisibleEvent(this.d.db, actor, paper.event_id);
    const version = await this.d.db.transaction().execute(async (trx) => {
      await serializeOn(trx, this.d.dialect, `paper-version:${paperId}`);
      const versions = await papersRepository.versions(trx, paperId);
      const version = versions.find((v) => v.number === number);
      if (!version) throw errors.notFound('The version');
      if (versions.length === 1) throw errors.conflict('This is the only version of the paper. Withdraw the whole paper instead.');
      await papersRepository.deleteVersion(trx, paperId, number);
      await papersRepository.updatePaper(trx, paperId, { updated_at: this.d.clock.now().toISOString() });
      await this.d.audit.record(trx, ctx, { action: 'paper.version_withdrawn', entity: 'paper', entityId: paperId, before: auditedVersion(version), after: { reason } });
      return version;
    });
    await this.files.remove(version.storage_key);
    return this.get(ctx, paperId);
  }

  /** One version's file, streamed from disk. */
  async download(ctx: RequestContext, paperId: string, number: number): Promise<Download> {
    const { paper } = await this.readable(ctx, paperId);
    const version = await papersRepository.version(this.d.db, paperId, number);
    if (!version) throw errors.notFound('The version');
    const { stream, size } = await this.files.open(version.storage_key);
    return { body: stream, size, contentType: version.content_type, fileName: downloadName(paper, version) };
  }

  /** The latest version of every paper the viewer may read, as one ZIP streamed from disk. */
  async meetingPack(ctx: RequestContext, eventId: string): Promise<Download> {
    const { event, papers } = await this.visiblePapers(ctx, eventId);
    const { stream, size } = zipStream(this.files, packEntries(papers));
    return { body: stream, size, contentType: 'application/zip', fileName: `${event.slug}-meeting-pack.zip` };
  }

  async participantList(ctx: RequestContext, eventId: string, format: 'pdf' | 'xlsx'): Promise<Download> {
    const actor = requireActor(ctx);
    const { event, standing } = await this.access(ctx, eventId);
    if (!canDownloadParticipantList(actor, standing)) throw errors.forbidden('The participant list is for the secretariat and the registered participants of this event.');
    const rows = await papersRepository.listedParticipants(this.d.db, eventId);
    const heading = { title: event.title, subtitle: [dateRange(event.start_date, event.end_date), event.place].filter(Boolean).join(' · '), generatedAt: this.d.clock.now() };
    const body = format === 'pdf' ? await participantListPdf(heading, rows) : await participantListXlsx(heading, rows);
    return {
      body,
      size: body.length,
      contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `${event.slug}-participant-list.${format}`,
    };
  }

  /**
   * Tells the event's participants (with accounts) and the coordinators of its invited Members that a paper or a
   * new version is out, each only if they may read the paper. Nobody hears of papers of a draft event.
   */
  private async notifyPublished(trx: Parameters<PlatformDeps['notifier']['notify']>[0], event: EventsTable, paper: PapersTable, number: number, uploaderId: string): Promise<string[]> {
    if (event.status === 'draft' || paper.sensitivity === 'secretariat') return [];
    const people = new Map<string, { role: string; status: string | null }>();
    for (const p of await papersRepository.participantUsers(trx, event.id)) people.set(p.user_id, { role: p.role, status: p.status });
    for (const id of await papersRepository.invitedCoordinators(trx, event.id)) if (!people.has(id)) people.set(id, { role: 'member_coordinator', status: null });
    const userIds = [...people].filter(([id, p]) => id !== uploaderId && canReadPaper(asReader(id, p.role), paper.sensitivity, { participantStatus: p.status })).map(([id]) => id);
    const updated = number > 1;
    return this.d.notifier.notify(trx, {
      kind: 'paper_published',
      userIds,
      subject: updated ? `Updated paper: ${paper.title} (version ${number})` : `New paper: ${paper.title}`,
      text: updated
        ? `A new version (${number}) of "${paper.title}" has been published for ${event.title}.`
        : `"${paper.title}" has been published for ${event.title}.`,
      link: `/events/${enc(event.id)}`,
    });
  }
}

/** The minimum of an actor the sensitivity rule reads, for someone who is not making the request. */
function asReader(id: string, role: string): Actor {
  return { id, role: role as Actor['role'], memberScopes: [], sessionId: '', mustEnrollTotp: false };
}

function auditedVersion(v: { number: number; storage_key: string; file_type: string; size_bytes: number; sha256: string; original_name: string | null; note: string | null }) {
  return { number: v.number, storageKey: v.storage_key, fileType: v.file_type, size: v.size_bytes, sha256: v.sha256, originalName: v.original_name, note: v.note };
}

/** "7–8 September 2022" (dates are the event's local dates). */
export function dateRange(start: string, end: string): string {
  const fmt = (d: string, parts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...parts, timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  if (start === end) return fmt(start, { day: 'numeric', month: 'long', year: 'numeric' });
  if (start.slice(0, 7) === end.slice(0, 7)) return `${fmt(start, { day: 'numeric' })}–${fmt(end, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${fmt(start, { day: 'numeric', month: 'long', year: 'numeric' })} – ${fmt(end, { day: 'numeric', month: 'long', year: 'numeric' })}`;
}
