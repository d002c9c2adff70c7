import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expectWellFormed } from './exchange.test-support';
import { escapeText, foldLine, languageOfName, splitName, telUri, vcard, type VCardPerson } from './vcard';

const somchai: VCardPerson = {
  id: '6f1c2f0e-0000-4000-8000-000000000001',
  nameLatin: 'Somchai Prasert',
  nameLocal: 'สมชาย ประเสริฐศักดิ์ศรีวงศ์ตระกูลใหญ่ยิ่งเกินกว่าเจ็ดสิบห้าไบต์แน่นอน',
  title: 'Pol. Col.',
  languages: ['th', 'en'],
  channels: [
    { kind: 'email', value: 'somchai@police.example' },
    { kind: 'phone', value: '+66 2 205 1000 ext. 12' },
    { kind: 'mobile', value: '081 234 5678' },
    { kind: 'messaging', value: '@somchai' },
  ],
  organisation: { nameEn: 'Royal Thai Police, Immigration Bureau; Division 1', nameLocal: 'สำนักงานตรวจคนเข้าเมือง' },
  positionTitle: 'Director\\Head of\nAnti-Trafficking',
  updatedAt: '2026-03-04T05:06:07.890Z',
};

describe('vCard 4.0 writing', () => {
  it('escapes backslash, comma, semicolon and newline', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a Thai character', () => {
    const line = `FN;LANGUAGE=th:${'ก'.repeat(60)}`;
    const folded = foldLine(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    expectWellFormed(`${folded}\r\n`);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('writes a card that parses back field by field, with the Thai name as an alternative FN', () => {
    const text = vcard(somchai);
    expectWellFormed(text);
    const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(card.name).toBe('vcard');
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    const fns = card.getAllProperties('fn').map((p) => ({ value: p.getFirstValue(), altid: p.getParameter('altid'), language: p.getParameter('language') }));
    expect(fns).toEqual([
      { value: 'Somchai Prasert', altid: '1', language: 'th-Latn' },
      { value: somchai.nameLocal, altid: '1', language: 'th' },
    ]);
    expect(card.getFirstPropertyValue('n')).toEqual(['Prasert', 'Somchai', '', 'Pol. Col.', '']);
    expect(card.getFirstPropertyValue('title')).toBe('Director\\Head of\nAnti-Trafficking');
    const orgs = card.getAllProperties('org').map((p) => [p.getParameter('language'), p.getFirstValue()]);
    expect(orgs).toEqual([
      // The escaped comma and semicolon stay inside the one component (an unescaped ; would start the next one).
      ['en', 'Royal Thai Police, Immigration Bureau; Division 1'],
      ['th', 'สำนักงานตรวจคนเข้าเมือง'],
    ]);
    expect(card.getAllProperties('lang').map((p) => p.getFirstValue())).toEqual(['th', 'en']);
    expect(card.getFirstPropertyValue('email')).toBe('somchai@police.example');
    const tels = card.getAllProperties('tel').map((p) => ({ value: p.getFirstValue(), type: p.getParameter('type') }));
    expect(tels).toEqual([
      { value: 'tel:+66-2-205-1000;ext=12', type: ['work', 'voice'] },
      { value: '081 234 5678', type: ['cell', 'voice'] },
    ]);
    expect(card.getFirstPropertyValue('uid')).toBe(`urn:uuid:${somchai.id}`);
    expect(text).not.toContain('@somchai');
  });

  it('writes one FN when there is no local-script name', () => {
    const card = new ICAL.Component(ICAL.parse(vcard({ ...somchai, nameLocal: null, organisation: null, positionTitle: null, channels: [] })) as unknown[]);
    expect(card.getAllProperties('fn').map((p) => p.getFirstValue())).toEqual(['Somchai Prasert']);
    expect(card.getFirstProperty('org')).toBeNull();
    expect(card.getFirstProperty('email')).toBeNull();
  });

  it('tells the language of a local-script name from its script and the person\'s languages', () => {
    expect(languageOfName('สมชาย', [])).toBe('th');
    expect(languageOfName('ສົມພອນ', [])).toBe('lo');
    expect(languageOfName('សុខា', [])).toBe('km');
    expect(languageOfName('王伟', ['zh-Hans'])).toBe('zh');
    expect(languageOfName('山田太郎', ['ja'])).toBe('ja');
    expect(languageOfName('王伟', [])).toBeNull();
    expect(languageOfName('احمد', ['ps', 'en'])).toBe('ps');
    expect(languageOfName('Nguyễn Văn An', ['vi', 'en'])).toBe('vi');
  });

  it('splits family and given names, capitals marking the family name', () => {
    expect(splitName('NGUYEN Van An')).toEqual({ family: 'NGUYEN', given: 'Van An' });
    expect(splitName('Somchai Prasert')).toEqual({ family: 'Prasert', given: 'Somchai' });
    expect(splitName('Madonna')).toEqual({ family: 'Madonna', given: '' });
  });

  it('writes global numbers as tel: URIs and leaves local ones as text', () => {
    expect(telUri('+62 21 (555) 0100')).toBe('tel:+62-21-555-0100');
    expect(telUri('0812 345')).toBeNull();
  });
});
