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

describe('jsonSlices with a memo: what did not change is not serialised again', () => {
  const ballot = (i: number) => ({ scores: ['90'], comment: `讲得好 ${i}` });
  const slot = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i}`, ballot(i)]));

  it('gives an unchanged part back whole, a new part a slice at a time, and the same text either way', () => {
    const memo = new WeakMap<object, string>();
    const locked = slot(300);
    const first = { ballots: { s1: locked, s2: slot(3) } };
    expect([...jsonSlices(first, 3, memo)].join('')).toBe(JSON.stringify(first));
    // The next state: s1 is the same object, s2 a new one with a ballot more.
    const next = { ballots: { s1: locked, s2: slot(4) } };
    const slices = [...jsonSlices(next, 3, memo)];
    expect(slices.join('')).toBe(JSON.stringify(next));
    expect(slices).toContain(JSON.stringify(locked));
    expect(slices).not.toContain(JSON.stringify(next.ballots.s2));
    expect(slices.length).toBeLessThan(40);
  });

  it('is only consulted by identity: an equal object made anew is serialised, not looked up', () => {
    const memo = new WeakMap<object, string>();
    const part = { r1: ballot(1) };
    expect([...jsonSlices({ s1: part }, 2, memo)].join('')).toBe(JSON.stringify({ s1: part }));
    expect(memo.get(part)).toBe(JSON.stringify(part));
    expect(memo.get({ r1: ballot(1) })).toBeUndefined();
  });
});
