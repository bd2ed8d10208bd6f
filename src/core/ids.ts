import { z } from 'zod';

/**
 * Names every object already has (`constructor`, `toString`, `__proto__`, …). The meeting's
 * state is keyed by ids: an id equal to one of them would read the prototype's member where a
 * slot's ballots or a reviewer's key should be, and the host would fail on every change after it.
 */
const OBJECT_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Ids are opaque strings chosen by the host; short enough to read in a log line, never an object's own member name. */
export const ID_PATTERN = new RegExp(`^(?!(?:${OBJECT_NAMES.join('|')})$)[A-Za-z0-9_-]{1,40}$`);

export const IdSchema = z.string().regex(ID_PATTERN, 'an id is 1–40 letters, digits, _ or -, and not a name every object has (toString, constructor, __proto__…)');
export type Id = z.infer<typeof IdSchema>;
