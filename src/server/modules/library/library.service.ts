import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { librarySearchQuerySchema} from '@/contracts/library';
import {
  resourceInputSchema, resourcePatchSchema, type LibraryHit, type LibrarySearchResult,
  type LibrarySensitivity, type MarkedText, type Resource, type ResourceSummary,
} from '@/contracts/library';
import type { Actor, RequestContext } from '../../platform/context';
import { newId } from '../../platform/crypto';
import type { PlatformDeps } from '../../platform/deps';
import { AppError, errors, type FieldError } from '../../platform/errors';
import { slugFileName, type FileStore } from '../../platform/files/file-store';
import type { Upload } from '../../platform/files/multipart';
import { canSeeChannel, isSecretariat, requireActor } from '../../platform/permissions';
import { queryTokens } from '../../platform/search';
import { ExtractionError, extractText } from './library.extract';
import { ftsQuery, indexTokens, type FtsMatches } from './library.fts';
import { Catalogue, type Entry } from './library.catalogue';
import { libraryRepository } from './library.repository';
import { highlighter, markAll, snippet } from './library.snippet';
import type { LibraryResourcesTable } from './library.tables';

export const EXTRACT_JOB = 'library.extract';

type Input = z.output<typeof resourceInputSchema>;
type Patch = z.output<typeof resourcePatchSchema>;
type SearchQuery = z.output<typeof librarySearchQuerySchema>;

export interface Download {
  body: Readable;
  size: number;
  contentType: string;
  fileName: string;
}

/** File types whose text is extracted for search. */
const EXTRACTED = new Set(['pdf', 'docx', 'xlsx', 'txt', 'csv']);
/** File types the library takes. */
const ACCEPTED = new Set(['pdf', 'docx', 'xlsx']);
/** Characters of each result's text searched for a snippet: a first read, then (no match yet) the most. */
const SNIPPET_FIRST_SCAN = 20_000;
const SNIPPET_SCAN = 200_000;

/** The sensitivities a reader may see: the tiers of canSeeChannel (researchers and visitors: public only). */
export function visibleSensitivities(viewer: Actor | null): LibrarySensitivity[] {
  return (['public', 'members', 'secretariat'] as const).filter((s) => canSeeChannel(viewer, s, null));
}

export function canManageLibrary(viewer: Actor | null): boolean {
  return !!viewer && !viewer.mustEnrollTotp && isSecretariat(viewer);
}

const parseList = (json: string): string[] => JSON.parse(json) as string[];

function summary(r: LibraryResourcesTable): ResourceSummary {
  return {
    id: r.id, type: r.type as ResourceSummary['type'], title: r.title, description: r.description, themes: parseList(r.themes), countries: parseList(r.countries),
    languages: parseList(r.languages), year: r.year, publisher: r.publisher, sensitivity: r.sensitivity as LibrarySensitivity, hasFile: r.storage_key !== null,
    fileType: r.file_type, linkUrl: r.link_url,
  };
}

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
}

/**
 * One page of the hits in rank order: every word in the title first, then every word in the description or
 * publisher, then words found in the file's text only; within each band the default order (newest, then title).
 * The hits are put in their band (a flag per seq), and only the bands the page reaches into are sorted, as typed
 * arrays of catalogue positions (native numeric sort): a common prefix has tens of thousands of hits, mostly in the
 * text band, while the first page usually comes from the title band alone.
 */
function rankedPage(catalogue: Catalogue, hits: readonly Entry[], m: FtsMatches, offset: number, limit: number): Entry[] {
  const flags = new Uint8Array(catalogue.seqLimit);
  for (const seq of m.inTitle) flags[seq] = 2;
  for (const seq of m.inHead) flags[seq] = (flags[seq] ?? 0) | 1;
  const sizes = new Uint32Array(4);
  for (const e of hits) sizes[3 - (flags[e.seq] ?? 0)] = (sizes[3 - (flags[e.seq] ?? 0)] ?? 0) + 1;
  const bands = Array.from(sizes, (n) => new Uint32Array(n));
  const fill = new Uint32Array(4);
  for (const e of hits) {
    const b = 3 - (flags[e.seq] ?? 0);
    const at = fill[b] ?? 0;
    (bands[b] as Uint32Array)[at] = e.order;
    fill[b] = at + 1;
  }
  const page: Entry[] = [];
  let start = 0;
  for (const band of bands) {
    const end = start + band.length;
    if (end > offset && page.length < limit) {
      band.sort();
      for (let i = Math.max(0, offset - start); i < band.length && page.length < limit; i++) page.push(catalogue.ordered[band[i] as number] as Entry);
    }
    start = end;
  }
  return page;
}

/**
 * The knowledge library: resources with a file or a link, language versions, text extraction in a background job,
 * and search (full-text, ranked, with snippets and facets computed only over what the reader may see).
 */
export class LibraryService {
  private current: Catalogue | null = null;
  private loading: { version: number; promise: Promise<Catalogue> } | null = null;

  constructor(private readonly d: PlatformDeps, private readonly files: FileStore) {
    d.jobs.work(EXTRACT_JOB, (payload) => this.extract(String(payload.resourceId)));
  }

  private manager(ctx: RequestContext): Actor {
    const actor = requireActor(ctx);
    if (!canManageLibrary(actor)) throw errors.forbidden('Only the secretariat adds and edits library resources.');
    return actor;
  }

  /** A resource the viewer may read, or 404. */
  private async readable(ctx: RequestContext, id: string): Promise<LibraryResourcesTable> {
    const r = await libraryRepository.resource(this.d.db, id);
    if (!r || !visibleSensitivities(ctx.actor).includes(r.sensitivity as LibrarySensitivity)) throw errors.notFound('The resource');
    return r;
  }

  async get(ctx: RequestContext, id: string): Promise<Resource> {
    const r = await this.readable(ctx, id);
    const visible = visibleSensitivities(ctx.actor);
    const group = (await libraryRepository.group(this.d.db, r.translation_of ?? r.id)).filter((g) => g.id !== r.id && visible.includes(g.sensitivity as LibrarySensitivity));
    const manage = canManageLibrary(ctx.actor);
    const chars = manage && r.extraction_status === 'done' ? (await libraryRepository.text(this.d.db, r.id))?.length ?? 0 : 0;
    return {
      ...summary(r),
      translationOf: r.translation_of,
      languageVersions: group.map((g) => ({ id: g.id, title: g.title, languages: parseList(g.languages) })),
      file: r.storage_key && r.file_type && r.content_type
        ? { type: r.file_type, contentType: r.content_type, size: r.size_bytes ?? 0, downloadUrl: `/api/library/${encodeURIComponent(r.id)}/file` }
        : null,
      extraction: manage ? { status: r.extraction_status as 'none', error: r.extraction_error, characters: chars } : null,
      canEdit: manage,
      maxUploadMb: this.d.config.UPLOAD_MAX_MB,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** Themes, Members and the original of a translation must exist. */
  private async check(input: Partial<Input>, selfId?: string): Promise<string | null | undefined> {
    const problems: FieldError[] = [];
    if (input.themes?.length) {
      const known = new Set((await libraryRepository.themeCodes(this.d.db)).map((t) => t.code));
      input.themes.forEach((t, i) => { if (!known.has(t)) problems.push({ field: `themes.${i}`, message: `"${t}" is not one of the shared concerns.` }); });
    }
    if (input.countries?.length) {
      const known = new Set((await libraryRepository.memberCodes(this.d.db)).map((t) => t.code));
      input.countries.forEach((c, i) => { if (!known.has(c)) problems.push({ field: `countries.${i}`, message: `"${c}" is not a Member or Observer code.` }); });
    }
    let root: string | null | undefined = input.translationOf === undefined ? undefined : null;
    if (input.translationOf) {
      const original = await libraryRepository.resource(this.d.db, input.translationOf);
      if (!original) problems.push({ field: 'translationOf', message: 'The resource this translates was not found.' });
      else {
        root = original.translation_of ?? original.id;
        if (root === selfId) problems.push({ field: 'translationOf', message: 'A resource cannot be a translation of itself.' });
      }
    }
    if (problems.length) throw errors.validation(problems);
    return root;
  }

  async create(ctx: RequestContext, body: unknown): Promise<Resource> {
    const actor = this.manager(ctx);
    const parsed = resourceInputSchema.safeParse(body);
    if (!parsed.success) throw errors.validation(fieldErrors(parsed.error));
    const input = parsed.data;
    const root = await this.check(input);
    const now = this.d.clock.now().toISOString();
    const id = newId();
    await this.d.db.transaction().execute(async (trx) => {
      const row: LibraryResourcesTable = {
        id, seq: await libraryRepository.nextSeq(trx), type: input.type, title: input.title, description: input.description, themes: JSON.stringify(input.themes),
        countries: JSON.stringify(input.countries), languages: JSON.stringify(input.languages), year: input.year, publisher: input.publisher, sensitivity: input.sensitivity,
        translation_of: root ?? null, link_url: input.linkUrl, storage_key: null, file_type: null, content_type: null, size_bytes: null, sha256: null, original_name: null,
        extraction_status: 'none', extraction_error: null, created_by: actor.id, created_at: now, updated_at: now,
      };
      await libraryRepository.insert(trx, row);
      await libraryRepository.writeIndex(trx, this.d.dialect, row.seq, indexTokens(row, null));
      await this.d.audit.record(trx, ctx, { action: 'library.created', entity: 'library_resource', entityId: id, after: { ...row, seq: undefined } });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, body: unknown): Promise<Resource> {
    this.manager(ctx);
    const parsed = resourcePatchSchema.safeParse(body);
    if (!parsed.success) throw errors.validation(fieldErrors(parsed.error));
    const patch: Patch = parsed.data;
    const before = await libraryRepository.resource(this.d.db, id);
    if (!before) throw errors.notFound('The resource');
    const root = await this.check(patch, id);
    const changes: Partial<LibraryResourcesTable> = {
      ...(patch.type !== undefined ? { type: patch.type } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.themes !== undefined ? { themes: JSON.stringify(patch.themes) } : {}),
      ...(patch.countries !== undefined ? { countries: JSON.stringify(patch.countries) } : {}),
      ...(patch.languages !== undefined ? { languages: JSON.stringify(patch.languages) } : {}),
      ...(patch.year !== undefined ? { year: patch.year } : {}),
      ...(patch.publisher !== undefined ? { publisher: patch.publisher } : {}),
      ...(patch.sensitivity !== undefined ? { sensitivity: patch.sensitivity } : {}),
      ...(patch.linkUrl !== undefined ? { link_url: patch.linkUrl } : {}),
      ...(root !== undefined ? { translation_of: root } : {}),
    };
    await this.d.db.transaction().execute(async (trx) => {
      await libraryRepository.update(trx, id, { ...changes, updated_at: this.d.clock.now().toISOString() });
      const after = { ...before, ...changes };
      const text = await libraryRepository.text(trx, id);
      await libraryRepository.writeIndex(trx, this.d.dialect, before.seq, indexTokens(after, text));
      const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof LibraryResourcesTable]]));
      await this.d.audit.record(trx, ctx, { action: 'library.updated', entity: 'library_resource', entityId: id, before: was, after: changes });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    this.manager(ctx);
    const before = await libraryRepository.resource(this.d.db, id);
    if (!before) throw errors.notFound('The resource');
    await this.d.db.transaction().execute(async (trx) => {
      await libraryRepository.remove(trx, this.d.dialect, before);
      await this.d.audit.record(trx, ctx, { action: 'library.deleted', entity: 'library_resource', entityId: id, before: { ...before, seq: undefined } });
    });
    if (before.storage_key) await this.files.remove(before.storage_key);
  }

  /** 401/403/404 before an upload is read. */
  async checkUpload(ctx: RequestContext, id: string): Promise<void> {
    this.manager(ctx);
    if (!(await libraryRepository.resource(this.d.db, id))) throw errors.notFound('The resource');
  }

  /** Attaches (or replaces) the resource's file; its text is extracted by a background job after the commit. */
  async attachFile(ctx: RequestContext, id: string, upload: Upload): Promise<Resource> {
    try {
      this.manager(ctx);
      const before = await libraryRepository.resource(this.d.db, id);
      if (!before) throw errors.notFound('The resource');
      if (!ACCEPTED.has(upload.file.type)) {
        throw new AppError(415, 'unsupported_file', 'The library takes PDF, Word (.docx) and Excel (.xlsx) files. Save the file in one of these formats and upload it again.');
      }
      const stored = await this.files.keep(upload.file);
      const now = this.d.clock.now().toISOString();
      const file = {
        storage_key: stored.key, file_type: upload.file.type, content_type: upload.file.contentType, size_bytes: upload.file.size, sha256: upload.file.sha256,
        original_name: upload.file.originalName.slice(0, 255) || null, extraction_status: EXTRACTED.has(upload.file.type) ? 'pending' : 'none', extraction_error: null, updated_at: now,
      };
      try {
        await this.d.db.transaction().execute(async (trx) => {
          await libraryRepository.update(trx, id, file);
          await trx.deleteFrom('library_texts').where('resource_id', '=', id).execute();
          await libraryRepository.writeIndex(trx, this.d.dialect, before.seq, indexTokens(before, null));
          await this.d.audit.record(trx, ctx, {
            action: 'library.file_attached', entity: 'library_resource', entityId: id,
            before: before.storage_key ? { storageKey: before.storage_key, sha256: before.sha256, size: before.size_bytes } : undefined,
            after: { storageKey: stored.key, fileType: file.file_type, size: file.size_bytes, sha256: file.sha256, originalName: file.original_name },
          });
        });
      } catch (err) {
        await this.files.remove(stored.key);
        throw err;
      }
      if (before.storage_key) await this.files.remove(before.storage_key);
      if (file.extraction_status === 'pending') await this.d.jobs.send(EXTRACT_JOB, { resourceId: id });
      return await this.get(ctx, id);
    } finally {
      await this.files.discard(upload.file);
    }
  }

  /**
   * The job: reads the file's text and indexes it. A file that cannot be read stays, marked `failed` with the
   * reason; the job itself never fails for it (only for a database error, to be retried).
   */
  async extract(resourceId: string): Promise<void> {
    const r = await libraryRepository.resource(this.d.db, resourceId);
    if (!r?.storage_key || !r.file_type) return;
    const key = r.storage_key;
    let text: string | null = null;
    let failure: string | null = null;
    try {
      text = await extractText(r.file_type, await fsp.readFile(this.files.pathOf(key)));
      if (text.trim() === '') failure = 'No text was found in the file (a scanned document without a text layer?). It can be downloaded, but its contents are not searchable.';
    } catch (err) {
      failure = err instanceof ExtractionError ? err.message : `The file's text could not be read (${(err as Error).message || 'unknown error'}).`;
      this.d.log.warn({ resourceId, err: (err as Error).message }, 'library text extraction failed');
    }
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      const current = await libraryRepository.resource(trx, resourceId);
      if (!current || current.storage_key !== key) return; // replaced or removed meanwhile: its own job handles it
      if (failure !== null || text === null) {
        await libraryRepository.update(trx, resourceId, { extraction_status: 'failed', extraction_error: failure });
        return;
      }
      await libraryRepository.saveText(trx, resourceId, text, now);
      await libraryRepository.writeIndex(trx, this.d.dialect, current.seq, indexTokens(current, text));
      await libraryRepository.update(trx, resourceId, { extraction_status: 'done', extraction_error: null });
    });
  }

  async download(ctx: RequestContext, id: string): Promise<Download> {
    const r = await this.readable(ctx, id);
    if (!r.storage_key || !r.content_type || !r.file_type) throw errors.notFound('The file');
    const { stream, size } = await this.files.open(r.storage_key);
    return { body: stream, size, contentType: r.content_type, fileName: `${slugFileName(r.title) || 'resource'}.${r.file_type}` };
  }

  async search(ctx: RequestContext, query: SearchQuery): Promise<LibrarySearchResult> {
    const visible = visibleSensitivities(ctx.actor);
    const q = query.q?.trim() ?? '';
    const tokens = q ? queryTokens(q) : [];
    const empty: LibrarySearchResult = { total: 0, items: [], facets: { theme: [], country: [], type: [], year: [], language: [] }, nextCursor: null, canCreate: canManageLibrary(ctx.actor) };
    if (q && tokens.length === 0) return empty;
    const offset = query.cursor ? Number(query.cursor) : 0;
    if (!Number.isSafeInteger(offset) || offset < 0) throw errors.field('cursor', 'The cursor is not valid.');

    const filters = { theme: query.theme, country: query.country, type: query.type, year: query.year, language: query.language };
    // The version check and the full-text query side by side (two connections on PostgreSQL).
    const [catalogue, m] = await Promise.all([
      this.catalogue(),
      tokens.length ? libraryRepository.matches(this.d.db, this.d.dialect, ftsQuery(this.d.dialect, tokens)) : null,
    ]);
    let hits: Entry[];
    let page: Entry[];
    if (m) {
      hits = catalogue.pick(m.seqs, visible, filters);
      page = rankedPage(catalogue, hits, m, offset, query.limit);
    } else {
      hits = catalogue.all(visible, filters);
      page = hits.slice(offset, offset + query.limit);
    }
    const facets = catalogue.countFacets(hits);
    const ids = page.map((h) => h.id);
    const full = await libraryRepository.resources(this.d.db, ids);
    const byId = new Map(full.map((r) => [r.id, r]));
    const re = q ? highlighter(q) : null;
    // Snippets from the description where the words are there; the file's text is read only for the others, and
    // only its start first (most matches are early; a long text is read further only when needed).
    const fromDescription = new Map(full.map((r) => [r.id, snippet(r.description, re)]));
    const fromText = new Map<string, MarkedText | null>();
    let pending = re ? full.filter((r) => !fromDescription.get(r.id)).map((r) => r.id) : [];
    for (const chars of [SNIPPET_FIRST_SCAN, SNIPPET_SCAN]) {
      if (pending.length === 0) break;
      const texts = await libraryRepository.texts(this.d.db, pending, chars);
      pending = pending.filter((id) => {
        const text = texts.get(id) ?? '';
        const found = snippet(text, re, undefined, chars);
        if (found || text.length < chars) fromText.set(id, found);
        return !found && text.length >= chars;
      });
    }
    const items = page.flatMap((h): LibraryHit[] => {
      const r = byId.get(h.id);
      // Checked again on the row itself: a write racing this search (its version read) never shows what it hides.
      if (!r || !visible.includes(r.sensitivity as LibrarySensitivity)) return [];
      const d = fromDescription.get(r.id);
      const t = fromText.get(r.id);
      return [{
        ...summary(r),
        titleMarks: markAll(r.title, re),
        snippet: d ? { ...d, source: 'description' } : t ? { ...t, source: 'text' } : null,
      }];
    });
    return { ...empty, total: hits.length, items, facets, nextCursor: offset + query.limit < hits.length ? String(offset + query.limit) : null };
  }

  /**
   * The catalogue at the database's current library_version: one indexed read per search, a rebuild (all
   * resources' metadata, no text) only after a library write. Concurrent searches share one rebuild.
   */
  private async catalogue(): Promise<Catalogue> {
    const version = await libraryRepository.version(this.d.db);
    if (this.current?.version === version) return this.current;
    if (this.loading?.version !== version) {
      const promise = libraryRepository.catalogue(this.d.db).then((rows) => new Catalogue(version, rows));
      this.loading = { version, promise };
      promise.then((c) => {
        if (!this.current || this.current.version < c.version) this.current = c;
      }, () => undefined).finally(() => {
        if (this.loading?.promise === promise) this.loading = null;
      });
    }
    return this.loading.promise;
  }
}
