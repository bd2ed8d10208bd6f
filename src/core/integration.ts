import { z } from 'zod';
import { WallSchema } from './time';

/** The OSC port a control surface sends to by default: the one after the host's own 4317. */
export const DEFAULT_OSC_PORT = 4318;

export const OscPortSchema = z.number().int().min(1).max(65535);

/** What the host may change of the integration: the OSC port (the key is made and revoked by its own requests). */
export const IntegrationSettingSchema = z.strictObject({ oscPort: OscPortSchema });

/** Why an OSC packet changed nothing, for the Network panel and the tests. */
export const OscRefusalSchema = z.enum(['malformed', 'unauthenticated', 'unknown', 'not-allowed', 'rate-limited']);
export type OscRefusal = z.infer<typeof OscRefusalSchema>;

/**
 * The integration key and its OSC input as the Network panel shows them (host role only: it
 * carries the key). Counters run from the host's start; `lastError` is the newest refusal.
 */
export const IntegrationStatusSchema = z.strictObject({
  /** The key itself, to copy into a control surface; null: none (OSC is off, HTTP refuses every integration). */
  key: z.string().nullable(),
  oscPort: OscPortSchema,
  /** The UDP port OSC is received on now, or null when it is off (no key) or could not be bound. */
  listening: z.number().int().nullable(),
  /** Why the OSC port could not be opened (in use, say), or null. */
  problem: z.string().nullable(),
  received: z.number().int(),
  accepted: z.number().int(),
  refused: z.number().int(),
  lastError: z.strictObject({ wall: WallSchema, reason: OscRefusalSchema, message: z.string(), from: z.string() }).nullable(),
});
export type IntegrationStatus = z.infer<typeof IntegrationStatusSchema>;
