import { z } from 'zod';
import { BallotInputSchema } from './ballots';
import { AGENDA_LIMITS, IdSchema, PlannedStartSchema, SittingSchema, SlotSchema } from './meeting';
import { ScoringSetupSchema } from './scoring.setup';
import { OutputsSchema } from './outputs';
import { RevealSchema } from './reveal';
import { MAX_MESSAGE_MS, MessagePresetsSchema, MessageTargetSchema, MessageTextSchema } from './speaker-message';

/** Editable fields of a slot; the id and its sitting change only through add and move. */
export const SlotFieldsSchema = SlotSchema.pick({ unit: true, speaker: true, topic: true, phases: true });
export type SlotFields = z.infer<typeof SlotFieldsSchema>;

/** Why a final decision is taken back: said by a person, printed in the report. */
export const ReasonSchema = z.string().trim().min(3, 'say why, in a few words').max(300);

const c = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/**
 * Everything a client may ask of the host. One tagged union, parsed from `unknown` at the edge;
 * inside the host a Command is trusted.
 */
export const CommandSchema = z.discriminatedUnion('type', [
  c('timer.start', {}),
  c('timer.pause', {}),
  c('timer.resume', {}),
  c('timer.adjust', { deltaMs: z.number().int().min(-30 * 60_000).max(30 * 60_000).refine((n) => n !== 0, 'must not be 0') }),
  c('timer.letFinish', {}),
  c('phase.next', {}),
  c('slot.next', {}),
  c('slot.prev', {}),
  c('slot.goto', { slotId: IdSchema }),
  c('slot.mark', { slotId: IdSchema, status: z.enum(['waiting', 'skipped', 'absent']) }),
  c('slot.add', { sittingId: IdSchema, index: z.number().int().min(0).optional(), fields: SlotFieldsSchema }),
  c('slot.edit', { slotId: IdSchema, fields: SlotFieldsSchema.partial() }),
  c('slot.remove', { slotId: IdSchema }),
  /** A sitting's title or planned start (null: none, it follows the sitting before). */
  c('sitting.edit', {
    sittingId: IdSchema,
    fields: z.object({ title: SittingSchema.shape.title.optional(), start: PlannedStartSchema.nullable().optional() }).strict(),
  }),
  c('slot.move', { slotId: IdSchema, sittingId: IdSchema, index: z.number().int().min(0) }),
  /** Replaces the whole agenda (an imported sheet) before the meeting starts. */
  c('agenda.replace', { sittings: z.array(SittingSchema).min(1).max(AGENDA_LIMITS.sittings), slots: z.array(SlotSchema).max(AGENDA_LIMITS.slots) }),
  c('meeting.rename', { title: z.string().trim().min(1).max(120) }),
  c('audio.set', {
    volume: z.number().min(0).max(1).optional(),
    muted: z.boolean().optional(),
    outputs: z.array(z.enum(['display', 'stage', 'control'])).max(3).optional(),
  }),
  /** The whole list of outputs (OSC, webhooks): the control view sends it after each add, edit or delete. */
  c('outputs.configure', { outputs: OutputsSchema }),
  c('undo', {}),
  /** The roster and rules; once a ballot is in, only what no ballot depends on (scoring.amend changes the rest). */
  c('scoring.configure', { scoring: ScoringSetupSchema }),
  /** Changes rules that ballots already depend on: audited with its reason and printed in the report. */
  c('scoring.amend', { scoring: ScoringSetupSchema, reason: ReasonSchema }),
  c('scoring.open', { slotId: IdSchema }),
  c('scoring.lock', { slotId: IdSchema }),
  /** Opens a locked slot again: audited with its reason, shown to the clerk and in the report. */
  c('scoring.reopen', { slotId: IdSchema, reason: ReasonSchema }),
  /** A reviewer's ballot; `submissionId` makes a retry after a dropped connection harmless. */
  c('ballot.submit', { slotId: IdSchema, submissionId: z.string().min(8).max(64), ...BallotInputSchema.shape }),
  /** The clerk types in a paper ballot; `entryId` makes a retry harmless, a second entry confirms it. */
  c('paper.enter', { slotId: IdSchema, reviewerId: IdSchema, entryId: z.string().min(8).max(64), ...BallotInputSchema.shape }),
  c('paper.discard', { slotId: IdSchema, reviewerId: IdSchema, entryId: z.string().min(8).max(64) }),
  /** Withdraws a phone ballot that conflicts with the same reviewer's paper ballot. */
  c('ballot.void', { slotId: IdSchema, reviewerId: IdSchema }),
  /** A phone takes its reviewer's card: sent by the host itself when a phone connects, never by a view. */
  c('card.claim', {}),
  /** The clerk lets go of a card held by a phone, so another phone may open it. */
  c('card.release', { reviewerId: IdSchema }),
  c('results.reveal', { reveal: RevealSchema }),
  c('results.hide', {}),
  /** A message to the speaker beside the clock; `durationMs` null: until the host hides it. */
  c('message.show', {
    text: MessageTextSchema,
    target: MessageTargetSchema,
    flash: z.boolean(),
    durationMs: z.number().int().min(1000).max(MAX_MESSAGE_MS).nullable(),
  }),
  c('message.hide', {}),
  c('message.presets', { presets: MessagePresetsSchema }),
  /** Blacks out the projector for a break, and brings it back; the stage monitor keeps its clock. */
  c('screen.blackout', { on: z.boolean() }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
