import zlib from 'node:zlib';
import { AppError } from '../errors';

/**
 * Deciding what an uploaded file is from its bytes, never from its name. Accepted: PDF, Word/Excel/PowerPoint
 * (Office Open XML, without macros), PNG, JPEG and UTF-8 text (plain or CSV). A file that is something else, that
 * is damaged or truncated, or whose name claims another type than its content, is refused with a message that
 * says what to do.
 */

export type SniffedType = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'png' | 'jpeg' | 'txt' | 'csv';

export const fileTypeInfo: Record<SniffedType, { contentType: string; extension: string; label: string }> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'a PDF document' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'a Word document (.docx)' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'an Excel workbook (.xlsx)' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'a PowerPoint presentation (.pptx)' },
  png: { contentType: 'image/png', extension: 'png', label: 'a PNG image' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'a JPEG image' },
  txt: { contentType: 'text/plain; charset=utf-8', extension: 'txt', label: 'a text file' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'a CSV file' },
};

/** What a reader of the stored bytes offers: random access, and facts gathered while the file streamed in. */
export interface SniffSource {
  size: number;
  /** Reads up to `length` bytes at `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Buffer>;
  /** The whole file is valid UTF-8 (checked while it streamed in). */
  utf8: boolean;
  /** The file holds control characters other than tab, line breaks and form feed (binary data). */
  controlChars: boolean;
}

const ALLOWED = 'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG or UTF-8 text/CSV';

export const fileErrors = {
  empty: () => new AppError(400, 'file_empty', 'The file is empty. Choose the file again; if it is empty on your computer too, save it again first.'),
  damaged: (what: string, hint: string) => new AppError(400, 'file_unreadable', `The file looks like ${what} but is damaged or incomplete (${hint}). Save or export it again and upload the new copy.`),
  unsupported: (message: string) => new AppError(415, 'unsupported_file', message),
  tooLarge: (maxMb: number) => new AppError(413, 'payload_too_large', `The file is larger than ${maxMb} MB, the most the hub accepts. Compress it (for a PDF, "reduced size") or split it, then upload it again.`),
};

function startsWith(data: Buffer, magic: readonly number[], at = 0): boolean {
  return data.length >= at + magic.length && magic.every((b, i) => data[at + i] === b);
}

/** Names of the types other than ours that people upload most, to say what the file really is. */
function knownOther(head: Buffer): string | null {
  if (startsWith(head, [0x4d, 0x5a])) return 'a Windows program (.exe)';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux program';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'an Office 97–2003 file (.doc, .xls or .ppt); save it as .docx, .xlsx, .pptx or PDF';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image; save it as PNG';
  if (startsWith(head, [0x52, 0x61, 0x72, 0x21])) return 'a RAR archive';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf])) return 'a 7-Zip archive';
  if (startsWith(head, [0x1f, 0x8b])) return 'a gzip archive';
  if (startsWith(head, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'a Rich Text file (.rtf); save it as .docx or PDF';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'a WebP image; save it as PNG or JPEG';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'a video or HEIC photo; save a photo as JPEG';
  return null;
}

/** Extensions a name may carry, and the type it claims. Other names are not held against the content. */
const claimedByExtension: Record<string, SniffedType | 'refused'> = {
  pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', pptx: 'pptx', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', txt: 'txt', text: 'txt', csv: 'csv',
  // Names a browser would run or render: never accepted, whatever the bytes.
  html: 'refused', htm: 'refused', xhtml: 'refused', svg: 'refused', xml: 'refused', js: 'refused', mjs: 'refused', exe: 'refused', bat: 'refused', cmd: 'refused', com: 'refused',
  msi: 'refused', scr: 'refused', vbs: 'refused', ps1: 'refused', sh: 'refused', jar: 'refused', swf: 'refused', hta: 'refused', zip: 'refused',
  docm: 'refused', xlsm: 'refused', pptm: 'refused',
};

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return m?.[1]?.toLowerCase() ?? '';
}

/**
 * The type of the file, or an AppError: 400 `file_empty`/`file_unreadable` for an empty or damaged file, 415
 * `unsupported_file` for a type the hub does not take or a name that disguises the content.
 */
export async function sniff(src: SniffSource, fileName: string): Promise<SniffedType> {
  if (src.size === 0) throw fileErrors.empty();
  const ext = extensionOf(fileName);
  const claimed = claimedByExtension[ext];
  if (claimed === 'refused') {
    throw fileErrors.unsupported(`Files named .${ext} are not accepted. Upload ${ALLOWED}.`);
  }
  const head = await src.read(0, 4096);
  const type = await detect(src, head, ext);
  if (claimed && claimed !== type && !(isText(claimed) && isText(type))) {
    throw fileErrors.unsupported(`The file is named “${baseName(fileName)}” but its content is ${fileTypeInfo[type].label}, not ${fileTypeInfo[claimed].label}. Rename it with the right extension or upload the right file.`);
  }
  return type;
}

const isText = (t: SniffedType) => t === 'txt' || t === 'csv';
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

async function detect(src: SniffSource, head: Buffer, ext: string): Promise<SniffedType> {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return checkPdf(src);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return checkPng(src);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return checkJpeg(src);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return checkOfficeZip(src);
  const other = knownOther(head);
  if (other) throw fileErrors.unsupported(`This file is ${other}, which the hub does not accept. Upload ${ALLOWED}.`);
  return checkText(src, head, ext);
}

async function checkPdf(src: SniffSource): Promise<SniffedType> {
  const tailLength = Math.min(src.size, 2048);
  const tail = (await src.read(src.size - tailLength, tailLength)).toString('latin1');
  if (!tail.includes('%%EOF')) throw fileErrors.damaged('a PDF document', 'it has no end-of-file marker, so it was probably cut short');
  return 'pdf';
}

async function checkPng(src: SniffSource): Promise<SniffedType> {
  const tail = await src.read(Math.max(0, src.size - 12), 12);
  // The last chunk of every PNG: length 0, type IEND, its fixed CRC.
  if (!startsWith(tail, [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])) throw fileErrors.damaged('a PNG image', 'its last chunk is missing');
  return 'png';
}

async function checkJpeg(src: SniffSource): Promise<SniffedType> {
  // The end-of-image marker, allowing for padding some cameras add after it.
  const n = Math.min(src.size, 4096);
  const tail = await src.read(src.size - n, n);
  if (tail.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) throw fileErrors.damaged('a JPEG image', 'its end-of-image marker is missing');
  return 'jpeg';
}

const officeMain: { type: SniffedType; part: string; contentType: string }[] = [
  { type: 'docx', part: 'word/document.xml', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' },
  { type: 'xlsx', part: 'xl/workbook.xml', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
  { type: 'pptx', part: 'ppt/presentation.xml', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml' },
];

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The central directory of a ZIP archive, read from its end; null when the archive is truncated or damaged. */
async function zipEntries(src: SniffSource): Promise<ZipEntry[] | null> {
  const EOCD = 0x06054b50;
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  const eocdOffset = src.size - tailLength + at;
  if (cdOffset === 0xffffffff || count === 0xffff || cdOffset + cdSize > eocdOffset || cdSize > 16 * 1024 * 1024) return null;
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = cd.readUInt16LE(p + 28);
    entries.push({
      name: cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return entries;
}

/** One small entry's content (stored or deflated), at most 1 MB; null when it cannot be read. */
async function readZipEntry(src: SniffSource, e: ZipEntry): Promise<string | null> {
  if (e.size > 1024 * 1024 || e.compressedSize > 1024 * 1024) return null;
  const local = await src.read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) return null;
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = await src.read(start, e.compressedSize);
  if (data.length < e.compressedSize) return null;
  try {
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: 1024 * 1024 }).toString('utf8');
  } catch {
    return null;
  }
  return null;
}

async function checkOfficeZip(src: SniffSource): Promise<SniffedType> {
  const entries = await zipEntries(src);
  const damaged = () => fileErrors.damaged('an Office document or ZIP archive', 'its table of contents is missing, so it was probably cut short');
  if (!entries) throw damaged();
  const names = new Set(entries.map((e) => e.name));
  const typesEntry = entries.find((e) => e.name === '[Content_Types].xml');
  if (!typesEntry) throw fileErrors.unsupported(`This is a ZIP archive, not a Word, Excel or PowerPoint document. Upload each file on its own as ${ALLOWED}.`);
  const types = await readZipEntry(src, typesEntry);
  if (types === null) throw damaged();
  if (/macroEnabled/i.test(types) || [...names].some((n) => /vbaProject\.bin$/i.test(n))) {
    throw fileErrors.unsupported('Documents with macros (.docm, .xlsm, .pptm) are not accepted. Save it as a document without macros (.docx, .xlsx, .pptx) or as PDF.');
  }
  for (const main of officeMain) {
    if (types.includes(main.contentType) && names.has(main.part)) return main.type;
  }
  throw fileErrors.unsupported(`This ZIP-based file is not a Word, Excel or PowerPoint document the hub accepts. Upload ${ALLOWED}.`);
}

/** Markup a browser would render as a page: refused even as text. */
const markup = /^\s*<(?:!doctype\s+html|html|head|body|script|iframe|svg|\?xml|!--)/i;

async function checkText(src: SniffSource, head: Buffer, ext: string): Promise<SniffedType> {
  if (!src.utf8 || src.controlChars) {
    throw fileErrors.unsupported(`The hub could not tell what this file is: it is not ${ALLOWED}. If it is a text file, save it as UTF-8.`);
  }
  const start = head.toString('utf8').replace(/^\uFEFF/, '');
  if (markup.test(start)) throw fileErrors.unsupported(`This file is a web page or other markup (HTML, SVG or XML), which the hub does not accept. Save it as PDF and upload that.`);
  return ext === 'csv' ? 'csv' : 'txt';
}
