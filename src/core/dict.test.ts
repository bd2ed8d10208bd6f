import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { copyOf, dictOf, own, put } from './dict';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('dictionaries keyed by ids', () => {
  it('a lookup finds only what was stored, never an inherited member, however the object was made', () => {
    const made = [{}, JSON.parse('{}') as object, structuredClone({}), Object.create(null) as object];
    for (const dict of made) for (const key of NAMES) expect(own(dict as Record<string, number>, key)).toBeUndefined();
    const parsed = JSON.parse('{"__proto__": 1, "toString": 2}') as Record<string, number>;
    expect([own(parsed, '__proto__'), own(parsed, 'toString'), own(structuredClone(parsed), '__proto__')]).toEqual([1, 2, 1]);
  });

  it('a write under "__proto__" stores an entry and leaves the prototype alone', () => {
    const dict: Record<string, { score: string }> = {};
    put(dict, '__proto__', { score: '90' });
    expect(Object.getPrototypeOf(dict)).toBe(Object.prototype);
    expect(own(dict, '__proto__')).toEqual({ score: '90' });
    expect(JSON.parse(JSON.stringify(dict))).toEqual(dict);
    expect(Object.keys(dict)).toEqual(['__proto__']);
  });

  it('the schema keeps and checks every key, "__proto__" too (zod’s record drops it)', () => {
    const input = JSON.parse('{"__proto__": "open", "a": "locked"}') as unknown;
    const windows = dictOf(z.enum(['open', 'locked']));
    expect(z.record(z.string(), z.string()).parse(input)).toEqual({ a: 'locked' });
    const kept = windows.parse(input);
    expect([Object.keys(kept), own(kept, '__proto__'), Object.getPrototypeOf(kept)]).toEqual([['__proto__', 'a'], 'open', Object.prototype]);
    const bad = windows.safeParse(JSON.parse('{"__proto__": "ajar"}'));
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path)).toEqual([['__proto__']]);
    expect(windows.safeParse([]).success).toBe(false);
  });
  it('a copy holds every entry, "__proto__" too, is a plain object, and leaves the original as it was', () => {
    const original = JSON.parse('{"__proto__": {"score": "90"}, "toString": {"score": "80"}, "r1": {"score": "70"}}') as Record<string, { score: string }>;
    const copy = copyOf(original);
    put(copy, 'r2', { score: '60' });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'toString', 'r1', 'r2']);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"score":"90"},"toString":{"score":"80"},"r1":{"score":"70"},"r2":{"score":"60"}}');
    expect(Object.keys(original)).toEqual(['__proto__', 'toString', 'r1']);
    expect(copyOf(undefined)).toEqual({});
  });
});
