/**
 * vCard 4.0 (RFC 6350) writing: text escaping, CRLF line endings and folding at 75 octets without splitting a
 * UTF-8 sequence, and the few heuristics a directory record needs (family name, language of a local-script name,
 * telephone numbers as tel: URIs).
 */

export interface VCardChannel {
  kind: string;
  value: string;
}

export interface VCardPerson {
  id: string;
  nameLatin: string;
  nameLocal: string | null;
  /** Honorific or rank ("Pol. Col."), written as the N prefix. */
  title: string | null;
  /** BCP 47 tags, most preferred first. */
  languages: readonly string[];
  /** Only the channels the reader may see. */
  channels: readonly VCardChannel[];
  organisation: { nameEn: string; nameLocal: string | null } | null;
  /** The position held, written as TITLE. */
  positionTitle: string | null;
  updatedAt: string;
}

const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, comma, semicolon and newline (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line: no physical line longer than 75 octets, continuation lines start with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Scripts whose text, on its own, names the language. */
const SCRIPT_LANGUAGE: [RegExp, string][] = [
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Sinhala}/u, 'si'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Tibetan}/u, 'bo'],
];

/** Scripts shared by several languages: the person's own languages decide. */
const SHARED_SCRIPTS: [RegExp, readonly string[]][] = [
  [/\p{Script=Han}/u, ['zh', 'ja', 'ko']],
  [/\p{Script=Arabic}/u, ['ar', 'fa', 'prs', 'ps', 'ur']],
  [/\p{Script=Devanagari}/u, ['hi', 'ne', 'mr']],
  [/\p{Script=Cyrillic}/u, ['ru', 'mn', 'kk', 'ky', 'tg', 'uz']],
  [/\p{Script=Latin}/u, []],
];

/** The language of a local-script name, from its script and the person's languages; null when it cannot be told. */
export function languageOfName(name: string, languages: readonly string[]): string | null {
  const primary = languages.map((l) => l.toLowerCase().split('-')[0] ?? '');
  for (const [re, lang] of SCRIPT_LANGUAGE) if (re.test(name)) return lang;
  for (const [re, candidates] of SHARED_SCRIPTS) {
    if (re.test(name)) return primary.find((l) => candidates.includes(l)) ?? (candidates.length === 0 ? (primary.find((l) => l !== 'en') ?? null) : null);
  }
  return null;
}

/**
 * Family and given names from a Latin-script name. A word in capitals marks the family name ("NGUYEN Van An");
 * otherwise the last word is taken as the family name.
 */
export function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { family: words[0] ?? '', given: '' };
  const isCaps = (w: string) => /\p{L}{2,}/u.test(w) && w === w.toUpperCase() && w !== w.toLowerCase();
  const caps = words.filter(isCaps);
  if (caps.length > 0 && caps.length < words.length) return { family: caps.join(' '), given: words.filter((w) => !isCaps(w)).join(' ') };
  return { family: words.at(-1) ?? '', given: words.slice(0, -1).join(' ') };
}

/** A telephone number as a `tel:` URI when it is a global number (RFC 3966), otherwise null. */
export function telUri(value: string): string | null {
  const m = /^\s*\+([0-9][0-9 ()./-]*[0-9])\s*(?:(?:ext\.?|x|#)\s*([0-9]+))?\s*$/i.exec(value);
  if (!m?.[1]) return null;
  const digits = m[1].replace(/[()./]/g, ' ').trim().split(/[\s-]+/).filter(Boolean).join('-');
  if (digits.replace(/-/g, '').length < 5) return null;
  return `tel:+${digits}${m[2] ? `;ext=${m[2]}` : ''}`;
}

const TEL_TYPES: Record<string, string> = { phone: 'work,voice', mobile: 'cell,voice', fax: 'work,fax' };

function revision(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** One vCard, with CRLF line endings and folded lines. */
export function vcard(p: VCardPerson): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:individual', `UID:urn:uuid:${p.id}`];
  const localLang = p.nameLocal ? languageOfName(p.nameLocal, p.languages) : null;
  if (p.nameLocal && p.nameLocal !== p.nameLatin) {
    lines.push(`FN;ALTID=1${localLang ? `;LANGUAGE=${localLang}-Latn` : ''}:${escapeText(p.nameLatin)}`);
    lines.push(`FN;ALTID=1${localLang ? `;LANGUAGE=${localLang}` : ''}:${escapeText(p.nameLocal)}`);
  } else {
    lines.push(`FN:${escapeText(p.nameLatin)}`);
  }
  const { family, given } = splitName(p.nameLatin);
  lines.push(`N:${[family, given, '', p.title ?? '', ''].map(escapeText).join(';')}`);
  if (p.organisation) {
    const { nameEn, nameLocal } = p.organisation;
    if (nameLocal && nameLocal !== nameEn) {
      const orgLang = languageOfName(nameLocal, p.languages);
      lines.push(`ORG;ALTID=2;LANGUAGE=en:${escapeText(nameEn)}`);
      lines.push(`ORG;ALTID=2${orgLang ? `;LANGUAGE=${orgLang}` : ''}:${escapeText(nameLocal)}`);
    } else {
      lines.push(`ORG:${escapeText(nameEn)}`);
    }
  }
  if (p.positionTitle) lines.push(`TITLE:${escapeText(p.positionTitle)}`);
  p.languages.forEach((lang, i) => lines.push(`LANG;PREF=${i + 1}:${lang}`));
  for (const c of p.channels) {
    if (c.kind === 'email') lines.push(`EMAIL;TYPE=work:${escapeText(c.value)}`);
    const telType = TEL_TYPES[c.kind];
    if (telType) {
      const uri = telUri(c.value);
      lines.push(uri ? `TEL;VALUE=uri;TYPE=${telType}:${uri}` : `TEL;VALUE=text;TYPE=${telType}:${escapeText(c.value)}`);
    }
  }
  lines.push(`REV:${revision(p.updatedAt)}`, 'END:VCARD');
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
