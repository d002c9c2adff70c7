/**
 * Text normalisation shared by indexing and querying. Both sides must run exactly
 * this function, because tokens are compared with plain SQL equality.
 */

/** Latin/Greek/Cyrillic letter followed by combining diacritics (after NFD). */
const LGC_DIACRITICS = /([\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}])[\u0300-\u036f]+/gu;

/** Letters NFD does not decompose, folded by hand. Keys are already lower case. */
const LETTER_FOLDS: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ς: 'σ' };
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/** Code point of digit zero in decimal-digit blocks used in the region; NFKC leaves them alone. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0];
const NATIVE_DIGIT = new RegExp(`[${DIGIT_ZEROS.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('')}]`, 'gu');

/** Punctuation, symbols, separators and controls all split words. U+200B is the word separator of Khmer/Burmese text. */
const SEPARATORS = /[\p{P}\p{S}\p{Z}\p{Cc}\s\u200b]+/gu;
/** Invisible format characters (ZWJ, ZWNJ, soft hyphen, variation selectors…), dropped as NFKC_Casefold does; U+200B separates. */
const IGNORABLE = /(?!\u200b)\p{Default_Ignorable_Code_Point}/gu;

function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9) ?? cp;
  return String(cp - zero);
}

/**
 * Normalises text for search: NFKC, lower case, Latin/Greek/Cyrillic diacritics removed
 * ("Việt Nam" → "viet nam", "Đà Nẵng" → "da nang"), native decimal digits mapped to ASCII,
 * punctuation and symbols turned into single spaces, whitespace collapsed and trimmed.
 *
 * Combining marks of Thai, Lao, Khmer, Burmese, Indic and other scripts are vowels and tone
 * marks, so they are kept: only marks that follow a Latin, Greek or Cyrillic letter are removed.
 * NFKC splits Thai/Lao SARA AM (ำ/ຳ) into NIKHAHIT + SARA AA; it is put back together so that
 * ICU's dictionary still recognises words such as "ตำรวจ".
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/\u0ecd\u0eb2/g, '\u0eb3')
    .toLowerCase()
    .normalize('NFD')
    .replace(LGC_DIACRITICS, '$1')
    .replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .normalize('NFC')
    .replace(NATIVE_DIGIT, asciiDigit)
    .replace(IGNORABLE, '')
    .replace(SEPARATORS, ' ')
    .trim();
}
