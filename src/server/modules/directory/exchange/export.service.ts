import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { ExportFormat, vcardExportQuerySchema } from '@/contracts/directory-exchange';
import type { ContactChannelsTable } from '../../../db/schema';
import type { RequestContext } from '../../../platform/context';
import type { PlatformDeps } from '../../../platform/deps';
import { errors } from '../../../platform/errors';
import { canSeeChannel } from '../../../platform/permissions';
import { queryTokens } from '../../../platform/search';
import { freshCutoff, freshnessOf } from '../freshness';
import { searchRepository } from '../search.repository';
import { csvLine, UTF8_BOM } from './csv';
import { exportRepository } from './export.repository';
import { exportHeader } from './import-columns';
import { agencyTypeLabel } from './import-plan';
import { vcard, type VCardPerson } from './vcard';

/** The directory filters and search words. */
type Filter = z.output<typeof vcardExportQuerySchema>;

/** More search candidates than any directory has records: the export takes every record that matches. */
const ALL_MATCHES = 10_000_000;

/** A file to send: the body is built (CSV, vCard) or streamed (XLSX) after the audit entries are written. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable | string;
  rows: number;
}

/** The export's columns, in order. Those an import reads carry the import's own column names. */
const COLUMNS = [
  exportHeader('memberCode'), 'Member', exportHeader('agencyNameEn'), exportHeader('agencyNameLocal'), exportHeader('acronym'), exportHeader('agencyType'),
  exportHeader('mandates'), exportHeader('positionTitle'), exportHeader('workingGroup'), exportHeader('personNameLatin'), exportHeader('personNameLocal'),
  exportHeader('personTitle'), exportHeader('email'), exportHeader('phone'), exportHeader('mobile'), exportHeader('emailVisibility'), exportHeader('phoneVisibility'),
  'Freshness', 'Last confirmed', exportHeader('agencyId'), exportHeader('positionId'), exportHeader('personId'),
] as const;
const WIDTHS = [10, 18, 40, 40, 10, 18, 40, 36, 12, 28, 28, 14, 34, 20, 20, 16, 16, 11, 14, 38, 38, 38];

interface Holder {
  id: string;
  nameLatin: string;
  nameLocal: string | null;
  title: string | null;
  languages: string[];
  updatedAt: string;
  channels: ContactChannelsTable[];
}

interface Line {
  cells: string[];
  /** What the search words may match on this row: its Member, agency, position, and the holder when shown. */
  docs: { member: string; agency: string; position: string | null; person: string | null };
  holder: Holder | null;
  agency: { nameEn: string; nameLocal: string | null };
  positionTitle: string | null;
}

/**
 * The directory as a spreadsheet (CSV or XLSX, one row per position) or as vCards, for anyone, with exactly what the
 * reader may see: contact channels by visibility tier, and for anonymous readers only people with a public channel.
 * Each export is audited, and so is every channel above the public tier that it contains.
 */
export class DirectoryExportService {
  constructor(private readonly d: PlatformDeps) {}

  async table(ctx: RequestContext, filter: Filter, format: ExportFormat): Promise<ExportFile> {
    const lines = await this.lines(ctx, filter);
    await this.audit(ctx, filter, format, lines);
    const fileName = this.fileName(filter, format);
    if (format === 'csv') {
      const body = Readable.from(csvChunks(lines));
      return { fileName, contentType: 'text/csv; charset=utf-8', body, rows: lines.length };
    }
    return { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: this.xlsx(lines), rows: lines.length };
  }

  /** One vCard per person the reader may see, holding a position that passes the filters. */
  async vcards(ctx: RequestContext, filter: Filter): Promise<ExportFile> {
    const lines = (await this.lines(ctx, filter)).filter((l) => l.holder);
    const seen = new Set<string>();
    const cards: string[] = [];
    const people: Line[] = [];
    for (const l of lines) {
      if (!l.holder || seen.has(l.holder.id)) continue;
      seen.add(l.holder.id);
      people.push(l);
      cards.push(vcard(this.card(l.holder, l.agency, l.positionTitle)));
    }
    await this.audit(ctx, filter, 'vcf', people);
    return { fileName: this.fileName(filter, 'vcf'), contentType: 'text/vcard; charset=utf-8', body: cards.join(''), rows: people.length };
  }

  /** One person's vCard. Anonymous readers get it only when the person has a public channel, as with the person page. */
  async person(ctx: RequestContext, id: string): Promise<ExportFile> {
    const found = await exportRepository.person(this.d.db, id);
    if (!found) throw errors.notFound('The person');
    const { person, holding } = found;
    const channels = (await exportRepository.channels(this.d.db, [id])).get(id) ?? [];
    const visible = channels.filter((c) => canSeeChannel(ctx.actor, c.visibility, person.user_id));
    if (!ctx.actor && !visible.some((c) => c.visibility === 'public')) throw errors.notFound('The person');
    const restricted = visible.filter((c) => c.visibility !== 'public');
    if (restricted.length) {
      await this.d.audit.record(this.d.db, ctx, { action: 'contact.read', entity: 'person', entityId: id, after: { channels: restricted.map((c) => ({ id: c.id, kind: c.kind, visibility: c.visibility })), as: 'vcard' } });
    }
    const holder: Holder = { id, nameLatin: person.name_latin, nameLocal: person.name_local, title: person.title, languages: JSON.parse(person.languages) as string[], updatedAt: person.updated_at, channels: visible };
    const body = vcard(this.card(holder, holding ? { nameEn: holding.name_en, nameLocal: holding.name_local } : null, holding?.title ?? null));
    return { fileName: `${slug(person.name_latin) || 'contact'}.vcf`, contentType: 'text/vcard; charset=utf-8', body, rows: 1 };
  }

  /** `h.channels` are already only those the reader may see. */
  private card(h: Holder, agency: Line['agency'] | null, positionTitle: string | null): VCardPerson {
    return {
      id: h.id, nameLatin: h.nameLatin, nameLocal: h.nameLocal, title: h.title, languages: h.languages,
      channels: h.channels,
      organisation: agency, positionTitle, updatedAt: h.updatedAt,
    };
  }

  /** The rows of the export, with what this reader may see. */
  private async lines(ctx: RequestContext, filter: Filter): Promise<Line[]> {
    const interval = this.d.config.CONFIRMATION_INTERVAL_DAYS;
    const now = this.d.clock.now();
    const f = { ...filter, freshCutoff: freshCutoff(now, interval) };
    const [positions, empty, names] = await Promise.all([
      exportRepository.positions(this.d.db, f),
      filter.workingGroup || filter.freshness ? Promise.resolve([]) : exportRepository.emptyAgencies(this.d.db, f),
      exportRepository.referenceNames(this.d.db),
    ]);
    const personIds = [...new Set(positions.flatMap((p) => (p.person_id ? [p.person_id] : [])))];
    const [channels, mandates] = await Promise.all([
      exportRepository.channels(this.d.db, personIds),
      exportRepository.mandates(this.d.db, [...new Set([...positions.map((p) => p.agency_id), ...empty.map((a) => a.agency_id)])]),
    ]);
    const agencyCells = (a: { member_code: string; member_name: string; agency_name_en: string; agency_name_local: string | null; acronym: string | null; agency_type: string; agency_id: string }) => [
      a.member_code, a.member_name, a.agency_name_en, a.agency_name_local ?? '', a.acronym ?? '', agencyTypeLabel(a.agency_type),
      (mandates.get(a.agency_id) ?? []).map((m) => names.mandates.get(m) ?? m).join('; '),
    ];
    const lines: Line[] = positions.map((p) => {
      const all = p.person_id ? (channels.get(p.person_id) ?? []) : [];
      const visible = all.filter((c) => canSeeChannel(ctx.actor, c.visibility, p.user_id));
      // Anonymous readers see who holds a position only when that person has a public channel.
      const showHolder = !!p.person_id && (!!ctx.actor || visible.some((c) => c.visibility === 'public'));
      const of = (kinds: readonly string[]) => (showHolder ? visible.filter((c) => kinds.includes(c.kind)) : []);
      const emails = of(['email']);
      const phones = of(['phone']);
      const mobiles = of(['mobile']);
      const { freshness } = freshnessOf({ holder_id: p.person_id, last_confirmed_at: p.last_confirmed_at }, now, interval);
      const holder: Holder | null =
        showHolder && p.person_id
          ? { id: p.person_id, nameLatin: p.name_latin ?? '', nameLocal: p.name_local, title: p.person_title, languages: JSON.parse(p.languages ?? '[]') as string[], updatedAt: p.person_updated_at ?? now.toISOString(), channels: visible }
          : null;
      return {
        holder,
        docs: { member: p.member_code, agency: p.agency_id, position: p.position_id, person: holder?.id ?? null },
        agency: { nameEn: p.agency_name_en, nameLocal: p.agency_name_local },
        positionTitle: p.position_title,
        cells: [
          ...agencyCells(p),
          p.position_title, p.working_group_code ?? '',
          holder?.nameLatin ?? '', holder?.nameLocal ?? '', holder?.title ?? '',
          emails.map((c) => c.value).join('; '), phones.map((c) => c.value).join('; '), mobiles.map((c) => c.value).join('; '),
          emails.map((c) => c.visibility).join('; '), [...phones, ...mobiles].map((c) => c.visibility).join('; '),
          freshness, p.last_confirmed_at?.slice(0, 10) ?? '', p.agency_id, p.position_id, holder?.id ?? '',
        ],
      };
    });
    for (const a of empty) {
      lines.push({ holder: null, docs: { member: a.member_code, agency: a.agency_id, position: null, person: null }, agency: { nameEn: a.agency_name_en, nameLocal: a.agency_name_local }, positionTitle: null, cells: [...agencyCells(a), ...Array<string>(12).fill(''), a.agency_id, '', ''] });
    }
    return filter.q ? this.matching(filter.q, lines) : lines;
  }

  /**
   * The rows the search words find, as the directory search finds records: every word in one record (a Member, an
   * agency, a position or a person). A row is kept when its Member, agency or position is found, or its holder is
   * and the reader may see who holds it (so that a hidden holder's name never decides what an anonymous reader gets).
   */
  private async matching(q: string, lines: Line[]): Promise<Line[]> {
    const tokens = queryTokens(q);
    if (tokens.length === 0) return [];
    const found = new Set((await searchRepository.matchAll(this.d.db, tokens, ALL_MATCHES)).map((d) => `${d.doc_type}:${d.doc_id}`));
    return lines.filter(({ docs }) =>
      found.has(`member:${docs.member}`) || found.has(`agency:${docs.agency}`) || (docs.position !== null && found.has(`position:${docs.position}`)) || (docs.person !== null && found.has(`person:${docs.person}`)),
    );
  }

  /** 'directory.exported' with the filter and row count, and one 'contact.read' summary for channels above the public tier. */
  private async audit(ctx: RequestContext, filter: Filter, format: ExportFormat | 'vcf', lines: readonly Line[]): Promise<void> {
    const restricted = lines.flatMap((l) => (l.holder ? l.holder.channels.filter((c) => c.visibility !== 'public' && ['email', 'phone', 'mobile'].includes(c.kind)) : []));
    const unique = [...new Map(restricted.map((c) => [c.id, c])).values()];
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.audit.record(trx, ctx, { action: 'directory.exported', entity: 'directory', after: { format, filter, rows: lines.length } });
      if (unique.length) {
        const tiers: Record<string, number> = {};
        for (const c of unique) tiers[c.visibility] = (tiers[c.visibility] ?? 0) + 1;
        await this.d.audit.record(trx, ctx, {
          action: 'contact.read', entity: 'directory', after: { as: `export.${format}`, filter, channels: unique.length, tiers, person_ids: [...new Set(unique.map((c) => c.person_id))] },
        });
      }
    });
  }

  private xlsx(lines: readonly Line[]): Readable {
    const stream = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Bali Process Hub';
    workbook.created = this.d.clock.now();
    const sheet = workbook.addWorksheet('Directory', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const write = async () => {
      const header = sheet.addRow([...COLUMNS]);
      header.font = { bold: true };
      header.commit();
      for (const [i, l] of lines.entries()) {
        sheet.addRow(l.cells).commit();
        // Let the response drain now and then instead of building the whole file first.
        if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
      }
      sheet.commit();
      await workbook.commit();
    };
    write().catch((err: unknown) => {
      this.d.log.error({ err }, 'xlsx export failed');
      stream.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return stream;
  }

  private fileName(filter: Filter, ext: string): string {
    const date = this.d.clock.now().toISOString().slice(0, 10);
    const parts = ['bali-process-directory', filter.q, filter.member, filter.subregion && `region-${filter.subregion}`, filter.mandate, filter.workingGroup, filter.agencyType, filter.freshness, date];
    return `${parts.filter(Boolean).map((p) => slug(String(p))).join('-')}.${ext}`;
  }
}

function* csvChunks(lines: readonly Line[]): Generator<string> {
  let chunk = UTF8_BOM + csvLine(COLUMNS);
  for (const l of lines) {
    chunk += csvLine(l.cells);
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
