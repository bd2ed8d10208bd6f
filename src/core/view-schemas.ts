import { z } from 'zod';
import { IdSchema, PhaseSpecSchema, SittingSchema, SlotSchema } from './meeting';
import { OutputSchema } from './outputs';
import { RevealSchema } from './reveal';
import { RoleSchema } from './events';
import { ScoringSetupSchema, SetupPartSchema } from './scoring.setup';
import { MAX_PRESETS, MessageTargetSchema, MessageTextSchema } from './speaker-message';
import { MonoSchema, WallSchema } from './time';
import { dictOf, own } from './dict';
import { checkedOnce } from './checked-once';

/*
 * What each role may receive, as schemas that refuse anything more. The host checks every view
 * against its role's schema before it goes out (views.ts builds them, view-feed.ts sends them):
 * a field added to the state reaches no one until a schema here names it for a role.
 */

const LiveSchema = z.strictObject({
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

const PhaseRecordSchema = z.strictObject({
  phaseIndex: z.number().int(),
  startedWall: WallSchema,
  endedWall: WallSchema.nullable(),
  plannedMs: z.number(),
  grantedMs: z.number(),
  usedMs: z.number(),
  overtimeMs: z.number(),
  cutoff: z.boolean(),
});

const PaperEntrySchema = z.strictObject({ entryId: z.string(), scores: z.array(z.string()), comment: z.string(), wall: WallSchema });

export const BallotViewSchema = z.strictObject({
  reviewerId: IdSchema,
  scores: z.array(z.string()),
  comment: z.string(),
  source: z.literal('phone'),
  submissions: z.array(z.string()),
  wall: WallSchema,
  /** The phone that sent it (a short id of its device key); absent in meetings recorded before cards were claimed. */
  device: z.string().optional(),
});

/** What the hall's screens draw of a revealed result: the unit, its final score, rank and grade. */
export const ShownResultSchema = z.strictObject({
  slotId: IdSchema,
  unit: z.string(),
  final: z.string().nullable(),
  rank: z.number().int().nullable(),
  grade: z.enum(['excellent', 'good', 'pass', 'needsWork']).nullable(),
  /** Whether the slot is still open: its result may change. */
  provisional: z.boolean(),
});

const resultSummary = {
  ...ShownResultSchema.shape,
  ballots: z.number().int(),
  unresolved: z.number().int(),
  weighted: z.string().nullable(),
  rescaled: z.boolean(),
  overtimeSeconds: z.number().int(),
  cutoff: z.boolean(),
  penalty: z.string(),
};

/** A result as a client reads it, whatever its role: the details are there for the host and the clerk only. */
export const ResultViewSchema = z.object({
  ...ShownResultSchema.shape,
  ...z.object(resultSummary).omit({ slotId: true, unit: true, final: true, rank: true, grade: true, provisional: true }).partial().shape,
  groups: z
    .array(
      z.object({
        groupId: IdSchema,
        name: z.string(),
        weight: z.string(),
        score: z.string().nullable(),
        totals: z.array(z.string()).optional(),
        dropped: z.object({ high: z.string(), low: z.string() }).nullable().optional(),
      }),
    )
    .optional(),
});
export type ResultView = z.infer<typeof ResultViewSchema>;

/** A locked slot's result as the host sees it: every group's score, never a ballot's. */
export const HostResultSchema = z.strictObject({
  ...resultSummary,
  groups: z.array(z.strictObject({ groupId: IdSchema, name: z.string(), weight: z.string(), score: z.string().nullable() })),
});

/** Every number of a slot's result, each ballot's total included: the clerk's. */
export const SlotResultSchema = z.strictObject({
  ...resultSummary,
  groups: z.array(
    z.strictObject({
      groupId: IdSchema,
      name: z.string(),
      weight: z.string(),
      totals: z.array(z.string()),
      dropped: z.strictObject({ high: z.string(), low: z.string() }).nullable(),
      score: z.string().nullable(),
    }),
  ),
});

/** A change of the rules after the first ballot, or a locked slot reopened: who, when and why. */
const ScoringChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rules'), seq: z.number().int(), wall: WallSchema, role: RoleSchema, reason: z.string(), changed: z.array(SetupPartSchema) }),
  z.strictObject({ kind: z.literal('reopened'), seq: z.number().int(), wall: WallSchema, role: RoleSchema, reason: z.string(), slotId: IdSchema }),
]);

/** Which phone holds a reviewer's card (its short id) and since when: the clerk's. */
export const ClaimViewSchema = z.strictObject({ device: z.string().max(8), wall: WallSchema });

/** Nothing at all: a part of the meeting this role receives empty. */
const NONE = z.strictObject({});

const common = {
  title: z.string(),
  sittings: z.array(SittingSchema),
  slots: z.array(SlotSchema.extend({ phases: z.array(PhaseSpecSchema).max(8) }).strict()),
  status: dictOf(z.enum(['waiting', 'done', 'skipped', 'absent'])),
  records: dictOf(z.array(PhaseRecordSchema)),
  live: LiveSchema.nullable(),
  audio: z.strictObject({
    volume: z.number(),
    muted: z.boolean(),
    outputs: z.array(z.enum(['display', 'stage', 'control'])),
  }),
  /** At most the last undoable action: what the next undo would take back. */
  history: z.array(z.strictObject({ seq: z.number(), action: z.string() })).max(1),
  seq: z.number().int(),
  scoring: ScoringSetupSchema,
  windows: dictOf(z.enum(['open', 'locked'])),
  openedAt: dictOf(MonoSchema),
  reveal: RevealSchema.nullable(),
  message: z
    .strictObject({ text: MessageTextSchema.strict(), target: MessageTargetSchema, flash: z.boolean(), shownAt: MonoSchema, durationMs: z.number().int().nullable() })
    .nullable(),
  blackout: z.boolean(),
  messagePresets: z.array(MessageTextSchema.strict()).max(MAX_PRESETS),
  scoringChanges: z.array(ScoringChangeSchema),
};

/** Outputs name machines on the LAN and may carry a webhook's key: the host's, no other role's. */
const noOutputs = z.array(z.never()).max(0);

const ballotsSchema = dictOf(dictOf(BallotViewSchema));
/**
 * A schema that remembers the objects it found good: the same object is as good as it was (states
 * and the views' parts derived from them are never changed in place). Each slot's list of who has
 * submitted is derived again only when that slot's ballots change (views.ts), so a ballot costs
 * the check of one list, not of every slot's 500 ids.
 */
function remembering<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>> {
  const check = checkedOnce(schema);
  return z.unknown().superRefine((value, ctx) => {
    for (const issue of check(value)?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }) as unknown as z.ZodType<z.output<T>>;
}

const submittedSchema = dictOf(remembering(z.array(IdSchema)));

/** The clerk: everything, every ballot and every step of every result. */
export const ClerkViewSchema = z.strictObject({
  ...common,
  ballots: ballotsSchema,
  paper: dictOf(dictOf(z.array(PaperEntrySchema))),
  submitted: submittedSchema,
  results: z.array(SlotResultSchema),
  claims: dictOf(ClaimViewSchema),
  outputs: noOutputs,
});

/**
 * The host: who has handed in a ballot, and a slot's result once it is locked. Before the lock a
 * group score would change with each ballot and give that ballot away by the difference.
 */
const hostView = z.strictObject({ ...common, ballots: NONE, paper: NONE, submitted: submittedSchema, results: z.array(HostResultSchema), claims: NONE, outputs: z.array(OutputSchema) });

/** Where a view breaks a rule that spans several of its parts, and how. */
export interface RuleBroken {
  path: string[];
  message: string;
}

/**
 * A role's view as parts and the rules across them: the host checks each part on its own and
 * checks again only the parts that changed (view-check.ts); the schema made of them checks all.
 */
export interface ViewParts<T extends z.ZodRawShape> {
  shape: T;
  rule(view: z.output<z.ZodObject<T>>): RuleBroken | null;
}

const withRule = <T extends z.ZodRawShape>(parts: ViewParts<T>) =>
  z.strictObject(parts.shape).superRefine((view, ctx) => {
    const broken = parts.rule(view);
    if (broken !== null) ctx.addIssue({ code: 'custom', path: broken.path, message: broken.message });
  });

export const HostViewParts: ViewParts<typeof hostView.shape> = {
  shape: hostView.shape,
  rule(view) {
    const i = view.results.findIndex((r) => own(view.windows, r.slotId) !== 'locked');
    return i < 0 ? null : { path: ['results', String(i)], message: `slot "${view.results[i]?.slotId}" is not locked: its result is not the host's yet` };
  },
};
export const HostViewSchema = withRule(HostViewParts);

/** The hall's screens (projector and stage): the agenda and the clock, and a result only once revealed. */
const displayView = z.strictObject({
  ...common,
  records: NONE,
  history: z.array(z.never()).max(0),
  scoring: ScoringSetupSchema.refine((s) => s.reviewers.length === 0, 'the hall is not told who the reviewers are'),
  windows: NONE,
  openedAt: NONE,
  // The hall draws the message and the blackout, not the host's list of messages to send.
  messagePresets: z.array(z.never()).max(0),
  scoringChanges: z.array(z.never()).max(0),
  ballots: NONE,
  paper: NONE,
  submitted: NONE,
  results: z.array(ShownResultSchema),
  claims: NONE,
  outputs: noOutputs,
});

export const DisplayViewParts: ViewParts<typeof displayView.shape> = {
  shape: displayView.shape,
  rule: (view) => (view.reveal !== null || view.results.length === 0 ? null : { path: ['results'], message: 'no result is shown before the host reveals it' }),
};
export const DisplayViewSchema = withRule(DisplayViewParts);

const reviewerView = z.strictObject({
  ...common,
  slots: z.array(SlotSchema.extend({ phases: z.array(PhaseSpecSchema).max(0) }).strict()),
  status: NONE,
  records: NONE,
  live: z.null(),
  history: z.array(z.never()).max(0),
  reveal: z.null(),
  message: z.null(),
  blackout: z.literal(false),
  messagePresets: z.array(z.never()).max(0),
  scoringChanges: z.array(z.never()).max(0),
  ballots: ballotsSchema,
  paper: NONE,
  submitted: NONE,
  results: z.array(z.never()).max(0),
  claims: NONE,
  outputs: noOutputs,
});

/** What every phone's view shares: who speaks and which slots are open, never the clock or a score. */
export const ReviewerSharedSchema = reviewerView.omit({ scoring: true, ballots: true });
export const ReviewerSharedParts: ViewParts<typeof ReviewerSharedSchema.shape> = { shape: ReviewerSharedSchema.shape, rule: () => null };

/** A phone is told of its own reviewer only, and of that reviewer's ballots only. */
function ownOnly(own: { scoring: { reviewers: { id: string }[] }; ballots: Record<string, Record<string, unknown>> }): RuleBroken | null {
  const [me, ...others] = own.scoring.reviewers;
  if (!me || others.length > 0) return { path: ['scoring', 'reviewers'], message: 'a phone is told of its own reviewer only' };
  for (const [slotId, byReviewer] of Object.entries(own.ballots)) {
    const other = Object.keys(byReviewer).find((reviewerId) => reviewerId !== me.id);
    if (other !== undefined) return { path: ['ballots', slotId, other], message: 'another reviewer’s ballot' };
  }
  return null;
}

/** A phone's own part: its reviewer and that reviewer's ballots. */
const reviewerOwn = reviewerView.pick({ scoring: true, ballots: true });
export const ReviewerOwnParts: ViewParts<typeof reviewerOwn.shape> = { shape: reviewerOwn.shape, rule: ownOnly };
export const ReviewerOwnSchema = withRule(ReviewerOwnParts);

/** A reviewer's phone: the two parts above, together. */
export const ReviewerViewSchema = withRule({ shape: reviewerView.shape, rule: ownOnly });

/**
 * The meeting as the client parses it, whatever its role: the role's schema (above) is what the
 * host holds each view to; this one only makes sure the view can be drawn. The details of a
 * result are optional: only the clerk's and the host's views carry them.
 */
export const ViewStateSchema = z.object({
  ...common,
  ballots: ballotsSchema,
  paper: dictOf(dictOf(z.array(PaperEntrySchema))),
  submitted: submittedSchema,
  results: z.array(ResultViewSchema),
  claims: dictOf(ClaimViewSchema),
  outputs: z.array(OutputSchema),
});

const IntegrationSlotSchema = z.strictObject({ slotId: IdSchema, unit: z.string(), speaker: z.string() });

/**
 * A control surface with the integration key (a Stream Deck, Companion, a script): the clock, the
 * phase and who speaks now and next, so a button can show the time left. Never a score, a ballot,
 * a reviewer or a key: nothing here names them, and this schema refuses anything more.
 */
export const IntegrationViewSchema = z.strictObject({
  seq: z.number().int(),
  title: z.string(),
  /** The host's monotonic clock when this view was made: `remainingMs` is as of then. */
  hostNow: MonoSchema,
  live: z
    .strictObject({
      ...IntegrationSlotSchema.shape,
      phaseIndex: z.number().int().min(0),
      phaseCount: z.number().int().min(1),
      phase: z.strictObject({ name: PhaseSpecSchema.shape.name.strict(), durationMs: z.number().int(), cutoff: z.enum(['hard', 'soft']) }),
      mode: LiveSchema.shape.mode,
      stage: z.enum(['ready', 'normal', 'warning', 'danger', 'cutoff', 'overtime', 'paused']),
      /** Time left as the hall's clock shows it; negative in overtime. */
      remainingMs: z.number(),
      /** The digits on the projector now: `7:59`, `0:00`, `+0:12`. */
      clock: z.string(),
    })
    .nullable(),
  next: IntegrationSlotSchema.nullable(),
  /** The running order with each slot's state, for the actions that take a `slotId`. */
  queue: z.array(z.strictObject({ slotId: IdSchema, unit: z.string(), status: z.enum(['waiting', 'live', 'onDeck', 'done', 'skipped', 'absent']) })),
});
