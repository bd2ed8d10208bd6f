import { z } from 'zod';

/**
 * The meeting's dictionaries (ballots by slot and reviewer, status, windows, claims…) are keyed by
 * ids people chose. Ids never equal a name every object has (ids.ts); this is the second wall, for
 * the day one slips past it: a lookup finds only what was stored under the key, never a member
 * every object inherits (`toString`, `constructor`, `__proto__`), whatever made the object (an
 * object literal, JSON.parse of a snapshot, structuredClone); and a write defines the key on the
 * object itself, where `o[key] = v` would call the `__proto__` setter and replace its prototype.
 * The objects stay plain, so snapshots, JSON and clones round-trip them unchanged.
 */

const { hasOwnProperty } = Object.prototype;

/** What is stored under `key`, or undefined: never an inherited member. */
export function own<T>(dict: Readonly<Partial<Record<string, T>>> | undefined, key: string): T | undefined {
  // Not Object.hasOwn: the views share this code, and Safari before 15.4 (older iPhones) lacks it.
  return dict !== undefined && hasOwnProperty.call(dict, key) ? dict[key] : undefined;
}

/** Stores `value` under `key` on the object itself, `__proto__` included. */
export function put<T>(dict: Record<string, T>, key: string, value: T): void {
  // Only `__proto__` is an accessor every object inherits; any other key assigned becomes an own
  // property, by the engine's fast path for assignment (defineProperty is many times slower, and
  // a slot's ballots are copied and added to at every ballot).
  if (key === '__proto__') Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true });
  else dict[key] = value;
}

/** A key no id can be (ids.ts), added and deleted to make a copy a hash table. */
const HASH_TABLE = '\u0000rostrum-hash-table';

/**
 * A copy of a dictionary to add to: every own entry, `__proto__` included, in a plain object kept
 * as a hash table. A slot's ballots are copied at every ballot (states are never changed in
 * place), 500 of them in a full hall; spread into a literal, each copy of 500 keys also built a
 * hidden class of 500 properties (165 µs and a heap of garbage per copy); a hash table is
 * copied in a quarter of the time. A property added and deleted is what makes an engine keep an
 * object as a hash table; in any engine the object is the same plain object.
 */
export function copyOf<T>(dict: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const copy: Record<string, T | number> = { [HASH_TABLE]: 0 };
  delete copy[HASH_TABLE];
  const into = copy as Record<string, T>;
  if (dict !== undefined) for (const key of Object.keys(dict)) put(into, key, dict[key] as T);
  return into;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * A dictionary keyed by ids, every value held to `value`. zod's own record leaves a `__proto__`
 * key out of its copy (assigned, it would replace the copy's prototype), so a check made on that
 * copy (whose ballots a phone is sent, which results are locked) would not see what is sent under
 * that key: here every own key is checked and kept, defined on the copy, not assigned.
 */
export function dictOf<T extends z.ZodType>(value: T): z.ZodType<Record<string, z.output<T>>> {
  return z.unknown().transform((input, ctx) => {
    if (!isPlainObject(input)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object keyed by ids' });
      return z.NEVER;
    }
    const entries: [string, z.output<T>][] = [];
    for (const key of Object.keys(input)) {
      const got = value.safeParse(input[key]);
      if (got.success) entries.push([key, got.data]);
      else for (const issue of got.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
    }
    return Object.fromEntries(entries);
  });
}
