import { z } from 'zod';
import { IdSchema } from './ids';

/** What the host shows of the results: one slot's score, or the ranking, `shown` places from the bottom up. */
export const RevealSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('slot'), slotId: IdSchema }),
  z.object({ kind: z.literal('ranking'), shown: z.number().int().min(0).max(1000) }),
]);
