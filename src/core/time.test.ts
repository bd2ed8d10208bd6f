import { describe, expect, it } from 'vitest';
import { formatCountdown } from './time';

describe('countdown text', () => {
  it.each([
    [480_000, '8:00'],
    [479_999, '8:00'],
    [479_000, '7:59'],
    [1, '0:01'],
    [0, '0:00'],
    [-999, '0:00'],
    [-1000, '+0:01'],
    [-61_000, '+1:01'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_600_001, '1:00:01'],
    [5_405_000, '1:30:05'],
    [-3_599_999, '+59:59'],
    [-3_600_000, '+1:00:00'],
  ])('%i ms left shows %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
