import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { contentDisposition, slugFileName } from './file-store';
import { extensionOf, sniff, type SniffSource } from './sniff';

/** A SniffSource over bytes in memory, with the text facts worked out as the upload stream does. */
function source(data: Buffer): SniffSource {
  let utf8 = true;
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    utf8 = false;
  }
  return {
    size: data.length,
    utf8,
    // eslint-disable-next-line no-control-regex -- the same test as the upload meter
    controlChars: /[\x00-\x08\x0e-\x1f\x7f]/.test(text),
    read: (offset, length) => Promise.resolve(data.subarray(Math.max(0, offset), Math.max(0, offset) + length)),
  };
}

/** A minimal ZIP archive (stored or deflated entries) with a central directory, written by hand. */
function zip(entries: Record<string, string>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text);
    const data = deflate ? zlib.deflateRawSync(raw) : raw;
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const office = (main: string, contentType: string, extra: Record<string, string> = {}) =>
  zip({ '[Content_Types].xml': `<Types><Override PartName="/${main}" ContentType="${contentType}"/></Types>`, [main]: '<x/>', ...extra });

const docx = () => office('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
const xlsx = () => office('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
const pptx = () => office('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml');
const pdf = () => Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20), Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50, 7), Buffer.from([0xff, 0xd9])]);

async function refusal(data: Buffer, name: string): Promise<{ status: number; code: string; message: string }> {
  try {
    await sniff(source(data), name);
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message };
    throw err;
  }
  throw new Error(`${name} was accepted`);
}

describe('file type from content', () => {
  it('recognises each accepted type by its bytes, whatever the name', async () => {
    expect(await sniff(source(pdf()), 'paper.pdf')).toBe('pdf');
    expect(await sniff(source(pdf()), 'no-extension')).toBe('pdf');
    expect(await sniff(source(docx()), 'annex.docx')).toBe('docx');
    expect(await sniff(source(zip({ '[Content_Types].xml': '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', 'word/document.xml': '<x/>' }, false)), 'stored.docx')).toBe('docx');
    expect(await sniff(source(xlsx()), 'figures.xlsx')).toBe('xlsx');
    expect(await sniff(source(pptx()), 'slides.pptx')).toBe('pptx');
    expect(await sniff(source(png()), 'map.png')).toBe('png');
    expect(await sniff(source(jpeg()), 'photo.JPG')).toBe('jpeg');
    expect(await sniff(source(Buffer.from('\uFEFFName,Member\nSomchai,Thailand\n')), 'list.csv')).toBe('csv');
    expect(await sniff(source(Buffer.from('Catatan rapat — Bali, 2022\n')), 'notes.txt')).toBe('txt');
    expect(await sniff(source(Buffer.from('ការប្រជុំ\n')), 'notes.md')).toBe('txt');
  });

  it('refuses empty and damaged files as unreadable (400)', async () => {
    expect(await refusal(Buffer.alloc(0), 'a.pdf')).toMatchObject({ status: 400, code: 'file_empty' });
    expect(await refusal(Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), 'a.pdf')).toMatchObject({ status: 400, code: 'file_unreadable', message: expect.stringMatching(/end-of-file marker/) });
    expect(await refusal(png().subarray(0, 30), 'a.png')).toMatchObject({ status: 400, code: 'file_unreadable' });
    expect(await refusal(jpeg().subarray(0, 40), 'a.jpg')).toMatchObject({ status: 400, code: 'file_unreadable' });
    expect(await refusal(docx().subarray(0, 100), 'a.docx')).toMatchObject({ status: 400, code: 'file_unreadable', message: expect.stringMatching(/cut short/) });
  });

  it('refuses other types and disguised files (415), saying what the file really is', async () => {
    expect(await refusal(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'minutes.pdf')).toMatchObject({ status: 415, message: expect.stringMatching(/Windows program/) });
    expect(await refusal(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'a.docx')).toMatchObject({ status: 415, message: expect.stringMatching(/Linux program/) });
    expect(await refusal(zip({ 'a.txt': 'x' }), 'report.pdf')).toMatchObject({ status: 415, message: expect.stringMatching(/ZIP archive/) });
    expect(await refusal(Buffer.from('  <html><body>hi</body></html>'), 'report.pdf')).toMatchObject({ status: 415, message: expect.stringMatching(/web page/) });
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'pic.txt')).toMatchObject({ status: 415 });
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.doc')).toMatchObject({ status: 415, message: expect.stringMatching(/Office 97–2003/) });
    expect(await refusal(png(), 'agenda.pdf')).toMatchObject({ status: 415, message: 'The file is named “agenda.pdf” but its content is a PNG image, not a PDF document. Rename it with the right extension or upload the right file.' });
    expect(await refusal(pdf(), 'figures.xlsx')).toMatchObject({ status: 415 });
    expect(await refusal(Buffer.from('hello'), 'x.html')).toMatchObject({ status: 415, message: expect.stringMatching(/\.html are not accepted/) });
    expect(await refusal(Buffer.from([0x41, 0xc3, 0x28]), 'bad.txt')).toMatchObject({ status: 415, message: expect.stringMatching(/UTF-8/) });
    expect(await refusal(Buffer.from('a\u0000b'), 'bin.txt')).toMatchObject({ status: 415 });
    expect(await refusal(office('word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'), 'm.docx')).toMatchObject({ status: 415, message: expect.stringMatching(/macros/) });
    expect(await refusal(office('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', { 'word/vbaProject.bin': 'x' }), 'm.docx')).toMatchObject({ status: 415, message: expect.stringMatching(/macros/) });
    expect(await refusal(office('content.xml', 'application/vnd.oasis.opendocument.text'), 'x.odt')).toMatchObject({ status: 415 });
  });

  it('reads extensions, file names and Content-Disposition safely', () => {
    expect(extensionOf('Report.final.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBe('');
    expect(slugFileName('Outcome Report: Bali Process — 20 years on!')).toBe('outcome-report-bali-process-20-years-on');
    expect(slugFileName('รายงานผล 2022')).toBe('รายงานผล-2022');
    expect(contentDisposition('a "quoted"; name.pdf')).toBe(`attachment; filename="a quoted name.pdf"; filename*=UTF-8''a%20%22quoted%22%3B%20name.pdf`);
    expect(contentDisposition('Laporan (final) é.pdf')).toBe(`attachment; filename="Laporan (final) e.pdf"; filename*=UTF-8''Laporan%20%28final%29%20%C3%A9.pdf`);
  });
});
