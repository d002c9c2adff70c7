import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { cell, paragraph, registerFonts } from '@/server/platform/pdf/fonts';

/**
 * Documents the hub writes itself: the participant list (PDF and XLSX) and the small PDFs of the demo. The PDF text
 * is real text, so it can be searched, copied and read back: the participant list in embedded Noto fonts (every
 * script of the region), the demo papers (English) in the standard Helvetica.
 */

export interface ListedParticipant {
  name: string;
  organisation: string | null;
  member: string | null;
}

export interface ListHeading {
  title: string;
  /** e.g. "7–8 September 2022 · Bangkok" */
  subtitle: string;
  generatedAt: Date;
}

/** Collects a pdfkit document into a buffer (these documents are small: a list, a demo paper). */
function render(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** What the standard fonts' WinAnsi encoding prints. */
const printable = /[\x20-\x7e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * For the demo papers. Helvetica (the PDF standard font) covers Latin-1 and a little more. A letter outside it loses its diacritics
 * when that makes it printable ("Nguyễn" → "Nguyen"); other scripts print as "?" rather than as wrong glyphs.
 * The XLSX keeps every script.
 */
export function latin(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => {
      if (printable.test(c)) return c;
      const bare = c.normalize('NFD').replace(/\p{M}+/gu, '');
      return bare !== '' && [...bare].every((b) => printable.test(b)) ? bare : '?';
    })
    .join('');
}

const COLUMNS = [
  { header: 'Name', x: 50, width: 190 },
  { header: 'Organisation', x: 245, width: 200 },
  { header: 'Member', x: 450, width: 95 },
] as const;

export async function participantListPdf(heading: ListHeading, rows: readonly ListedParticipant[]): Promise<Buffer> {
  // Names, organisations and titles come in every script of the region: the list prints with embedded Noto fonts
  // chosen per run of text (platform/pdf), not with the standard Helvetica.
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Participant list: ${heading.title}`, Creator: 'Bali Process Hub', CreationDate: heading.generatedAt } });
  registerFonts(doc);
  paragraph(doc, 'Participant list', { weight: 'bold', size: 16 });
  paragraph(doc, heading.title, { size: 11 });
  paragraph(doc, heading.subtitle, { size: 11 });
  doc.fillColor('#555');
  paragraph(doc, `${rows.length} participants who agreed to be listed. Generated ${heading.generatedAt.toISOString().slice(0, 10)}.`, { size: 9 });
  doc.fillColor('#000');
  doc.moveDown();
  const header = () => {
    const y = doc.y;
    for (const c of COLUMNS) cell(doc, c.header, c.x, y, c.width, { weight: 'bold', size: 10 });
    doc.moveTo(50, y + 14).lineTo(545, y + 14).stroke('#999');
    doc.y = y + 20;
  };
  header();
  for (const r of rows) {
    if (doc.y > 770) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    const cells = [r.name, r.organisation ?? '', r.member ?? ''];
    COLUMNS.forEach((c, i) => cell(doc, cells[i] ?? '', c.x, y, c.width, { size: 10 }));
    doc.y = y + 16;
  }
  return render(doc);
}

export async function participantListXlsx(heading: ListHeading, rows: readonly ListedParticipant[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bali Process Hub';
  wb.created = heading.generatedAt;
  const ws = wb.addWorksheet('Participants');
  ws.columns = [
    { header: 'Name', key: 'name', width: 36 },
    { header: 'Organisation', key: 'organisation', width: 48 },
    { header: 'Member', key: 'member', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Strings are written as text cells: a name that starts with "=" is never a formula.
  for (const r of rows) ws.addRow({ name: r.name, organisation: r.organisation ?? '', member: r.member ?? '' });
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** A short PDF paper: a title, a line under it, then paragraphs (headings start with "# "). */
export async function simplePaperPdf(title: string, subtitle: string, paragraphs: readonly string[], createdAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: latin(title), Creator: 'Bali Process Hub (demo)', CreationDate: createdAt }, compress: true });
  doc.font('Helvetica-Bold').fontSize(16).text(latin(title));
  doc.font('Helvetica').fontSize(10).fillColor('#555').text(latin(subtitle)).fillColor('#000');
  doc.moveDown();
  for (const p of paragraphs) {
    if (p.startsWith('# ')) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(latin(p.slice(2))).font('Helvetica').fontSize(10.5);
    } else {
      doc.font('Helvetica').fontSize(10.5).text(latin(p), { align: 'left' }).moveDown(0.4);
    }
  }
  return render(doc);
}
