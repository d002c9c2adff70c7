import { describe, expect, it } from 'vitest';
import { matches, normalize, queryTokens, tokenize } from './index';

const found = (doc: string, query: string) => matches(tokenize(doc), query);

describe('normalize', () => {
  it.each([
    ['Việt Nam', 'viet nam'],
    ['Türkiye', 'turkiye'],
    ['Đà Nẵng', 'da nang'],
    ['İSTANBUL', 'istanbul'],
    ['Søren Łukasz Straße Æther Œuvre', 'soren lukasz strasse aether oeuvre'],
    ['ＩＭＭＩＧＲＡＴＩＯＮ　２０２４', 'immigration 2024'],
    ['“Home Affairs” (Dept.), a/b-c_d; e:f «g» ‘h’ O\'Neil', 'home affairs dept a b c d e f g h o neil'],
    ['  many \t spaces\n', 'many spaces'],
    ['ក្រសួង\u200bមហាផ្ទៃ', 'ក្រសួង មហាផ្ទៃ'],
    ['กองบังคับการ ๑๙๑', 'กองบังคับการ 191'],
  ])('%s → %s', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it.each(['สำนักงานตำรวจแห่งชาติ', 'ເຂົ້າເມືອງ', 'ក្រសួងមហាផ្ទៃ', 'ရဲတပ်ဖွဲ့', 'हिन्दी', 'বাংলাদেশ', 'ලංකා'])('keeps the vowel and tone marks of %s', (text) => {
    expect(normalize(text)).toBe(text);
  });

  it('keeps Thai SARA AM composed (NFKC would split it), so ICU still finds the word', () => {
    expect(normalize('ตำรวจ')).toBe('ตำรวจ');
    expect(tokenize('สำนักงานตำรวจแห่งชาติ')).toEqual(expect.arrayContaining(['สำนักงาน', 'ตำรวจ']));
  });
});

describe('tokenize and queryTokens', () => {
  it.each([
    ['สำนักงานตรวจคนเข้าเมือง', 'ตรวจคนเข้าเมือง'],
    ['สำนักงานตรวจคนเข้าเมือง', 'คนเข้าเมือง'],
    ['สำนักงานตำรวจแห่งชาติ', 'ตำรวจ'],
    ['ក្រសួងមហាផ្ទៃ', 'មហាផ្ទៃ'],
    ['ກົມຕຳຫຼວດ', 'ຕຳຫຼວດ'],
    ['မြန်မာနိုင်ငံရဲတပ်ဖွဲ့', 'ရဲတပ်ဖွဲ့'],
    ['出入国在留管理庁', '在留管理'],
    ['中华人民共和国公安部', '公安部'],
    ['법무부 출입국·외국인정책본부', '출입국'],
    ['Bộ Công an Việt Nam', 'viet nam'],
    ['Bộ Công an Việt Nam', 'viet'],
    ['Bộ Công an Việt Nam', 'cong an'],
    ['Bộ Công an Việt Nam', 'Công An'],
    ['Bộ Công an Việt Nam', 'BO CONG'],
    ['Türkiye', 'turkiye'],
    ['Đà Nẵng', 'da nang'],
    ['Department of Immigration', 'immig'],
    ['Department of Immigration', 'dep imm'],
    ['Department of Immigration', 'Immigration'],
    ['Direktorat Jenderal Imigrasi', 'imigrasi jend'],
    ['Royal Thai Police สำนักงานตำรวจแห่งชาติ', 'Police ตำรวจ'],
    ['Department of Internationalisation', 'internationalisation'],
    ['กองบังคับการ ๑๙๑', '191'],
  ])('%s is found by %s', (doc, query) => {
    expect(found(doc, query)).toBe(true);
  });

  it.each([
    ['สำนักงานตำรวจแห่งชาติ', 'กระทรวงแรงงาน'],
    ['สำนักงานตรวจคนเข้าเมือง', 'ตำรวจ'],
    ['Department of Immigration', 'immigrants'],
    ['Department of Immigration', 'migration'],
    ['Department of Immigration', 'immigration police'],
    ['Royal Thai Police สำนักงานตำรวจแห่งชาติ', 'Police ตรวจคนเข้าเมือง'],
    ['ក្រសួងមហាផ្ទៃ', 'ក្រសួងការបរទេស'],
  ])('%s is not found by %s', (doc, query) => {
    expect(found(doc, query)).toBe(false);
  });

  it('relies on grapheme bigrams for Lao, whose run may not be split into words', () => {
    expect(queryTokens('ຕຳຫຼວດ')).toEqual(['~ຕຳຫຼ', '~ຫຼວ', '~ວດ']);
    expect(tokenize('ກົມຕຳຫຼວດ')).toEqual(expect.arrayContaining(['~ຕຳຫຼ', '~ຫຼວ', '~ວດ']));
  });

  it('keeps combining marks with their base letter in bigrams', () => {
    expect(queryTokens('เข้า')).toEqual(['~เข้', '~ข้า']);
  });

  it('turns query words into prefix tokens capped at 12 code points, dropping one-character words', () => {
    expect(queryTokens('Dept. of a Immigration internationalisation')).toEqual(['^dept', '^of', '^immigration', '^internationa']);
  });

  it('indexes Latin words with prefixes of 2..12 code points', () => {
    const tokens = tokenize('Vietnamese internationalisation');
    expect(tokens).toEqual(expect.arrayContaining(['vietnamese', '^vi', '^vie', '^viet', '^vietnamese', 'internationalisation', '^internationa']));
    expect(tokens).not.toContain('^v');
    expect(tokens).not.toContain('^internationalisation');
  });

  it('splits mixed-script words at the script boundary', () => {
    expect(queryTokens('abcตำรวจ123')).toEqual(['^abc', '~ตำร', '~รว', '~วจ', '^123']);
  });

  it('returns no tokens for an unsearchable query, which matches nothing', () => {
    expect(queryTokens('')).toEqual([]);
    expect(queryTokens(' - ! a ')).toEqual([]);
    expect(queryTokens('ต')).toEqual([]);
    expect(found('สำนักงานตำรวจแห่งชาติ', 'ต')).toBe(false);
    expect(found('Department', '')).toBe(false);
  });

  it('cannot be given marker tokens by the user', () => {
    expect(queryTokens('^abc ~ตร')).toEqual(['^abc', '~ตร']);
    expect(found('abc', '~ab')).toBe(true);
    expect(tokenize('^ab ~yz')).toEqual(tokenize('ab yz'));
  });

  it('returns distinct tokens of at most 64 code units', () => {
    const tokens = tokenize(`${'a'.repeat(100)} ${'𠀀'.repeat(40)} ${'ก'.repeat(100)} ${'a'.repeat(100)}`);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(Math.max(...tokens.map((token) => token.length))).toBeLessThanOrEqual(64);
    expect(tokens.some((token) => /[\ud800-\udbff]$/.test(token))).toBe(false);
  });

  it('keeps the token count bounded for a 200-character Thai name', () => {
    const names = [
      'สำนักงานตรวจคนเข้าเมือง', 'สำนักงานตำรวจแห่งชาติ', 'กระทรวงการต่างประเทศ', 'กระทรวงแรงงาน', 'กรมการปกครอง', 'กระทรวงมหาดไทย',
      'กรมสอบสวนคดีพิเศษ', 'สำนักงานป้องกันและปราบปรามการฟอกเงิน', 'กรมคุ้มครองสิทธิและเสรีภาพ', 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์',
    ];
    const name = Array.from(names.join('')).slice(0, 200).join('');
    expect(Array.from(name)).toHaveLength(200);
    const tokens = tokenize(name);
    expect(tokens.length).toBeGreaterThan(100);
    expect(tokens.length).toBeLessThan(400);
    expect(found(name, 'กรมการปกครอง')).toBe(true);
  });
});
