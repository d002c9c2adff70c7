import { describe, expect, it } from 'vitest';
import { escapeText, fold } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar content lines', () => {
  it('fold at 75 octets, never inside a character, and unfold back to the line', () => {
    for (const line of [`DESCRIPTION:${'a'.repeat(300)}`, `SUMMARY:${'การประชุมเชิงปฏิบัติการ '.repeat(8)}`, `LOCATION:${'Suva, Fiji 🇫🇯 '.repeat(10)}`]) {
      const folded = fold(line);
      const lines = folded.split('\r\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
      expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
    expect(fold('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('escape backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });
});
