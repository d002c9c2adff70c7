import type { z } from 'zod';
import type { Publication, PublicationList, publicationListQuery } from '@/contracts/publications';
import type { RequestContext } from '../../platform/context';
import type { PlatformDeps } from '../../platform/deps';
import { publicationsRepository as repo, type ReportRow } from './publications.repository';

const enc = encodeURIComponent;

function file(r: ReportRow): Publication['file'] {
  return { url: `/api/papers/${enc(r.id)}/versions/${r.number}/file`, fileType: r.file_type, sizeBytes: Number(r.size_bytes), version: Number(r.number), updatedAt: new Date(r.uploaded_at).toISOString() };
}

/**
 * The published reports list: the same reports for every reader, signed in or not (what the secretariat published
 * to the public; see papers.policy isPublishedReport). Only the link to the meeting's page depends on the reader.
 */
export class PublicationsService {
  constructor(private readonly d: PlatformDeps) {}

  async list(ctx: RequestContext, query: z.output<typeof publicationListQuery>): Promise<PublicationList> {
    const [rows, years] = await Promise.all([repo.originals(this.d.db, query), repo.years(this.d.db)]);
    const [translations, open] = await Promise.all([repo.translations(this.d.db, rows.map((r) => r.id)), repo.openEvents(this.d.db, ctx.actor, [...new Set(rows.map((r) => r.event_id))])]);
    const total = Number(rows[0]?.total ?? 0);
    return {
      items: rows.map((r) => ({
        id: r.id, title: r.title, language: r.language,
        event: { id: r.event_id, title: r.event_title, type: r.event_type, startDate: r.start_date, endDate: r.end_date, place: r.place, open: open.has(r.event_id) },
        file: file(r),
        translations: translations.filter((t) => t.translation_of === r.id).map((t) => ({ id: t.id, title: t.title, language: t.language, file: file(t) })),
      })),
      total,
      years,
      nextOffset: query.offset + rows.length < total ? query.offset + rows.length : null,
    };
  }
}
