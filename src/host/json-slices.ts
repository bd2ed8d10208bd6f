/**
 * JSON.stringify's text of a value, cut into slices at the members of objects and the items of
 * arrays down to `depth` levels; below that, each value is one slice. Joined, the slices are
 * exactly `JSON.stringify(value)`: a caller can serialise a large state a slice at a time, giving
 * the event loop a turn between, where one call would hold it for the whole text.
 *
 * `memo` keeps the text of each object or array one level above the slices (a slot's ballots, an
 * undo entry, a claim) by identity, and gives it back whole the next time: only for values never
 * changed in place, as the meeting's states are. Of a snapshot taken every 500 events, most is
 * then what the last one already wrote (the locked slots' ballots, the undo history), and it is
 * not serialised again.
 *
 * Only for data as the meeting's state holds it (plain objects, arrays, strings, numbers,
 * booleans, null): a value with a toJSON of its own is left to JSON.stringify whole.
 */
export function* jsonSlices(value: unknown, depth: number, memo?: WeakMap<object, string>): Generator<string, void, undefined> {
  if (depth <= 0 || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (memo === undefined || depth !== 1) return yield* members(value, depth, memo);
  const kept = memo.get(value);
  if (kept !== undefined) return void (yield kept);
  const slices: string[] = [];
  for (const slice of members(value, depth, memo)) {
    slices.push(slice);
    yield slice;
  }
  memo.set(value, slices.join(''));
}

function* members(value: object, depth: number, memo: WeakMap<object, string> | undefined): Generator<string, void, undefined> {
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // As JSON.stringify writes them in an array: what has no JSON text becomes null.
      yield* isOmitted(value[i]) ? ['null'] : jsonSlices(value[i], depth - 1, memo);
    }
    yield ']';
  } else {
    yield '{';
    let first = true;
    // Object.keys: the own enumerable string keys, in JSON.stringify's order, `__proto__` included.
    for (const key of Object.keys(value)) {
      const member = (value as Record<string, unknown>)[key];
      if (isOmitted(member)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonSlices(member, depth - 1, memo);
    }
    yield '}';
  }
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const isOmitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
