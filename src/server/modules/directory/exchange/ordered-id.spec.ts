import { describe, expect, it } from 'vitest';
import { idParam } from '@/contracts/common';
import { orderedId } from './ordered-id';

describe('orderedId', () => {
  it('makes version 7 UUIDs that sort in the order they were made, even many in one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => orderedId(1_800_000_000_000));
    const later = orderedId(1_800_000_000_500);
    for (const id of [...ids, later]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(later > (ids.at(-1) ?? '')).toBe(true);
    // The first id carries the time it was made.
    expect(parseInt((ids[0] ?? '').replace(/-/g, '').slice(0, 12), 16)).toBe(1_800_000_000_000);
    expect(idParam.safeParse({ id: later }).success).toBe(true);
  });

  it('keeps the order when the clock goes back', () => {
    const a = orderedId(1_900_000_000_000);
    const b = orderedId(1_899_999_999_000);
    expect(b > a).toBe(true);
  });
});
