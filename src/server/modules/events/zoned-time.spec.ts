import { describe, expect, it } from 'vitest';
import { eventSpan, isKnownTimeZone, nextDate, zonedParts, zonedToUtc } from './zoned-time';

describe('zoned time', () => {
  it('knows IANA zones, their aliases and UTC, and refuses anything else', () => {
    for (const zone of ['Asia/Bangkok', 'Pacific/Auckland', 'UTC', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires']) expect(isKnownTimeZone(zone)).toBe(true);
    for (const zone of ['Asia/Atlantis', 'Bangkok', '', 'GMT+7; drop table', '../../etc/passwd']) expect(isKnownTimeZone(zone)).toBe(false);
  });

  it('turns a local date and time into the UTC instant, across DST changes', () => {
    expect(zonedToUtc('2022-09-07', '09:00', 'Asia/Bangkok').toISOString()).toBe('2022-09-07T02:00:00.000Z');
    expect(zonedToUtc('2022-10-02', '09:00', 'Australia/Sydney').toISOString()).toBe('2022-10-01T22:00:00.000Z');
    expect(zonedToUtc('2022-10-01', '09:00', 'Australia/Sydney').toISOString()).toBe('2022-09-30T23:00:00.000Z');
    expect(zonedToUtc('2022-09-07', '09:00', 'Asia/Kathmandu').toISOString()).toBe('2022-09-07T03:15:00.000Z');
  });

  it('reads an instant back as the local date and time', () => {
    expect(zonedParts(new Date('2022-09-06T17:30:00Z'), 'Asia/Bangkok')).toMatchObject({ date: '2022-09-07', time: '00:30' });
    expect(zonedParts(new Date('2022-09-06T17:30:00Z'), 'UTC')).toMatchObject({ date: '2022-09-06', time: '17:30' });
  });

  it('spans an event from 00:00 of its first day to 24:00 of its last, in its zone', () => {
    expect(eventSpan('2022-09-07', '2022-09-08', 'Asia/Bangkok')).toEqual({ startsAt: '2022-09-06T17:00:00.000Z', endsAt: '2022-09-08T17:00:00.000Z' });
    expect(nextDate('2024-02-28')).toBe('2024-02-29');
    expect(nextDate('2022-12-31')).toBe('2023-01-01');
  });
});
