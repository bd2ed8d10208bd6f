import { z } from 'zod';
import { CommandSchema } from './commands';
import { IdSchema, PhaseSpecSchema, SittingSchema, SlotSchema } from './meeting';
import { NetworkStatusSchema } from './network';
import { PresenceSchema } from './presence';
import { RevealSchema } from './reveal';
import { ScoringSetupSchema, SetupPartSchema } from './scoring.setup';
import { RoleSchema } from './events';
import { MAX_PRESETS, MessageTargetSchema, MessageTextSchema } from './speaker-message';
import { MonoSchema, WallSchema } from './time';

/** Bumped on any change a client of the previous version would misread. */
export const PROTOCOL_VERSION = 1;

export const ViewRoleSchema = z.enum(['host', 'clerk', 'reviewer', 'display']);
export type ViewRole = z.infer<typeof ViewRoleSchema>;

/**
 * The largest message each role may send over the WebSocket, in bytes. A reviewer's largest
 * command (a ballot with a 500-character comment) is a few kilobytes and a display only pings;
 * the host's and the clerk's largest but one (the whole roster, 500 reviewers) is under 400 KiB
 * however it is written. A whole agenda can be larger (AGENDA_LIMITS, all in Chinese): it goes
 * as `POST /api/v1/commands`, whose body may be COMMAND_BODY_LIMIT. A message over its limit gets
 * an error naming it; the socket itself refuses anything over twice the largest (close 1009).
 */
export const MESSAGE_LIMITS: Readonly<Record<ViewRole, number>> = { reviewer: 16 * 1024, display: 4 * 1024, host: 1024 * 1024, clerk: 1024 * 1024 };
export const COMMAND_BODY_LIMIT = 8 * 1024 * 1024;

/** A size as people read it: 16 KiB, 1 MiB. */
export const bytesText = (n: number): string => (n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} bytes`);

const LiveSchema = z.object({
  slotId: IdSchema,
  phaseIndex: z.number().int().min(0),
  mode: z.enum(['ready', 'running', 'paused', 'cutoff']),
  startedAt: MonoSchema.nullable(),
  elapsedBefore: z.number(),
  adjustMs: z.number(),
  letFinish: z.boolean(),
  cutoffAt: MonoSchema.nullable(),
  fired: z.array(z.enum(['warning', 'danger', 'zero'])),
});

const PhaseRecordSchema = z.object({
  phaseIndex: z.number().int(),
  startedWall: WallSchema,
  endedWall: WallSchema.nullable(),
  plannedMs: z.number(),
  grantedMs: z.number(),
  usedMs: z.number(),
  overtimeMs: z.number(),
  cutoff: z.boolean(),
});

const PaperEntrySchema = z.object({ entryId: z.string(), scores: z.array(z.string()), comment: z.string(), wall: WallSchema });

const BallotSchema = z.object({
  reviewerId: IdSchema,
  scores: z.array(z.string()),
  comment: z.string(),
  source: z.literal('phone'),
  submissions: z.array(z.string()),
  wall: WallSchema,
});

const ScoringChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rules'), seq: z.number().int(), wall: WallSchema, role: RoleSchema, reason: z.string(), changed: z.array(SetupPartSchema) }),
  z.object({ kind: z.literal('reopened'), seq: z.number().int(), wall: WallSchema, role: RoleSchema, reason: z.string(), slotId: IdSchema }),
]);

const SlotResultSchema = z.object({
  slotId: IdSchema,
  unit: z.string(),
  ballots: z.number().int(),
  unresolved: z.number().int(),
  groups: z.array(
    z.object({
      groupId: IdSchema,
      name: z.string(),
      weight: z.string(),
      totals: z.array(z.string()),
      dropped: z.object({ high: z.string(), low: z.string() }).nullable(),
      score: z.string().nullable(),
    }),
  ),
  weighted: z.string().nullable(),
  rescaled: z.boolean(),
  overtimeSeconds: z.number().int(),
  cutoff: z.boolean(),
  penalty: z.string(),
  final: z.string().nullable(),
  provisional: z.boolean(),
  rank: z.number().int().nullable(),
  grade: z.enum(['excellent', 'good', 'pass', 'needsWork']).nullable(),
});

/** The meeting as a view receives it (see views.ts for what each role gets). */
export const ViewStateSchema = z.object({
  title: z.string(),
  sittings: z.array(SittingSchema),
  /** A phone's slots come without their phases: it shows who speaks, never the clock. */
  slots: z.array(SlotSchema.extend({ phases: z.array(PhaseSpecSchema).max(8) })),
  status: z.record(z.string(), z.enum(['waiting', 'done', 'skipped', 'absent'])),
  records: z.record(z.string(), z.array(PhaseRecordSchema)),
  live: LiveSchema.nullable(),
  audio: z.object({
    volume: z.number(),
    muted: z.boolean(),
    outputs: z.array(z.enum(['display', 'stage', 'control'])),
  }),
  /** At most the last undoable action: what the next undo would take back. */
  history: z.array(z.object({ seq: z.number(), action: z.string() })).max(1),
  seq: z.number().int(),
  scoring: ScoringSetupSchema,
  ballots: z.record(z.string(), z.record(z.string(), BallotSchema)),
  paper: z.record(z.string(), z.record(z.string(), z.array(PaperEntrySchema))),
  scoringChanges: z.array(ScoringChangeSchema),
  windows: z.record(z.string(), z.enum(['open', 'locked'])),
  openedAt: z.record(z.string(), MonoSchema),
  reveal: RevealSchema.nullable(),
  message: z
    .object({ text: MessageTextSchema, target: MessageTargetSchema, flash: z.boolean(), shownAt: MonoSchema, durationMs: z.number().int().nullable() })
    .nullable(),
  blackout: z.boolean(),
  /** Empty for phones: they never send messages. */
  messagePresets: z.array(MessageTextSchema).max(MAX_PRESETS),
  submitted: z.record(z.string(), z.array(IdSchema)),
  results: z.array(SlotResultSchema),
});
export type { ViewState } from './views';

/** Messages a view sends. `id` ties a reply (ack or error) to its request. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), id: z.string().min(1).max(64), command: CommandSchema }).strict(),
  z.object({ type: z.literal('ping'), id: z.number().int(), t0: z.number() }).strict(),
  /** Plays the test chime on the views chosen as audio outputs; changes no state. */
  z.object({ type: z.literal('cue.test'), id: z.string().min(1).max(64) }).strict(),
  /** A screen that may ring says whether its sound can play now (the browser may wait for a click). */
  z.object({ type: z.literal('audio.state'), state: z.enum(['ready', 'blocked']) }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const SoundSchema = z.enum(['warning', 'danger', 'end']);
export type Sound = z.infer<typeof SoundSchema>;

export const ErrorCodeSchema = z.enum(['bad_message', 'forbidden', 'not_allowed', 'not_found', 'invalid', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.literal(PROTOCOL_VERSION),
    role: ViewRoleSchema,
    hostNow: z.number(),
    state: ViewStateSchema,
    /** Only the host role gets the display URL, for its live preview. */
    displayUrl: z.string().optional(),
    /** Set when the meeting file is damaged and was opened read-only: why, and where. */
    readOnly: z.string().optional(),
  }),
  z.object({ type: z.literal('state'), state: ViewStateSchema }),
  z.object({ type: z.literal('ack'), id: z.string(), seq: z.number().int() }),
  z.object({
    type: z.literal('error'),
    id: z.string().nullable(),
    code: ErrorCodeSchema,
    message: z.string(),
    /** Where in the message the problem is, e.g. "command.deltaMs". */
    path: z.string().optional(),
  }),
  z.object({ type: z.literal('pong'), id: z.number().int(), t0: z.number(), hostNow: z.number() }),
  /** A sound to play now, sent only to views chosen as audio outputs. */
  z.object({ type: z.literal('cue'), sound: SoundSchema, volume: z.number() }),
  /** Who is connected (host role only): hall screens and reviewers' phones. */
  z.object({ type: z.literal('presence'), presence: PresenceSchema }),
  /** The host's network setting and where it can be reached (host role only). */
  z.object({ type: z.literal('network'), network: NetworkStatusSchema }),
  /** The host now listens on another port: the view reopens itself there. */
  z.object({ type: z.literal('moved'), port: z.number().int().min(1).max(65535) }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
