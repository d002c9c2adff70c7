import { normalize } from './normalize';

/** Marks a prefix token (`^immig`). `^` and `~` are symbols, which normalize() removes, so no word token contains them. */
export const PREFIX_MARK = '^';
/** Marks a grapheme bigram token (`~ตร`). */
export const NGRAM_MARK = '~';
/** Prefix tokens cover word prefixes of 2..12 code points; longer query words are cut to 12. */
export const MIN_PREFIX = 2;
export const MAX_PREFIX = 12;
/** No token is longer than this many UTF-16 code units (so also at most 64 characters in PostgreSQL). */
export const MAX_TOKEN_LENGTH = 64;

/** Scripts written without spaces between words (plus Hangul, whose words carry attached particles). */
const UNSPACED = '\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Mymr}\\p{scx=Han}\\p{scx=Hira}\\p{scx=Kana}\\p{scx=Hang}\\p{scx=Lana}\\p{scx=Tavt}\\p{scx=Tale}\\p{scx=Talu}\\p{scx=Bali}\\p{scx=Java}';
/** A run of unspaced-script text (group 1), or a word of any other script. Input is normalised, so words end at spaces. */
const RUNS = new RegExp(`([${UNSPACED}]+)|[^${UNSPACED} ]+`, 'gu');

const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

interface Run {
  text: string;
  unspaced: boolean;
}

function* runs(normalized: string): Generator<Run> {
  for (const m of normalized.matchAll(RUNS)) yield { text: m[0], unspaced: m[1] !== undefined };
}

function clip(token: string): string {
  if (token.length <= MAX_TOKEN_LENGTH) return token;
  const cut = token.slice(0, MAX_TOKEN_LENGTH);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** `~` + each pair of adjacent grapheme clusters, so vowel and tone marks stay with their base letter. */
function* bigrams(run: string): Generator<string> {
  let prev: string | undefined;
  for (const { segment } of GRAPHEMES.segment(run)) {
    if (prev !== undefined) yield clip(NGRAM_MARK + prev + segment);
    prev = segment;
  }
}

/** `^` + the word's first 2..12 code points. */
function* prefixes(word: string): Generator<string> {
  let prefix = '';
  let length = 0;
  for (const ch of word) {
    if (length === MAX_PREFIX) return;
    prefix += ch;
    length += 1;
    if (length >= MIN_PREFIX) yield PREFIX_MARK + prefix;
  }
}

/**
 * Distinct tokens to index a document under (store one row per token).
 *
 * - Words of spaced scripts (Latin, Cyrillic, Devanagari…) give the word itself plus prefix tokens
 *   `^` + its first 2..12 code points, so a query can match a word by any prefix ("imm" → "Immigration")
 *   with plain equality, and the row count per word stays bounded.
 * - Runs of Thai, Lao, Khmer, Burmese, CJK and Hangul give ICU's dictionary words (Intl.Segmenter) plus
 *   `~` + every pair of adjacent grapheme clusters across the whole run. The bigrams are what queries use:
 *   they find any typed substring even where ICU splits words differently in query and document, or does
 *   not split at all. Bigrams depend on ICU's grapheme rules, so re-index after a Node/ICU upgrade that
 *   changes them.
 *
 * Every token is at most {@link MAX_TOKEN_LENGTH} long. Unspaced text yields at most one bigram per grapheme
 * plus its dictionary words, so a 200-character Thai name gives well under 400 tokens.
 */
export function tokenize(text: string): string[] {
  const tokens = new Set<string>();
  for (const { text: run, unspaced } of runs(normalize(text))) {
    if (unspaced) {
      for (const s of WORDS.segment(run)) if (s.isWordLike) tokens.add(clip(s.segment));
      for (const bigram of bigrams(run)) tokens.add(bigram);
    } else {
      tokens.add(clip(run));
      for (const prefix of prefixes(run)) tokens.add(prefix);
    }
  }
  return [...tokens];
}

/**
 * Distinct tokens a document must ALL contain (AND) to match the query, from the same normalisation as
 * {@link tokenize}. Each spaced-script word becomes a prefix token `^` + its first 12 code points (so
 * "immig", "immigration" and "Immigration" all find "Immigration"); one-character words are dropped.
 * Each unspaced-script run becomes its grapheme bigrams, so "ตรวจคนเข้าเมือง" finds
 * "สำนักงานตรวจคนเข้าเมือง"; a run of a single grapheme (a lone Thai letter or CJK character) has no
 * bigram and is dropped. An empty result means nothing searchable: callers should return no results
 * rather than everything.
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const { text: run, unspaced } of runs(normalize(query))) {
    if (unspaced) {
      for (const bigram of bigrams(run)) tokens.add(bigram);
    } else {
      let last: string | undefined;
      for (const prefix of prefixes(run)) last = prefix;
      if (last !== undefined) tokens.add(last);
    }
  }
  return [...tokens];
}

/** True when the query has tokens and every one is among the document's tokens (false for an unsearchable query). */
export function matches(docTokens: readonly string[], query: string): boolean {
  const wanted = queryTokens(query);
  if (wanted.length === 0) return false;
  const have = new Set(docTokens);
  return wanted.every((token) => have.has(token));
}
