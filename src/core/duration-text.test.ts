import { describe, expect, it } from 'vitest';
import { parseDurationText } from './duration-text';

describe('durations as people write them', () => {
  it.each([
    ['8:00', 480_000],
    ['8分钟', 480_000],
    ['8 分钟', 480_000],
    ['8分', 480_000],
    ['3分30秒', 210_000],
    ['8 min', 480_000],
    ['8min', 480_000],
    ['8 minutes', 480_000],
    ['90s', 90_000],
    ['90秒', 90_000],
    ['480', 480_000],
    ['8', 480_000],
    [' 3:00 ', 180_000],
  ])('%j is %i ms', (text, ms) => {
    expect(parseDurationText(text)).toBe(ms);
  });

  it.each(['', 'eight minutes', '8:75', '8.5', '-3', '8小时', 'abc'])('%j is refused', (text) => {
    expect(parseDurationText(text)).toBeNull();
  });
});
