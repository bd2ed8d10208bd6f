import { describe, expect, it } from 'vitest';
import { jsonSlices } from './json-slices';

const joined = (value: unknown, depth: number) => [...jsonSlices(value, depth)].join('');

describe('jsonSlices: a large state serialised a slice at a time', () => {
  const ballots = JSON.parse('{"__proto__":{"r1":{"scores":["90"]}},"toString":{"r2":{"scores":["80.5"],"comment":"好\\ud83d\\ude00"}}}') as Record<string, unknown>;
  const state = {
    title: '讲台 "quoted" \\ back\nslash',
    lone: '\ud800 half a pair',
    skipped: undefined,
    fn: () => 1,
    list: [1, undefined, () => 2, { a: null, b: [true, false] }, []],
    empty: {},
    ballots,
    nested: { deep: { deeper: { deepest: [1, 2, 3] } } },
    n: -0.5e-7,
  };

  it('joined, are exactly what JSON.stringify writes, at every depth', () => {
    for (const depth of [0, 1, 2, 3, 4, 10]) expect(joined(state, depth)).toBe(JSON.stringify(state));
    for (const value of [null, 3, 'x', [], {}, [undefined], true]) expect(joined(value, 3)).toBe(JSON.stringify(value));
  });

  it('keep an own __proto__ key as a member, as JSON.stringify does', () => {
    const parsed = JSON.parse(joined({ ballots }, 3)) as { ballots: object };
    expect(Object.getOwnPropertyDescriptor(parsed.ballots, '__proto__')?.value).toEqual({ r1: { scores: ['90'] } });
  });

  it('cut a big dictionary into many small slices, not one text', () => {
    const big = { ballots: { s1: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`r${i}`, { scores: ['90'], comment: 'x'.repeat(100) }])) } };
    const slices = [...jsonSlices(big, 3)];
    expect(slices.length).toBeGreaterThan(1000);
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThan(200);
    expect(slices.join('')).toBe(JSON.stringify(big));
  });
});
