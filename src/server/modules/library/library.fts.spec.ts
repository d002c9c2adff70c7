import { describe, expect, it } from 'vitest';
import { ftsQuery, seqList } from './library.fts';

describe('seqList: the keys of a match list as the database aggregates them', () => {
  it('reads none, one and many keys', () => {
    expect(seqList(null)).toEqual([]);
    expect(seqList('')).toEqual([]);
    expect(seqList('7')).toEqual([7]);
    expect(seqList('3,10,2048,0,99999')).toEqual([3, 10, 2048, 0, 99999]);
  });

  it('reads as many keys as a broad prefix matches', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => i * 3 + 1);
    expect(seqList(keys.join(','))).toEqual(keys);
  });
});

describe('ftsQuery', () => {
  it('quotes terms for each engine, prefixes as the engine spells them', () => {
    expect(ftsQuery('sqlite', ['border', 'say "hi"'])).toBe('"border" AND "say ""hi"""');
    expect(ftsQuery('postgres', ["o'brien"])).toBe("'o''brien'");
  });
});
