import fs from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff';

/**
 * Fonts for the PDFs the hub writes. The PDF standard fonts print Latin-1 only, and Members' names come in Thai,
 * Khmer, Lao, Burmese and Vietnamese too. Noto Sans (from the @fontsource packages) is shipped split into
 * per-script files with the Unicode ranges each covers (unicode.json); a text is cut into runs, each printed with
 * the first file that covers its letters. pdfkit embeds only the glyphs a document uses, so a list stays small.
 */

export type Weight = 'regular' | 'bold';

interface Face {
  /** pdfkit font name, e.g. "thai-bold" */
  name: string;
  ranges: readonly (readonly [number, number])[];
  data: Buffer;
  precomposed: boolean;
}

/** Package and the subsets of it we use, in order of preference (Latin first: most text is Latin). */
const SOURCES = [
  // precomposed: print "ị" as its own glyph. Noto's ccmp feature splits it into "i" + a combining dot that has no
  // character behind it, and a reader extracting the text would get a stray control code for the dot.
  { pkg: '@fontsource/noto-sans', prefix: 'noto-sans', subsets: ['latin', 'latin-ext', 'vietnamese', 'greek', 'cyrillic'], precomposed: true },
  { pkg: '@fontsource/noto-sans-thai', prefix: 'noto-sans-thai', subsets: ['thai'], precomposed: false },
  { pkg: '@fontsource/noto-sans-khmer', prefix: 'noto-sans-khmer', subsets: ['khmer'], precomposed: false },
  { pkg: '@fontsource/noto-sans-lao', prefix: 'noto-sans-lao', subsets: ['lao'], precomposed: false },
  { pkg: '@fontsource/noto-sans-myanmar', prefix: 'noto-sans-myanmar', subsets: ['myanmar'], precomposed: false },
] as const;

const WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

function parseRanges(css: string): [number, number][] {
  return css.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(from ?? '', 16);
    return [a, to === undefined ? a : parseInt(to, 16)];
  });
}

let loaded: Record<Weight, Face[]> | undefined;

/** Read and unpacked once per process (about 2 MB in all); each document parses only the faces it uses. */
function faces(): Record<Weight, Face[]> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const out: Record<Weight, Face[]> = { regular: [], bold: [] };
  for (const src of SOURCES) {
    const unicode = JSON.parse(fs.readFileSync(require.resolve(`${src.pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    for (const subset of src.subsets) {
      const css = unicode[subset];
      if (css === undefined) throw new Error(`${src.pkg} has no "${subset}" subset`);
      for (const weight of ['regular', 'bold'] as const) {
        const file = require.resolve(`${src.pkg}/files/${src.prefix}-${subset}-${WEIGHTS[weight]}-normal.woff`);
        out[weight].push({ name: `${subset}-${weight}`, ranges: parseRanges(css), data: woffToSfnt(fs.readFileSync(file)), precomposed: src.precomposed });
      }
    }
  }
  loaded = out;
  return out;
}

function covers(face: Face, cp: number): boolean {
  return face.ranges.some(([a, b]) => cp >= a && cp <= b);
}

export interface Run {
  font: string;
  text: string;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Cuts a text into runs of one font. A grapheme (a letter with its marks: Thai vowels and tone marks, Khmer
 * subscripts) is never split; a space or punctuation mark stays in the running font when it has it, so "สมชาย ใจดี"
 * is one run. A letter no font covers is printed as "?" in the Latin font rather than as a missing glyph.
 */
export function runs(text: string, weight: Weight = 'regular'): readonly Readonly<Run>[] {
  const key = `${weight}\u0000${text}`;
  const known = memo.get(key);
  if (known) return known;
  const out = cutRuns(text, weight);
  // A list repeats its Members and organisations on every row; the memo is dropped whole when it grows large.
  if (memo.size >= 10_000) memo.clear();
  memo.set(key, out);
  return out;
}

const memo = new Map<string, readonly Readonly<Run>[]>();

function cutRuns(text: string, weight: Weight): Run[] {
  const list = faces()[weight];
  const latin = list[0]!;
  const out: Run[] = [];
  let current: Face | undefined;
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const cps = [...segment].map((c) => c.codePointAt(0)!);
    const fits = (f: Face) => cps.every((cp) => covers(f, cp));
    // Whitespace stays in the running font (every face has a space): a run never starts with one.
    const keep = current && (fits(current) || /^\s+$/u.test(segment));
    let face = keep ? current : list.find(fits);
    let piece = segment;
    if (!face) {
      // A letter with marks of another face (rare): the base letter decides.
      face = list.find((f) => covers(f, cps[0]!)) ?? latin;
      piece = [...segment].filter((c) => covers(face!, c.codePointAt(0)!)).join('') || '?';
    }
    const last = out[out.length - 1];
    if (last && last.font === face.name) last.text += piece;
    else out.push({ font: face.name, text: piece });
    current = face;
  }
  return out;
}

/** Registers every face with the document under the names `runs` returns. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const weight of ['regular', 'bold'] as const) for (const f of faces()[weight]) doc.registerFont(f.name, f.data);
}

/**
 * Every run is placed on the Latin face's baseline (Noto Sans ascender, 1.069 em): pdfkit otherwise hangs each run
 * from its own font's ascender, and Lao (1.183) or Burmese (1.324) would sit lower than the Latin beside them.
 */
const ASCENDER = 1.069;

function baseline(size: number | undefined): number {
  return -ASCENDER * (size ?? 12);
}

/**
 * OpenType features for a run: ccmp off where the font has precomposed letters. fontkit takes an object of
 * features to switch on or off; pdfkit passes it through, though its types only describe a list.
 */
function features(font: string, text: string): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
  // Printable ASCII has nothing to decompose: without features pdfkit can reuse its layout of each word.
  return precomposedFonts().has(font) && /[^ -~]/.test(text) ? NO_CCMP : {};
}

const NO_CCMP = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };

let precomposed: Set<string> | undefined;
function precomposedFonts(): Set<string> {
  precomposed ??= new Set([...faces().regular, ...faces().bold].filter((f) => f.precomposed).map((f) => f.name));
  return precomposed;
}

export interface TextOptions {
  weight?: Weight;
  size?: number;
}

function widthOfRuns(doc: PDFKit.PDFDocument, list: readonly Run[], size: number | undefined): number {
  return list.reduce((w, r) => w + doc.font(r.font, size).widthOfString(r.text, features(r.font, r.text)), 0);
}

/** Width of a text printed in runs. */
export function widthOf(doc: PDFKit.PDFDocument, text: string, opts: TextOptions = {}): number {
  return widthOfRuns(doc, runs(text, opts.weight), opts.size);
}

/**
 * One line at (x, y), cut with "…" at whole letters when wider than `width` (a table cell). Leaves the cursor
 * where pdfkit leaves it after the last run.
 */
export function cell(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, opts: TextOptions = {}): void {
  let shown = text;
  let list = runs(text, opts.weight);
  if (widthOfRuns(doc, list, opts.size) > width) {
    const letters = [...graphemes.segment(text)].map((s) => s.segment);
    const ellipsis = widthOf(doc, '…', opts);
    // Halve the cut until it fits, then add back letter by letter: a long name costs a few measures, not one each.
    let keep = letters.length;
    while (keep > 0 && widthOf(doc, letters.slice(0, keep).join(''), opts) + ellipsis > width) keep = Math.floor(keep / 2);
    while (keep < letters.length && widthOf(doc, letters.slice(0, keep + 1).join(''), opts) + ellipsis <= width) keep++;
    shown = `${letters.slice(0, keep).join('').trimEnd()}…`;
    list = runs(shown, opts.weight);
  }
  let at = x;
  // Glyphs are drawn in visual order (a Khmer vowel sign before its consonant), so a reader copying the text would
  // get letters out of order: the span's ActualText gives the text as written.
  doc.markContent('Span', { actual: shown });
  for (const r of list) {
    doc.font(r.font, opts.size).text(r.text, at, y, { lineBreak: false, baseline: baseline(opts.size), ...features(r.font, r.text) });
    at += doc.widthOfString(r.text, features(r.font, r.text));
  }
  doc.endMarkedContent();
}

/**
 * A paragraph at the cursor that wraps at the page margins, its runs printed with `continued` so that one line
 * can hold several scripts.
 */
export function paragraph(doc: PDFKit.PDFDocument, text: string, opts: TextOptions & PDFKit.Mixins.TextOptions = {}): void {
  const { weight, size, ...textOptions } = opts;
  const list = runs(text === '' ? ' ' : text, weight);
  doc.markContent('Span', { actual: text });
  list.forEach((r, i) => {
    doc.font(r.font, size).text(r.text, { ...textOptions, baseline: baseline(size), ...features(r.font, r.text), continued: i < list.length - 1 });
  });
  doc.endMarkedContent();
}
