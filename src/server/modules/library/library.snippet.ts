import { normalize } from '../../platform/search';
import type { MarkedText } from '@/contracts/library';

/**
 * Highlighting the words of a query in the original text (titles, descriptions, file text), the way search matched
 * them: case and Latin diacritics ignored ("viet" marks "Việt"), a spaced-script word matched at the start of a word
 * (a prefix), a Thai, Lao, Khmer, Burmese or CJK run matched anywhere. Returns plain text with offsets; the browser
 * draws the marks (no HTML is ever built here).
 */

const UNSPACED = /[\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Mymr}\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}]/u;
/** Letters normalize() folds by hand, and what they fold to. */
const FOLDED_FROM: Record<string, string> = { d: 'đð', o: 'ø', l: 'ł', i: 'ı' };

function charPattern(ch: string): string {
  if (/[a-z]/.test(ch)) return `[${ch}${FOLDED_FROM[ch] ?? ''}]\\p{M}*`;
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A regex finding the query's words in NFD text (null when the query has nothing to highlight). */
export function highlighter(query: string): RegExp | null {
  const words = normalize(query).split(' ').filter((w) => Array.from(w).length >= 2);
  if (words.length === 0) return null;
  const patterns = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const body = Array.from(w).map(charPattern).join('');
      return UNSPACED.test(w) ? body : `(?<![\\p{L}\\p{N}\\p{M}])${body}`;
    });
  return new RegExp(patterns.join('|'), 'giu');
}

interface Segment {
  text: string;
  mark: boolean;
}

function assemble(segments: Segment[]): MarkedText {
  let text = '';
  const marks: [number, number][] = [];
  for (const s of segments) {
    const piece = s.text.normalize('NFC');
    if (s.mark && piece) marks.push([text.length, text.length + piece.length]);
    text += piece;
  }
  return { text, marks };
}

function segmentsOf(nfd: string, re: RegExp, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  re.lastIndex = from;
  for (let m = re.exec(nfd); m && m.index < to; m = re.exec(nfd)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    const end = Math.min(m.index + m[0].length, to);
    if (m.index > at) segments.push({ text: nfd.slice(at, m.index), mark: false });
    segments.push({ text: nfd.slice(m.index, end), mark: true });
    at = end;
  }
  if (at < to) segments.push({ text: nfd.slice(at, to), mark: false });
  return segments;
}

/** Every place the query's words occur in a short text (a title). */
export function markAll(text: string, re: RegExp | null): [number, number][] {
  if (!re) return [];
  const nfd = text.normalize('NFD');
  return assemble(segmentsOf(nfd, re, 0, nfd.length)).marks;
}

/**
 * A window of about `size` characters around the first match in the text, with every match inside it marked, or
 * null when the words do not occur in it. Only the first `scan` characters are searched.
 */
export function snippet(text: string, re: RegExp | null, size = 220, scan = 200_000): MarkedText | null {
  if (!re || !text) return null;
  const nfd = text.slice(0, scan).normalize('NFD');
  re.lastIndex = 0;
  const first = re.exec(nfd);
  if (!first) return null;
  let start = Math.max(0, first.index - Math.floor(size / 3));
  if (start > 0) {
    const space = nfd.slice(start, first.index).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(nfd.length, start + size);
  if (end < nfd.length) {
    const back = nfd.slice(first.index + first[0].length, end).lastIndexOf(' ');
    if (back > 0) end = first.index + first[0].length + back;
  }
  // Never cut a base letter from its marks.
  while (end < nfd.length && /\p{M}/u.test(nfd[end] ?? '')) end += 1;
  while (start > 0 && /\p{M}/u.test(nfd[start] ?? '')) start -= 1;
  const segments = segmentsOf(nfd, re, start, end);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < nfd.length || text.length > scan) segments.push({ text: ' …', mark: false });
  const out = assemble(segments);
  // Line breaks become spaces (one for one, so the offsets hold).
  return { text: out.text.replace(/[\n\r\t]/g, ' '), marks: out.marks };
}
