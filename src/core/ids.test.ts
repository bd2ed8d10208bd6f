import { describe, expect, it } from 'vitest';
import { IdSchema } from './ids';

describe('ids', () => {
  it('are plain identifiers: letters, digits, _ and -', () => {
    for (const id of ['s01', 'd1', 'leaders', 'sa1b2c3d4e5', 'r_12', 'x-y']) expect(IdSchema.safeParse(id).success, id).toBe(true);
    for (const id of ['', 'a b', '../etc', 'x'.repeat(41), '序号']) expect(IdSchema.safeParse(id).success, id).toBe(false);
  });

  it('are never a name every object has, which a state keyed by ids would read from the prototype', () => {
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__']) expect(IdSchema.safeParse(id).success, id).toBe(false);
    // Only the exact names: an id that merely starts with one is fine.
    expect(IdSchema.safeParse('constructor2').success).toBe(true);
  });
});
