import crypto from 'node:crypto';
import type { ImportColumn, ImportField, ImportMapping } from '@/contracts/directory-exchange';
import { importFields } from '@/contracts/directory-exchange';
import { normalize } from '../../../platform/search';
import type { SheetRow } from './spreadsheet-file';

/**
 * Column names: the headers the export writes (each field's first name), and the names people put in their own
 * spreadsheets (English and Indonesian), compared after search normalisation ("E-mail" = "email").
 */
export const fieldHeaders: Record<ImportField, readonly string[]> = {
  memberCode: ['Member code', 'Member', 'Member name', 'Country code', 'Country', 'ISO3', 'ISO code', 'Member or Observer', 'Kode anggota', 'Negara'],
  agencyId: ['Agency ID'],
  agencyNameEn: ['Agency', 'Agency name', 'Agency (English)', 'Agency name (English)', 'Agency name English', 'Organisation', 'Organization', 'Ministry or agency', 'Department', 'Instansi', 'Lembaga'],
  agencyNameLocal: ['Agency (local)', 'Agency name (local)', 'Agency local name', 'Agency (local language)', 'Local agency name', 'Agency (native)', 'Nama instansi'],
  acronym: ['Acronym', 'Agency acronym', 'Abbreviation', 'Short name', 'Singkatan'],
  agencyType: ['Agency type', 'Type', 'Type of agency', 'Agency category', 'Category', 'Jenis instansi'],
  mandates: ['Mandates', 'Mandate', 'Agency mandates', 'Areas of work', 'Mandat'],
  positionId: ['Position ID'],
  positionTitle: ['Position', 'Position title', 'Post', 'Function', 'Designation', 'Role', 'Jabatan'],
  workingGroup: ['Working group', 'Working groups', 'WG', 'Kelompok kerja'],
  personId: ['Person ID'],
  personNameLatin: ['Name', 'Full name', 'Holder', 'Holder name', 'Name (Latin)', 'Name (Latin script)', 'Name (English)', 'Focal point', 'Contact person', 'Nama'],
  personNameLocal: ['Name (local)', 'Local name', 'Name (local script)', 'Name in local script', 'Holder name (local)', 'Native name', 'Nama lokal'],
  personTitle: ['Title', 'Honorific', 'Rank', 'Salutation', 'Prefix', 'Gelar'],
  email: ['Email', 'E-mail', 'Email address', 'Mail', 'Surel'],
  phone: ['Phone', 'Telephone', 'Tel', 'Phone number', 'Office phone', 'Telepon'],
  mobile: ['Mobile', 'Mobile phone', 'Cell', 'Cell phone', 'Handphone', 'HP'],
  channelVisibility: ['Visibility', 'Contact visibility', 'Channel visibility', 'Who may see'],
  emailVisibility: ['Email visibility'],
  phoneVisibility: ['Phone visibility'],
};

/** The header the export writes for each field. */
export const exportHeader = (field: ImportField): string => fieldHeaders[field][0] ?? field;

const aliases = new Map<ImportField, string[]>(importFields.map((f) => [f, fieldHeaders[f].map(normalize)]));

const HEADER_SEARCH_ROWS = 20;

/** How well a header cell names a field: 4 the export's own name, 3 another known name, 1 contains one, 0 not at all. */
function score(header: string, field: ImportField): number {
  const h = normalize(header);
  if (!h) return 0;
  const names = aliases.get(field) ?? [];
  if (names[0] === h) return 4;
  if (names.includes(h)) return 3;
  const words = new Set(h.split(' '));
  return names.some((n) => n.split(' ').every((w) => words.has(w))) ? 1 : 0;
}

/** Assigns fields to columns, best matches first; each column and each field at most once. */
export function suggestMapping(headers: readonly string[]): { mapping: ImportMapping; score: number } {
  const pairs: { column: number; field: ImportField; s: number }[] = [];
  headers.forEach((h, column) => {
    for (const field of importFields) {
      const s = score(h, field);
      if (s > 0) pairs.push({ column, field, s });
    }
  });
  pairs.sort((a, b) => b.s - a.s || a.column - b.column || importFields.indexOf(a.field) - importFields.indexOf(b.field));
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  let total = 0;
  for (const p of pairs) {
    if (used.has(p.column) || mapping[p.field] !== undefined) continue;
    mapping[p.field] = p.column;
    used.add(p.column);
    total += p.s;
  }
  return { mapping, score: total };
}

export interface HeaderFound {
  sheetIndex: number;
  /** Index into the sheet's rows. */
  rowIndex: number;
  score: number;
}

/** The row, in the first 20 of any sheet, whose cells best match known column names; null when none names two fields. */
export function findHeader(sheets: readonly { rows: readonly SheetRow[] }[]): HeaderFound | null {
  let best: HeaderFound | null = null;
  sheets.forEach((sheet, sheetIndex) => {
    sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, rowIndex) => {
      const { mapping, score: s } = suggestMapping(r.cells);
      if (Object.keys(mapping).length >= 2 && s >= 4 && (!best || s > best.score)) best = { sheetIndex, rowIndex, score: s };
    });
  });
  return best;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The columns under a header row, with a few sample values each. */
export function describeColumns(headers: readonly string[], rows: readonly SheetRow[]): ImportColumn[] {
  const width = Math.max(headers.length, ...rows.slice(0, 200).map((r) => r.cells.length));
  return Array.from({ length: width }, (_, index) => {
    const samples: string[] = [];
    for (const r of rows) {
      const v = (r.cells[index] ?? '').trim();
      if (v && !samples.includes(v)) samples.push(v.slice(0, 100));
      if (samples.length === 3) break;
    }
    return { index, header: (headers[index] ?? '').trim(), letter: columnLetter(index), samples };
  });
}

/** Identifies a set of column names, so that the mapping chosen for one file is offered for the next. */
export function headerKey(headers: readonly string[]): string {
  const names = headers.map((h) => normalize(h));
  while (names.length && names.at(-1) === '') names.pop();
  return crypto.createHash('sha256').update(JSON.stringify(names)).digest('hex');
}
