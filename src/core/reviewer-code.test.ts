import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatCode, isShortCode, makeCode, normalizeCode } from './reviewer-code';

describe('reviewer codes', () => {
  it('hold no character a reader could take for another', () => {
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
    let i = 0;
    const code = makeCode((n) => i++ % n);
    expect(code).toHaveLength(8);
    expect(isShortCode(code)).toBe(true);
  });

  it('are read back whatever the case, with or without the dash or spaces', () => {
    for (const typed of ['K7QM-3XPA', 'k7qm3xpa', ' k7qm 3xpa ', 'K7QM–3XPA', 'k7Qm-3Xpa']) expect(normalizeCode(typed)).toBe('K7QM3XPA');
    expect(formatCode('K7QM3XPA')).toBe('K7QM-3XPA');
  });

  it('leave an older meeting’s long key exactly as typed (it is case-sensitive)', () => {
    expect(normalizeCode('aB3-dE_fGh9kLmNo')).toBe('aB3-dE_fGh9kLmNo');
    expect(formatCode('aB3-dE_fGh9kLmNo')).toBe('aB3-dE_fGh9kLmNo');
    // Eight characters including an ambiguous one are not a short code either.
    expect(normalizeCode('k7qm-3xp0')).toBe('k7qm-3xp0');
  });
});
