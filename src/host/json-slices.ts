/**
 * JSON.stringify's text of a value, cut into slices at the members of objects and the items of
 * arrays down to `depth` levels; below that, each value is one slice. Joined, the slices are
 * exactly `JSON.stringify(value)`: a caller can serialise a large state a slice at a time, giving
 * the event loop a turn between, where one call would hold it for the whole text.
 *
 * Only for data as the meeting's state holds it (plain objects, arrays, strings, numbers,
 * booleans, null): a value with a toJSON of its own is left to JSON.stringify whole.
 */
export function* jsonSlices(value: unknown, depth: number): Generator<string, void, undefined> {
  if (depth <= 0 || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
  } else if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // As JSON.stringify writes them in an array: what has no JSON text becomes null.
      yield* isOmitted(value[i]) ? ['null'] : jsonSlices(value[i], depth - 1);
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
      yield* jsonSlices(member, depth - 1);
    }
    yield '}';
  }
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const isOmitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
