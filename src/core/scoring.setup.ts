import { z } from 'zod';
import { IdSchema } from './ids';
import { dec } from './scoring';

/** A decimal written as text ("0.5", "25"): scores and weights never pass through binary floats. */
export const DecimalTextSchema = z.string().regex(/^\d{1,4}(\.\d{1,4})?$/, 'a decimal number such as 25 or 0.5');

export const CriterionSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(40),
  max: DecimalTextSchema,
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const RubricSchema = z.object({
  criteria: z.array(CriterionSchema).min(1).max(12),
  step: z.enum(['0.5', '1']),
});
export type Rubric = z.infer<typeof RubricSchema>;

export const GroupSchema = z.object({ id: IdSchema, name: z.string().trim().min(1).max(40), weight: DecimalTextSchema });
export type ReviewerGroup = z.infer<typeof GroupSchema>;

export const ReviewerSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(40),
  groupId: IdSchema,
  /** The unit the reviewer belongs to: they are never asked to score it (recusal). Empty: none. */
  unit: z.string().trim().max(60),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const GradingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('quota'), excellentShare: DecimalTextSchema, needsWorkShare: DecimalTextSchema }),
  z.object({ mode: z.literal('thresholds'), excellentFrom: DecimalTextSchema, goodFrom: DecimalTextSchema, passFrom: DecimalTextSchema }),
]);

export const ScoringRulesSchema = z.object({
  /** With at least this many ballots in a group, its single highest and lowest are dropped. */
  trimFrom: z.number().int().min(3).max(1000),
  penaltyPerInterval: DecimalTextSchema,
  penaltyIntervalSeconds: z.number().int().min(1).max(600),
  cutoffPenalty: DecimalTextSchema,
  grading: GradingSchema,
  /** Minutes after opening when a slot locks by itself; null: only when the host locks it. */
  autoLockMinutes: z.number().int().min(1).max(240).nullable(),
  /**
   * The group whose score breaks a tie in the ranking; null: the heaviest group (the first of
   * equal weights). Meetings set up before this setting existed read as null.
   */
  tieBreakGroupId: IdSchema.nullable().default(null),
});
export type ScoringRules = z.infer<typeof ScoringRulesSchema>;

/** The most reviewers a meeting has: a full hall of phones. */
export const ROSTER_LIMIT = 500;

export const ScoringSetupSchema = z
  .object({
    rubric: RubricSchema,
    groups: z.array(GroupSchema).min(1).max(10),
    reviewers: z.array(ReviewerSchema).max(ROSTER_LIMIT),
    rules: ScoringRulesSchema,
  })
  .superRefine((s, ctx) => {
    const groups = new Set(s.groups.map((g) => g.id));
    s.reviewers.forEach((r, i) => {
      if (!groups.has(r.groupId)) ctx.addIssue({ code: 'custom', path: ['reviewers', i, 'groupId'], message: `no group "${r.groupId}"` });
    });
    if (s.rules.tieBreakGroupId !== null && !groups.has(s.rules.tieBreakGroupId)) {
      ctx.addIssue({ code: 'custom', path: ['rules', 'tieBreakGroupId'], message: `no group "${s.rules.tieBreakGroupId}"` });
    }
    const ids = new Set<string>();
    s.reviewers.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['reviewers', i, 'id'], message: `duplicate reviewer id "${r.id}"` });
      ids.add(r.id);
    });
  });
export type ScoringSetup = z.infer<typeof ScoringSetupSchema>;

/** The parts of a scoring setup, as a rules change names them. */
export const SetupPartSchema = z.enum(['rubric', 'groups', 'reviewers', 'rules']);
export type SetupPart = z.infer<typeof SetupPartSchema>;

export const LEADERS_GROUP = 'leaders';

/** The group whose score breaks ties: the one chosen in setup, else the heaviest (first of equals). */
export function tieBreakGroup(setup: Pick<ScoringSetup, 'groups' | 'rules'>): ReviewerGroup {
  const chosen = setup.groups.find((g) => g.id === setup.rules.tieBreakGroupId);
  if (chosen) return chosen;
  // groups has at least one entry (the schema says so).
  return setup.groups.reduce((best, g) => (dec(g.weight).gt(dec(best.weight)) ? g : best));
}

/** The language a new meeting's default names are written in: the UI's, when the meeting is created. */
export type NamesLanguage = 'zh-CN' | 'en';

/** The default rubric's and groups' names, by language; ids are the same in both. */
const DEFAULT_NAMES: Record<NamesLanguage, { criteria: Record<string, string>; groups: Record<string, string> }> = {
  'zh-CN': {
    criteria: { total: '总分', theory: '讲理论比境界', duty: '讲责任比担当', model: '讲典型比创新', plan: '讲对策比业绩' },
    groups: { [LEADERS_GROUP]: '主要领导', peers: '民主测评', users: '服务对象' },
  },
  en: {
    criteria: { total: 'Total', theory: 'Theory and vision', duty: 'Duty and commitment', model: 'Models and innovation', plan: 'Plans and results' },
    groups: { [LEADERS_GROUP]: 'Leaders', peers: 'Peer review', users: 'Service users' },
  },
};
const FOUR_IDS = ['theory', 'duty', 'model', 'plan'] as const;

/**
 * One criterion "总分" out of 100, the three groups of the region's practice, quota grades. Names in
 * Chinese unless asked: a meeting stored without a scoring setup replays with these, so the
 * default's default never changes under an existing meeting.
 */
export function defaultScoring(language: NamesLanguage = 'zh-CN'): ScoringSetup {
  const { groups } = DEFAULT_NAMES[language];
  return {
    rubric: rubricPresets(language).total,
    groups: [
      { id: LEADERS_GROUP, name: groups[LEADERS_GROUP] ?? LEADERS_GROUP, weight: '0.5' },
      { id: 'peers', name: groups.peers ?? 'peers', weight: '0.3' },
      { id: 'users', name: groups.users ?? 'users', weight: '0.2' },
    ],
    reviewers: [],
    rules: {
      trimFrom: 5,
      penaltyPerInterval: '0',
      penaltyIntervalSeconds: 30,
      cutoffPenalty: '0',
      grading: { mode: 'quota', excellentShare: '0.2', needsWorkShare: '0.1' },
      autoLockMinutes: null,
      tieBreakGroupId: null,
    },
  };
}

/** The rubrics the setup offers: one total out of 100, or the region's four criteria of 25 points. */
export function rubricPresets(language: NamesLanguage): { total: Rubric; four: Rubric } {
  const name = (id: string): string => DEFAULT_NAMES[language].criteria[id] ?? id;
  return {
    total: { criteria: [{ id: 'total', name: name('total'), max: '100' }], step: '0.5' },
    four: { criteria: FOUR_IDS.map((id) => ({ id, name: name(id), max: '25' })), step: '0.5' },
  };
}

/** The region's four criteria, 25 points each, named in Chinese. */
export const FOUR_CRITERIA: Rubric = rubricPresets('zh-CN').four;

/**
 * A new meeting's setup with its default names in the chosen language: a criterion or group still
 * named as a default in either language (left as it was) takes the chosen language's name;
 * anything the host named stays as it is.
 */
export function namedIn(scoring: ScoringSetup, language: NamesLanguage): ScoringSetup {
  const rename = (kind: 'criteria' | 'groups', id: string, name: string): string =>
    Object.values(DEFAULT_NAMES).some((n) => n[kind][id] === name) ? (DEFAULT_NAMES[language][kind][id] ?? name) : name;
  return {
    ...scoring,
    rubric: { ...scoring.rubric, criteria: scoring.rubric.criteria.map((c) => ({ ...c, name: rename('criteria', c.id, c.name) })) },
    groups: scoring.groups.map((g) => ({ ...g, name: rename('groups', g.id, g.name) })),
  };
}
