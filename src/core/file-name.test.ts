import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from './file-name';

describe('export file names', () => {
  it.each([
    ['理任务 晒思路 工作目标大比拼', '理任务 晒思路 工作目标大比拼'],
    ['2月14日/下午: 结果?', '2月14日-下午- 结果-'],
    ['a\\b|c*d"e<f>g', 'a-b-c-d-e-f-g'],
    ['report. . ', 'report'],
    ['CON', '_CON'],
    ['', 'rostrum'],
    ['...', 'rostrum'],
    ['tab\there\nnew', 'tab-here-new'],
  ])('%j → %j', (wanted, safe) => {
    expect(safeFileName(wanted)).toBe(safe);
  });

  it('never yields a separator, a reserved character, a trailing dot or space, or more than 120 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const name = safeFileName(s);
        // eslint-disable-next-line no-control-regex -- the test checks that none survive
        expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
        expect(name).not.toMatch(/[. ]$/);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(120);
      }),
    );
  });
});
