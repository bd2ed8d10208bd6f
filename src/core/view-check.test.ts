import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from './issues';
import { partwiseCheck } from './view-check';
import { HostViewParts, HostViewSchema } from './view-schemas';
import type { ViewParts } from './view-schemas';
import { Rehearsal, tinyMeeting } from './test-support';
import { viewFor } from './views';

describe('a view checked part by part', () => {
  it('finds what the whole schema finds, in the same words', () => {
    const r = new Rehearsal(tinyMeeting()).ok({ type: 'timer.start' }, 0);
    const host = viewFor(r.state, { role: 'host' });
    const check = partwiseCheck(HostViewParts);
    expect(check(host)).toBeNull();
    const bad = [
      { ...host, secret: 1 },
      { ...host, ballots: { a: { l1: {} } } },
      { ...host, title: 3 },
      { ...host, slots: [...host.slots, { id: 'x' }] },
      { ...host, results: [{ slotId: 'a' }] },
      { ...host, submitted: { ...host.submitted, a: ['not an id!'] } },
      Object.fromEntries(Object.entries(host).filter(([k]) => k !== 'seq')),
    ];
    for (const view of bad) {
      const whole = HostViewSchema.safeParse(view);
      expect(whole.success).toBe(false);
      expect(check(view)).toBe(whole.success ? null : describeIssue(whole.error));
    }
  });

  it('checks a part again whenever it is another object, and never again while it is the same', () => {
    let checks = 0;
    const counted = z.array(z.string()).refine(() => ++checks > 0);
    const parts: ViewParts<{ names: typeof counted; n: z.ZodNumber }> = { shape: { names: counted, n: z.number() }, rule: (v) => (v.names.length > v.n ? { path: ['names'], message: 'too many names' } : null) };
    const check = partwiseCheck(parts);
    const names = ['a', 'b'];
    expect([check({ names, n: 2 }), check({ names, n: 3 }), check({ names, n: 4 })]).toEqual([null, null, null]);
    expect(checks).toBe(1);
    // The rules across parts are checked every time: the same names, a changed count.
    expect(check({ names, n: 1 })).toBe('names: too many names');
    // A new object in the same place is checked, good or bad.
    expect(check({ names: ['a', 'b'], n: 2 })).toBeNull();
    expect(check({ names: ['a', 7], n: 2 })).toMatch(/^names\.1: /);
    expect(checks).toBe(2);
  });
});
