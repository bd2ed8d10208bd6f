import type { z } from 'zod';

/**
 * A check by `schema` that remembers the objects it found good: states and the views' parts
 * derived from them are never changed in place, so the same object is as good as it was, and a
 * view part that did not change (10,000 "who submitted" ids, 500 reviewers) is not checked again
 * at every change. Null when good, else the schema's error.
 */
export function checkedOnce(schema: z.ZodType): (value: unknown) => z.ZodError | null {
  const good = new WeakSet<object>();
  return (value) => {
    const remembered = typeof value === 'object' && value !== null;
    if (remembered && good.has(value)) return null;
    const got = schema.safeParse(value);
    if (!got.success) return got.error;
    if (remembered) good.add(value);
    return null;
  };
}
