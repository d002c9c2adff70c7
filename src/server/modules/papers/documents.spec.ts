import { describe, expect, it } from 'vitest';
import { latin } from './documents';

describe('text for the PDF standard font', () => {
  it('keeps Latin-1, drops diacritics it cannot print, and marks other scripts', () => {
    expect(latin('José Müller – “Ad Hoc Group”')).toBe('José Müller – “Ad Hoc Group”');
    expect(latin('Nguyễn Thị Ánh, Việt Nam')).toBe('Nguyen Thi Ánh, Viet Nam');
    // Ł has no decomposition: it cannot be printed; ę and Ō lose their marks.
    expect(latin('Łukasz Wałęsa, Ōsaka')).toBe('?ukasz Wa?esa, Osaka');
    expect(latin('สมชาย')).toBe('?????');
  });
});
