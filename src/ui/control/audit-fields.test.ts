import { describe, expect, it } from 'vitest';
import { auditFields } from './audit-fields';

const names = {
  slot: (id: string) => ({ a: 'Unit A 甲单位' })[id],
  reviewer: (id: string) => ({ l1: 'Leader One' })[id],
  sitting: (id: string) => ({ d1: 'Afternoon' })[id],
};

describe('an audit line’s fields, as people read them', () => {
  it('names ids by what they stand for, counts phases from 1, and keeps an id nobody is named for', () => {
    expect(auditFields(JSON.stringify({ slotId: 'a', phaseIndex: 0, boundary: 'zero' }), names)).toEqual([
      { key: 'slotId', text: 'Unit A 甲单位' },
      { key: 'phaseIndex', text: '1' },
      { key: 'boundary', text: 'zero' },
    ]);
    expect(auditFields(JSON.stringify({ slotId: 'gone', reviewerId: 'l1' }), names)).toEqual([
      { key: 'slotId', text: 'gone' },
      { key: 'reviewerId', text: 'Leader One' },
    ]);
  });

  it('shows durations as m:ss with their sign, yes/no as such, long lists as their length', () => {
    expect(auditFields(JSON.stringify({ deltaMs: -30_000, flash: true, durationMs: null }), names)).toEqual([
      { key: 'deltaMs', text: '−0:30' },
      { key: 'flash', yes: true },
      { key: 'durationMs', text: '—' },
    ]);
    expect(auditFields(JSON.stringify({ slots: [{ id: 'a' }, { id: 'b' }], scores: ['90', '85.5'], fields: { unit: 'B', phases: [] } }), names)).toEqual([
      { key: 'slots', count: 2 },
      { key: 'scores', text: '90, 85.5' },
      { key: 'fields', text: 'unit B' },
    ]);
  });

  it('shows a detail that is not JSON as it came', () => {
    expect(auditFields('not json', names)).toEqual([{ key: 'detail', text: 'not json' }]);
  });
});
