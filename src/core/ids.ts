import { z } from 'zod';

/** Ids are opaque strings chosen by the host; short enough to read in a log line. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'an id is 1–40 letters, digits, _ or -');
export type Id = z.infer<typeof IdSchema>;
