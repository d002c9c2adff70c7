import path from 'node:path';
import zlib from 'node:zlib';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { participantListPdf } from '@/server/modules/papers/documents';
import { runs } from './fonts';

/** Column starts of the participant list (documents.ts): items are assigned to the column they start in. */
const COLUMN_X = [50, 245, 450];

/** The PDF's text as pdf.js reads it: one entry per baseline, the text of each column joined with " | ". */
async function pdfRows(data: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true, standardFontDataUrl: path.resolve('node_modules/pdfjs-dist/standard_fonts') + '/' }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, str: item.str }]);
    }
    for (const [, items] of [...rows.entries()].sort((a, b) => b[0] - a[0])) {
      const columns = COLUMN_X.map((start, i) =>
        items
          .filter((it) => it.x >= start - 1 && it.x < (COLUMN_X[i + 1] ?? Infinity) - 1)
          .sort((a, b) => a.x - b.x)
          .map((it) => it.str)
          .join('')
          .trim(),
      );
      out.push(columns.filter((c) => c !== '').join(' | '));
    }
  }
  return out;
}

/** Decodes a PDF literal string's bytes (escapes, then UTF-16BE with its byte-order mark or PDFDocEncoding ~ Latin-1). */
function literal(src: Buffer, start: number): string {
  const bytes: number[] = [];
  let depth = 1;
  for (let i = start; i < src.length; i++) {
    const c = src[i]!;
    if (c === 0x5c) {
      const n = src[++i]!;
      const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
      if (n >= 0x30 && n <= 0x37) {
        let oct = String.fromCharCode(n);
        while (oct.length < 3 && src[i + 1]! >= 0x30 && src[i + 1]! <= 0x37) oct += String.fromCharCode(src[++i]!);
        bytes.push(parseInt(oct, 8));
      } else bytes.push(simple[n] ?? n);
      continue;
    }
    if (c === 0x28) depth++;
    if (c === 0x29 && --depth === 0) break;
    bytes.push(c);
  }
  const b = Buffer.from(bytes);
  return b[0] === 0xfe && b[1] === 0xff ? b.subarray(2).swap16().toString('utf16le') : b.toString('latin1');
}

/** Every /ActualText of the PDF's content streams: the text a reader copies. */
function actualTexts(pdf: Buffer): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const s = pdf.indexOf('stream\n', at);
    if (s < 0) break;
    const e = pdf.indexOf('\nendstream', s);
    let body: Buffer;
    try {
      body = zlib.inflateSync(pdf.subarray(s + 7, e));
    } catch {
      body = pdf.subarray(s + 7, e);
    }
    for (let i = body.indexOf('/ActualText ('); i >= 0; i = body.indexOf('/ActualText (', i + 1)) out.push(literal(body, i + 13));
    at = e + 10;
  }
  return out;
}

const people = [
  { name: 'สมชาย ใจดี', organisation: 'กระทรวงการต่างประเทศ', member: 'Thailand' },
  { name: 'សុខ ចាន់ណា', organisation: 'ក្រសួងមហាផ្ទៃ', member: 'Cambodia' },
  { name: 'Nguyễn Thị Ánh', organisation: 'Bộ Ngoại giao Việt Nam', member: 'Viet Nam' },
  { name: 'ສົມພອນ ແກ້ວມະນີ', organisation: 'ກະຊວງການຕ່າງປະເທດ', member: 'Lao PDR' },
  { name: 'အောင်ကို', organisation: 'နိုင်ငံခြားရေးဝန်ကြီးဌာန', member: 'Myanmar' },
  { name: 'José Müller', organisation: 'IOM', member: 'Łódź – Ōsaka' },
];

describe('participant list in every script of the region', () => {
  it('cuts text into runs by script, keeping a letter with its marks and a space in the running font', () => {
    expect(runs('Nguyễn Thị สมชาย ใจดี')).toEqual([
      { font: 'latin-regular', text: 'Nguy' },
      { font: 'vietnamese-regular', text: 'ễ' },
      { font: 'latin-regular', text: 'n Th' },
      { font: 'vietnamese-regular', text: 'ị ' },
      { font: 'thai-regular', text: 'สมชาย ใจดี' },
    ]);
    expect(runs('ក្រសួង', 'bold')).toEqual([{ font: 'khmer-bold', text: 'ក្រសួង' }]);
  });

  it('prints Thai, Khmer, Lao, Burmese, Vietnamese and Latin names that read back intact', async () => {
    const pdf = await participantListPdf({ title: 'Dialogue ที่กรุงเทพฯ', subtitle: '7–8 September 2022 · Bangkok', generatedAt: new Date('2022-09-01T00:00:00Z') }, people);
    const rows = await pdfRows(pdf);
    expect(rows).toContain('Dialogue ที่กรุงเทพฯ');
    expect(rows).toContain('Name | Organisation | Member');
    // Each cell reads back on one baseline whatever its fonts; Thai, Lao, Burmese and Vietnamese as written.
    for (const p of people.filter((x) => x.member !== 'Cambodia')) expect(rows).toContain(`${p.name} | ${p.organisation} | ${p.member}`);
    // pdf.js reads glyphs in drawing order, so a Khmer vowel sign drawn before its consonant comes first there.
    expect(rows.find((r) => r.startsWith('សុខ ចាន់ណា | '))).toMatch(/ \| Cambodia$/);
    // Khmer draws some vowel signs before their consonant; the copied text (ActualText) is the text as written.
    const actual = actualTexts(pdf);
    for (const p of people) expect(actual).toEqual(expect.arrayContaining([p.name, p.organisation, p.member]));
    // Only the glyphs used are embedded: the list stays small.
    expect(pdf.length).toBeLessThan(120_000);
    // Parsing six fonts and reading the PDF back is slow on a busy machine.
  }, 30_000);
});
