import { describe, expect, it } from 'vitest';
import { Prng } from '../../db/seed/directory-demo';
import { firstInOrder } from './search.service';

describe('firstInOrder (the page of a search among its candidates)', () => {
  const collator = new Intl.Collator();
  const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('gives what a full sort then a slice gives, for pages shorter and longer than the list', () => {
    const rng = new Prng(3);
    const words = ['Đà Nẵng', 'da nang', 'Immigration', 'immigration', 'Police', 'ตำรวจ', 'Zoë', 'zoe', 'Ábaco', 'abaco', '公安部', 'Customs'];
    for (const n of [0, 1, 7, 25, 300]) {
      const items = Array.from({ length: n }, (_, i) => ({ title: `${rng.pick(words)} ${rng.int(0, 5)}`, id: `id-${rng.int(0, 1000)}-${i}` }));
      for (const k of [0, 1, 5, 25, 400]) {
        expect(firstInOrder(items, k, byTitle)).toEqual([...items].sort(byTitle).slice(0, k));
      }
    }
  });
});
