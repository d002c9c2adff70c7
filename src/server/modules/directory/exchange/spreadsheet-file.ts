import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors';
import { parseCsv, UTF8_BOM, unprotectFormula } from './csv';

/**
 * Reading an uploaded spreadsheet. The type is decided by the bytes, never by the file name: an XLSX workbook is a
 * ZIP archive (PK\x03\x04) holding xl/workbook.xml; a CSV file is valid UTF-8 text. Anything else is refused with a
 * message that says what to do.
 */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Data rows accepted in one file. */
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 100;
/**
 * A workbook may unpack to at most this much: a guard against ZIP bombs, and a bound on the memory the reader takes
 * (10,000 rows of 14 columns unpack to about 13 MB and take about 90 MB to read).
 */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export interface SheetRow {
  /** The row number as the spreadsheet shows it (1-based). */
  row: number;
  cells: string[];
}

export interface ParsedFile {
  kind: 'csv' | 'xlsx';
  sheets: { name: string | null; rows: SheetRow[] }[];
}

const unreadable = (message: string) => new AppError(400, 'file_unreadable', message);
const unsupported = (message: string) => new AppError(415, 'unsupported_file', message);

export async function readSpreadsheet(data: Buffer): Promise<ParsedFile> {
  if (data.length === 0) throw new AppError(400, 'file_empty', 'The file is empty.');
  if (data.length > MAX_UPLOAD_BYTES) throw tooLarge();
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return readXlsx(data);
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw unsupported('This is an Excel 97–2003 workbook (.xls). Save it as an Excel Workbook (.xlsx) or as "CSV UTF-8", then upload it again.');
  }
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) {
    throw unsupported('This text file is in UTF-16 ("Unicode text"). Save it as "CSV UTF-8 (Comma delimited)", then upload it again.');
  }
  return readCsv(data);
}

export function tooLarge(): AppError {
  return new AppError(413, 'payload_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
}

function startsWith(data: Buffer, magic: readonly number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

function readCsv(data: Buffer): ParsedFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    const at = firstInvalidUtf8(data);
    throw unreadable(`The file is neither an Excel workbook nor UTF-8 text (invalid UTF-8 at byte ${at}). In Excel, use "Save as" › "CSV UTF-8 (Comma delimited)" or save as .xlsx, then upload it again.`);
  }
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  if (hasBinary(text.slice(0, 64 * 1024))) {
    throw unsupported('The file holds binary data, not text: upload an Excel workbook (.xlsx) or a CSV file.');
  }
  const records = parseCsv(text, undefined, MAX_ROWS + 21);
  if (records.length > MAX_ROWS + 20) throw tooManyRows();
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 1, cells: cells.slice(0, MAX_COLUMNS).map((c) => unprotectFormula(c)) });
  });
  return { kind: 'csv', sheets: [{ name: null, rows }] };
}

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return mean binary data. */
function hasBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) return true;
  }
  return false;
}

function tooManyRows(): AppError {
  return new AppError(413, 'payload_too_large', `The file has more than ${MAX_ROWS.toLocaleString('en')} rows. Split it into smaller files.`);
}

function firstInvalidUtf8(data: Buffer): number {
  // The decoder does not say where; a binary search on prefixes would be exact but this is only for the message.
  for (let i = 0, n = Math.min(data.length, 1 << 20); i < n; ) {
    const b = data[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((data[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

/**
 * Checks the ZIP's central directory before unpacking: it must be complete (a truncated upload has none), list an
 * Excel workbook, and not unpack to more than {@link MAX_UNPACKED_BYTES}.
 */
function checkZip(data: Buffer): void {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  const damaged = () => unreadable('The workbook could not be read: the file is truncated or damaged. Save it again in Excel and upload the new copy.');
  if (eocd < 0) throw damaged();
  const entries = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || entries === 0xffff) throw unsupported('This workbook is too large (ZIP64). Split it into smaller files.');
  if (offset + size > eocd) throw damaged();
  const names = new Set<string>();
  let unpacked = 0;
  let p = offset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > eocd || data.readUInt32LE(p) !== 0x02014b50) throw damaged();
    unpacked += data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    names.add(data.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  if (!names.has('xl/workbook.xml')) {
    throw unsupported('This ZIP file is not an Excel workbook (.xlsx). Upload an Excel workbook or a CSV file saved as UTF-8.');
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new AppError(413, 'payload_too_large', 'The workbook is too large once unpacked. Split it into smaller files.');
}

async function readXlsx(data: Buffer): Promise<ParsedFile> {
  checkZip(data);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('The workbook could not be read: it is damaged or not a real Excel file. Open it in Excel, save it again and upload the new copy.');
  }
  const sheets: ParsedFile['sheets'] = [];
  let total = 0;
  for (const ws of workbook.worksheets) {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values : [];
      const cells: string[] = [];
      for (let c = 1; c < Math.min(values.length, MAX_COLUMNS + 1); c++) cells.push(cellText(values[c]));
      if (cells.some((v) => v.trim() !== '')) rows.push({ row: rowNumber, cells });
    });
    total += rows.length;
    if (total > MAX_ROWS + 20) throw tooManyRows();
    sheets.push({ name: ws.name, rows });
  }
  return { kind: 'xlsx', sheets };
}

/** The text a cell shows: rich text joined, hyperlinks by their text, formulas by their result, dates as dates. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return cellText(v.text);
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if ('error' in v) return '';
  return '';
}
