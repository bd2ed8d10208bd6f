import { describe, expect, it } from 'vitest';
import { durationText, parseDuration } from './duration';

describe('durations typed by the host', () => {
  it('reads m:ss and whole minutes', () => {
    expect(parseDuration('8:00')).toBe(480_000);
    expect(parseDuration(' 0:30 ')).toBe(30_000);
    expect(parseDuration('3')).toBe(180_000);
    expect(parseDuration('120:00')).toBe(7_200_000);
  });

  it('refuses anything else rather than guess', () => {
    for (const bad of ['', '8:7', '8:60', 'abc', '-1', '1:00:00', '8分钟']) expect(parseDuration(bad)).toBeNull();
  });

  it('writes what it reads', () => {
    expect(durationText(480_000)).toBe('8:00');
    expect(parseDuration(durationText(95_000))).toBe(95_000);
  });
});
