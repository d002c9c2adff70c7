import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { cellText } from '../directory/exchange/spreadsheet-file';

/**
 * Text from an uploaded file, for search and snippets: PDF (pdf.js, legacy build for Node), Word (.docx: the
 * paragraphs of word/document.xml) and Excel (.xlsx: every cell of every sheet, by exceljs). A file that cannot be
 * read throws an ExtractionError with a reason a person can act on; the caller keeps the file and marks it.
 */

/** The most text kept per file (UTF-16 code units): enough for search and snippets of any document. */
export const MAX_TEXT = 2 * 1024 * 1024;
/** The most a part of an Office file may unpack to (a defence against ZIP bombs). */
const MAX_UNPACKED = 64 * 1024 * 1024;

export class ExtractionError extends Error {}

export async function extractText(type: string, data: Buffer): Promise<string> {
  let text: string;
  switch (type) {
    case 'pdf':
      text = await pdfText(data);
      break;
    case 'docx':
      text = docxText(await zipEntry(data, 'word/document.xml'));
      break;
    case 'xlsx':
      text = await xlsxText(data);
      break;
    case 'txt':
    case 'csv':
      text = data.toString('utf8');
      break;
    default:
      throw new ExtractionError(`Text is not extracted from ${type} files.`);
  }
  return bound(text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim());
}

function bound(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

async function pdfText(data: Buffer): Promise<string> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`;
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, standardFontDataUrl: fonts }).promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') throw new ExtractionError('The PDF is protected by a password: upload a copy without one to make its text searchable.');
    throw new ExtractionError(`The PDF could not be read (${(err as Error).message}). Save or export it again and upload the new copy.`);
  }
  try {
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= doc.numPages && length < MAX_TEXT; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str !== 'string') continue;
        parts.push(item.str, item.hasEOL ? '\n' : '');
        length += item.str.length + 1;
      }
      parts.push('\n');
      page.cleanup();
    }
    return parts.join('');
  } finally {
    await doc.destroy();
  }
}

/** The paragraphs of a Word document's body, one per line (text runs joined, tabs and breaks kept as spaces). */
export function docxText(xml: string): string {
  const out: string[] = [];
  for (const para of xml.split(/<\/w:p>/)) {
    let line = '';
    for (const m of para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      line += m[1] !== undefined ? decodeXml(m[1]) : ' ';
    }
    if (line.trim()) out.push(line);
  }
  return out.join('\n');
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const cp = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** One entry of a ZIP file as text, refusing entries that unpack beyond MAX_UNPACKED. */
function zipEntry(data: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err) {
        reject(new ExtractionError('The Word document could not be opened: it is damaged. Save it again and upload the new copy.'));
        return;
      }
      let found = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) {
          zip.readEntry();
          return;
        }
        found = true;
        if (entry.uncompressedSize > MAX_UNPACKED) {
          zip.close();
          reject(new ExtractionError('The Word document is too large once unpacked to extract its text.'));
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e) {
            reject(new ExtractionError('The Word document could not be read: it is damaged. Save it again and upload the new copy.'));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_UNPACKED) {
              stream.destroy();
              reject(new ExtractionError('The Word document is too large once unpacked to extract its text.'));
              return;
            }
            chunks.push(c);
          });
          stream.on('error', () => reject(new ExtractionError('The Word document could not be read: it is damaged. Save it again and upload the new copy.')));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => {
        if (!found) reject(new ExtractionError('The Word document has no body (word/document.xml). Save it again from Word and upload the new copy.'));
      });
      zip.on('error', () => reject(new ExtractionError('The Word document could not be read: it is damaged. Save it again and upload the new copy.')));
      zip.readEntry();
    });
  });
}

async function xlsxText(data: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new ExtractionError('The workbook could not be read: it is damaged or not a real Excel file. Save it again and upload the new copy.');
  }
  const lines: string[] = [];
  let length = 0;
  for (const ws of workbook.worksheets) {
    lines.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (length > MAX_TEXT) return;
      const values = Array.isArray(row.values) ? row.values : [];
      const cells = values.slice(1).map((v) => cellText(v ?? undefined)).filter((v) => v.trim() !== '');
      const line = cells.join(' ');
      length += line.length + 1;
      if (line) lines.push(line);
    });
  }
  return lines.join('\n');
}
