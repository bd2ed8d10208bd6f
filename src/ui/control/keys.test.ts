import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../core/actions';
import { keyLabel } from './keys';

describe('the shortcut list', () => {
  it('writes every shortcut as printed on the key, never a key code', () => {
    const labels = ACTIONS.flatMap((a) => a.keys).map(keyLabel);
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) expect(label, label).not.toMatch(/Key|Digit|Period|Comma|Slash|Numpad/);
    expect(keyLabel({ code: 'Digit1' })).toBe('1');
    expect(keyLabel({ code: 'Period' })).toBe('.');
    expect(keyLabel({ code: 'KeyB' })).toBe('B');
  });
});
