import { z } from 'zod';
import { IdSchema } from './meeting';

/** Whether a view chosen to ring can: its sound is unlocked, waits for a click, or the meeting is muted. */
export const AudioReadinessSchema = z.enum(['ready', 'blocked', 'muted']);
export type AudioReadiness = z.infer<typeof AudioReadinessSchema>;

export const LinkSeenSchema = z.enum(['online', 'offline', 'never']);

/**
 * Who is connected, for the host alone: every hall screen and each reviewer's phone, so the host
 * knows before the first speaker that every phone works and the projector will ring. No scores.
 */
export const PresenceSchema = z.object({
  screens: z.array(
    z.object({
      kind: z.enum(['display', 'stage', 'control']),
      /** Stable for one browser tab or window across reloads and reconnects. */
      id: z.string(),
      status: z.enum(['online', 'offline']),
      /** The address it connects from. */
      from: z.string(),
      /** Wall-clock ms of the last connect or disconnect. */
      since: z.number(),
      /** Null when this screen is not chosen as an audio output. */
      audio: AudioReadinessSchema.or(z.literal('unknown')).nullable(),
    }),
  ),
  reviewers: z.array(z.object({ reviewerId: IdSchema, status: LinkSeenSchema, since: z.number().nullable() })),
});
export type Presence = z.infer<typeof PresenceSchema>;
export type ScreenPresence = Presence['screens'][number];
