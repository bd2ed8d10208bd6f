import { describe, expect, it } from 'vitest';
import { phoneOf } from './phone-key';

describe('a phone’s device key', () => {
  it('is known by its hash only, the same for the same key', () => {
    const hash = phoneOf('0123456789abcdef0123456789abcdef');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('0123456789abcdef');
    expect(phoneOf('0123456789abcdef0123456789abcdef')).toBe(hash);
    expect(phoneOf('0123456789abcdef0123456789abcdee')).not.toBe(hash);
  });

  it('is refused when missing, short or not plain letters and digits', () => {
    for (const key of [null, undefined, '', 'short', 'x'.repeat(65), '0123456789abcdef\n', '0123456789abcdef/..']) expect(phoneOf(key), String(key)).toBeNull();
  });
});
