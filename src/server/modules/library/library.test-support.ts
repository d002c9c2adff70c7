/* eslint-disable @typescript-eslint/no-explicit-any -- test support: answers are loosely typed JSON, read as the tests read them */
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Agent, TestHub } from '../../../../test/helpers/hub';
import { upload, zipBytes } from '../papers/papers.test-support';

/**
 * Factories for the library tests, the permission-matrix probes, the browser test and the demo: resources through
 * the real API, and small real files (PDF with Latin text from pdfkit; PDF with any script hand-built with a
 * ToUnicode map, since the machine has no font with Thai glyphs; DOCX; XLSX).
 */

export async function createResource(agent: Agent, o: Record<string, unknown> = {}): Promise<any> {
  const res = await agent.request('POST', '/api/library', {
    type: 'practitioner_guide', title: 'Victim identification guide', description: 'How to identify victims of trafficking.', themes: [], countries: [],
    languages: ['en'], year: 2023, publisher: 'RSO', sensitivity: 'public', ...o,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function attachFile(hub: TestHub, agent: Agent, id: string, file: { name: string; data: Buffer }): Promise<{ status: number; body: any }> {
  const res = await upload(hub, agent, `/api/library/${id}/file`, { file });
  return res;
}

/** A PDF made by pdfkit, one paragraph per line (Latin script: the built-in Helvetica). */
export function latinPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

/**
 * A one-page PDF whose text layer is any Unicode text (Thai, Khmer…): each distinct character gets a one-byte code,
 * and a ToUnicode CMap says which character each code is, which is what text extraction (and copy-paste) reads.
 */
export function unicodePdf(lines: string[]): Buffer {
  const chars = [...new Set(Array.from(lines.join('')))];
  if (chars.length > 250) throw new Error('too many distinct characters for a one-byte font');
  const code = new Map(chars.map((c, i) => [c, i + 1]));
  const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
  const utf16 = (c: string) => Array.from(Buffer.from(c, 'utf16le').swap16()).map((b) => hex(b, 2)).join('');
  const content = lines.map((line, i) => `BT /F1 14 Tf 72 ${760 - i * 24} Td <${Array.from(line).map((c) => hex(code.get(c) ?? 0, 2)).join('')}> Tj ET`).join('\n');
  const cmap = [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def', '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<00> <FF>', 'endcodespacerange',
    `${chars.length} beginbfchar`, ...chars.map((c) => `<${hex(code.get(c) ?? 0, 2)}> <${utf16(c)}>`), 'endbfchar',
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar ${chars.length} /Widths [${chars.map(() => '600').join(' ')}] /ToUnicode 6 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word document with one paragraph per line. */
export function docxWith(paragraphs: string[]): Promise<Buffer> {
  return zipBytes({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
  });
}

/** An Excel workbook with the rows on one sheet. */
export async function xlsxWith(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
