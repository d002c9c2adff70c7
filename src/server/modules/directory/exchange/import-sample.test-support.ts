import ExcelJS from 'exceljs';
import { csvLine, UTF8_BOM } from './csv';

/**
 * The sample directory spreadsheet of the 10,000-row import test and benchmark: agencies of 200 positions each, every
 * position with its own holder, in English and Thai, for Member THA. `prefix` keeps names and emails of two files apart.
 */
export const SAMPLE_HEADER = ['Member code', 'Agency', 'Agency (local)', 'Acronym', 'Agency type', 'Mandates', 'Position', 'Working group', 'Name', 'Name (local)', 'Title', 'Email', 'Phone', 'Visibility'];

/** Positions per agency in the sample. */
export const SAMPLE_PER_AGENCY = 200;

/** Row `i` (from 1) of the sample, in SAMPLE_HEADER's order. */
export function sampleRow(i: number, prefix: string): string[] {
  const agency = Math.floor((i - 1) / SAMPLE_PER_AGENCY) + 1;
  return [
    'THA', `${prefix} Bureau ${agency}`, `สำนักงาน${prefix} ${agency}`, `${prefix.slice(0, 2).toUpperCase()}${agency}`, 'Police', 'Counter trafficking; Border management',
    `Officer ${i}`, i % 3 === 0 ? 'WG-TIP' : '', `Person ${i}`, `บุคคล ทดสอบ ${i}`, 'Pol. Capt.', `${prefix.toLowerCase()}.person${i}@police.go.th.example`, `+66 2 ${String(100_0000 + i).slice(0, 3)} ${String(i).padStart(4, '0')}`, 'members',
  ];
}

/** The sample as an XLSX workbook (one sheet, header in row 1). */
export async function sampleXlsx(rows: number, prefix: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Directory');
  sheet.addRow(SAMPLE_HEADER);
  for (let i = 1; i <= rows; i++) sheet.addRow(sampleRow(i, prefix));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The sample as UTF-8 CSV with a byte-order mark. */
export function sampleCsv(rows: number, prefix: string): Buffer {
  return Buffer.from(UTF8_BOM + csvLine(SAMPLE_HEADER) + Array.from({ length: rows }, (_, k) => csvLine(sampleRow(k + 1, prefix))).join(''), 'utf8');
}
