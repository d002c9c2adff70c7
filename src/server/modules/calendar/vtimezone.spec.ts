import { describe, expect, it } from 'vitest';
import { offsetMinutes, transitions, vtimezone } from './vtimezone';

describe('VTIMEZONE from the runtime time-zone data', () => {
  it('finds Sydney\u2019s two changes of 2026 to the minute', () => {
    const t = transitions('Australia/Sydney', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(t.map((x) => [new Date(x.at).toISOString(), x.from, x.to])).toEqual([
      ['2026-04-04T16:00:00.000Z', 660, 600],
      ['2026-10-03T16:00:00.000Z', 600, 660],
    ]);
  });

  it('writes observances with local onset times and offsets, daylight above the year\u2019s lowest offset', () => {
    const text = vtimezone('Australia/Sydney', 2026, 2026) ?? '';
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\nEND:STANDARD');
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\nEND:DAYLIGHT');
  });

  it('has no daylight time for zones without it (Fiji since 2022, Bangkok) and handles quarter-hour offsets', () => {
    expect(vtimezone('Pacific/Fiji', 2025, 2027)).not.toContain('DAYLIGHT');
    expect(vtimezone('Asia/Bangkok', 2025, 2027)).toContain('TZOFFSETTO:+0700');
    expect(offsetMinutes('Asia/Kathmandu', Date.UTC(2026, 5, 1))).toBe(345);
    expect(vtimezone('Asia/Kathmandu', 2026, 2026)).toContain('TZOFFSETTO:+0545');
  });

  it('refuses an unknown zone', () => {
    expect(vtimezone('Mars/Olympus_Mons', 2026, 2026)).toBeNull();
  });
});
