import { z } from 'zod';
import { IdSchema, MeetingSetupSchema, PlannedStartSchema, SittingSchema, SlotSchema } from './meeting';
import { SlotFieldsSchema } from './commands';
import { OutputsSchema } from './outputs';
import { RevealSchema } from './reveal';
import { MessagePresetsSchema, MessageTargetSchema, MessageTextSchema } from './speaker-message';
import { DecimalTextSchema, ScoringSetupSchema, SetupPartSchema } from './scoring.setup';
import { MonoSchema, WallSchema } from './time';
import type { Mono, Wall } from './time';

/** `integration`: a control surface (Stream Deck, Companion, a script) with the integration key. */
export const RoleSchema = z.enum(['host', 'clerk', 'reviewer', 'display', 'integration', 'system']);
export type Role = z.infer<typeof RoleSchema>;

export const ActorSchema = z.object({
  role: RoleSchema,
  device: z.string().max(80).optional(),
  reviewerId: IdSchema.optional(),
  /** A reviewer's phone: the hash of its device key (decide.cards.ts). */
  phone: z.string().max(64).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/**
 * What happened, as facts with every target resolved: replaying them needs no decisions, so the
 * same log always rebuilds the same state. Each accepted command yields exactly one event, which
 * is also the unit of undo.
 */
export const EventBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('meeting.created'), setup: MeetingSetupSchema }),
  z.object({ type: z.literal('meeting.renamed'), title: z.string() }),
  z.object({ type: z.literal('timer.started'), slotId: IdSchema, phaseIndex: z.number().int().min(0) }),
  z.object({ type: z.literal('timer.paused') }),
  z.object({ type: z.literal('timer.resumed') }),
  z.object({ type: z.literal('timer.adjusted'), deltaMs: z.number().int() }),
  z.object({ type: z.literal('timer.letFinish') }),
  /** Stamped with the boundary's due instant, not the moment the host's timer woke up. */
  z.object({
    type: z.literal('boundary.reached'),
    slotId: IdSchema,
    phaseIndex: z.number().int().min(0),
    boundary: z.enum(['warning', 'danger', 'zero']),
  }),
  z.object({ type: z.literal('phase.advanced'), slotId: IdSchema, phaseIndex: z.number().int().min(1) }),
  /** The live slot is left (done if it had started) and `slotId` is called up; null: the queue is finished. */
  z.object({ type: z.literal('slot.entered'), slotId: IdSchema.nullable() }),
  /** `enter` is set when the live slot itself was marked, so the next one is called in the same step. */
  z.object({
    type: z.literal('slot.marked'),
    slotId: IdSchema,
    status: z.enum(['waiting', 'skipped', 'absent']),
    enter: IdSchema.nullable().optional(),
  }),
  z.object({ type: z.literal('slot.added'), slot: SlotSchema, index: z.number().int().min(0) }),
  z.object({ type: z.literal('slot.edited'), slotId: IdSchema, fields: SlotFieldsSchema.partial() }),
  z.object({ type: z.literal('slot.removed'), slotId: IdSchema }),
  z.object({ type: z.literal('agenda.replaced'), sittings: z.array(SittingSchema), slots: z.array(SlotSchema) }),
  z.object({
    type: z.literal('sitting.edited'),
    sittingId: IdSchema,
    fields: z.object({ title: z.string().optional(), start: PlannedStartSchema.nullable().optional() }),
  }),
  z.object({ type: z.literal('slot.moved'), slotId: IdSchema, sittingId: IdSchema, index: z.number().int().min(0) }),
  z.object({
    type: z.literal('audio.set'),
    volume: z.number().min(0).max(1).optional(),
    muted: z.boolean().optional(),
    outputs: z.array(z.enum(['display', 'stage', 'control'])).optional(),
  }),
  z.object({ type: z.literal('outputs.configured'), outputs: OutputsSchema }),
  z.object({ type: z.literal('undo.applied'), undoneSeq: z.number().int().min(1) }),
  z.object({ type: z.literal('scoring.configured'), scoring: ScoringSetupSchema }),
  /** Rules changed after the first ballot; `changed` names the parts (rubric, groups, reviewers, rules). */
  z.object({ type: z.literal('scoring.amended'), scoring: ScoringSetupSchema, reason: z.string(), changed: z.array(SetupPartSchema) }),
  z.object({ type: z.literal('scoring.opened'), slotId: IdSchema }),
  z.object({ type: z.literal('scoring.locked'), slotId: IdSchema }),
  z.object({ type: z.literal('scoring.reopened'), slotId: IdSchema, reason: z.string() }),
  z.object({
    type: z.literal('ballot.submitted'),
    slotId: IdSchema,
    reviewerId: IdSchema,
    submissionId: z.string(),
    scores: z.array(DecimalTextSchema),
    comment: z.string(),
    /** The phone it came from (a short id of its device key); absent in meetings from before cards were claimed. */
    device: z.string().optional(),
  }),
  z.object({
    type: z.literal('paper.entered'),
    slotId: IdSchema,
    reviewerId: IdSchema,
    entryId: z.string(),
    scores: z.array(DecimalTextSchema),
    comment: z.string(),
  }),
  z.object({ type: z.literal('paper.discarded'), slotId: IdSchema, reviewerId: IdSchema, entryId: z.string() }),
  z.object({ type: z.literal('ballot.voided'), slotId: IdSchema, reviewerId: IdSchema }),
  z.object({ type: z.literal('results.revealed'), reveal: RevealSchema }),
  z.object({ type: z.literal('results.hidden') }),
  z.object({
    type: z.literal('message.shown'),
    text: MessageTextSchema,
    target: MessageTargetSchema,
    flash: z.boolean(),
    durationMs: z.number().int().nullable(),
  }),
  z.object({ type: z.literal('message.hidden') }),
  z.object({ type: z.literal('message.presetsSet'), presets: MessagePresetsSchema }),
  z.object({ type: z.literal('screen.blackedOut'), on: z.boolean() }),
  /** The first phone to open a reviewer's card holds it (`device`: the hash of the phone's key). */
  z.object({ type: z.literal('card.claimed'), reviewerId: IdSchema, device: z.string() }),
  /** The clerk let go of a card: the next phone to open it takes it. */
  z.object({ type: z.literal('card.released'), reviewerId: IdSchema }),
  /** Written when a log is reopened after a reboot: old monotonic anchors move into the new clock's frame. */
  z.object({ type: z.literal('clock.rebased'), shiftMs: z.number() }),
]);
export type EventBody = z.infer<typeof EventBodySchema>;
export type EventType = EventBody['type'];

export const EnvelopeSchema = z.object({
  seq: z.number().int().min(1),
  at: MonoSchema,
  wall: WallSchema,
  by: ActorSchema,
});
export interface Envelope {
  seq: number;
  at: Mono;
  wall: Wall;
  by: Actor;
}

export type MeetingEvent = EventBody & Envelope;

/**
 * Each event kind extended with the envelope, as one discriminated union: a log line is checked
 * against its own kind only (an intersection would check both halves and merge them, three
 * times slower, and a long log is read through this at every start).
 */
const eventKinds = EventBodySchema.options.map((kind) => kind.extend(EnvelopeSchema.shape));
export const MeetingEventSchema = z.discriminatedUnion('type', eventKinds as unknown as [(typeof eventKinds)[number]]) as unknown as z.ZodType<MeetingEvent>;

/** Events a host may take back with undo: the agenda, the timer and the screens, not settings or the clock. */
export const UNDOABLE: ReadonlySet<EventType> = new Set<EventType>([
  'meeting.renamed',
  'timer.started',
  'timer.paused',
  'timer.resumed',
  'timer.adjusted',
  'timer.letFinish',
  'phase.advanced',
  'slot.entered',
  'slot.marked',
  'slot.added',
  'slot.edited',
  'slot.removed',
  'slot.moved',
  'sitting.edited',
  'agenda.replaced',
  // A lock is final (reopening needs a reason), so it is not undone; see also undo.applied in apply.ts.
  'scoring.opened',
  'results.revealed',
  'results.hidden',
  'message.shown',
  'message.hidden',
  'screen.blackedOut',
]);
