import { z } from 'zod';
import { IdSchema } from './ids';
import { ScoringSetupSchema } from './scoring.setup';
import { MINUTE, SECOND } from './time';

export { IdSchema } from './ids';
export type { Id } from './ids';

/** Text the people in the room read, in both languages; `en` may be empty and falls back to `zh`. */
export const LocalTextSchema = z.object({
  zh: z.string().trim().min(1).max(60),
  en: z.string().trim().max(60),
});
export type LocalText = z.infer<typeof LocalTextSchema>;

/**
 * One timed part of a slot. Thresholds are remaining time, so "warning at 2:00 left" stays true
 * when the host gives the speaker 30 more seconds.
 */
export const PhaseSpecSchema = z
  .object({
    name: LocalTextSchema,
    durationMs: z.number().int().min(5 * SECOND).max(4 * 60 * MINUTE),
    /** hard: at 0:00 the speech ends (cut-off screen, end bell); soft: counts on as +M:SS. */
    cutoff: z.enum(['hard', 'soft']),
    warningMs: z.number().int().min(0).nullable(),
    dangerMs: z.number().int().min(0).nullable(),
    sounds: z.boolean(),
  })
  .refine((p) => p.warningMs === null || p.dangerMs === null || p.dangerMs <= p.warningMs, {
    message: 'danger must come at or after warning (less time left)',
    path: ['dangerMs'],
  });
export type PhaseSpec = z.infer<typeof PhaseSpecSchema>;

export const SlotSchema = z.object({
  id: IdSchema,
  sittingId: IdSchema,
  unit: z.string().trim().min(1).max(60),
  speaker: z.string().trim().max(60),
  topic: z.string().trim().max(200),
  phases: z.array(PhaseSpecSchema).min(1).max(8),
});
export type Slot = z.infer<typeof SlotSchema>;

/** A planned start as the host types it: a local date and time, e.g. "2026-02-14T14:30". */
export const PlannedStartSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time like 2026-02-14T14:30')
  .refine((s) => !Number.isNaN(new Date(s).getTime()), 'not a real date and time');

export const SittingSchema = z.object({
  id: IdSchema,
  title: z.string().trim().min(1).max(60),
  /** When the sitting is planned to begin; absent: it follows the one before. */
  start: PlannedStartSchema.optional(),
});

/**
 * The most a meeting holds: a thousand speakers is weeks of 8-minute slots. Kept this low so the
 * largest agenda a command can carry fits the host's request limit (protocol.ts).
 */
export const AGENDA_LIMITS = { slots: 1_000, sittings: 50 } as const;
export type Sitting = z.infer<typeof SittingSchema>;

export const MeetingSetupSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    // The same limits as an imported agenda (agenda.replace): whatever a meeting can hold, a
    // template or a new meeting made from it can hold too.
    sittings: z.array(SittingSchema).min(1).max(AGENDA_LIMITS.sittings),
    slots: z.array(SlotSchema).max(AGENDA_LIMITS.slots),
    /** Rubric, groups, reviewers and rules; the defaults when absent. */
    scoring: ScoringSetupSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const sittings = new Set(m.sittings.map((s) => s.id));
    const seen = new Set<string>();
    m.slots.forEach((slot, i) => {
      if (!sittings.has(slot.sittingId)) {
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'sittingId'], message: `no sitting "${slot.sittingId}"` });
      }
      if (seen.has(slot.id)) ctx.addIssue({ code: 'custom', path: ['slots', i, 'id'], message: `duplicate slot id "${slot.id}"` });
      seen.add(slot.id);
    });
  });
export type MeetingSetup = z.infer<typeof MeetingSetupSchema>;

/** The meeting this product was born from: 发言 8:00 with a hard cut-off, then 点评 3:00. */
export function speechPhase(durationMs = 8 * MINUTE): PhaseSpec {
  return {
    name: { zh: '发言', en: 'Speech' },
    durationMs,
    cutoff: 'hard',
    warningMs: Math.min(2 * MINUTE, durationMs),
    dangerMs: Math.min(30 * SECOND, durationMs),
    sounds: true,
  };
}

export function commentPhase(durationMs = 3 * MINUTE): PhaseSpec {
  return {
    name: { zh: '点评', en: 'Comments' },
    durationMs,
    cutoff: 'soft',
    warningMs: Math.min(30 * SECOND, durationMs),
    dangerMs: null,
    sounds: false,
  };
}

export const defaultPhases = (): PhaseSpec[] => [speechPhase(), commentPhase()];

export const plannedMs = (slot: Slot): number => slot.phases.reduce((sum, p) => sum + p.durationMs, 0);
