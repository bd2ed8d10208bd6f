import type { Id } from './meeting';
import { ScoringSetupSchema } from './scoring.setup';
import type { ScoringSetup, SetupPart } from './scoring.setup';
import type { MeetingState } from './state';

/**
 * Once the first ballot is in, the rules it was cast under are frozen: a result must not move
 * because a weight was edited quietly afterwards. What no ballot depends on (a latecomer added
 * to the roster, the name of a reviewer who has not voted) may still change as before.
 */

/** Reviewers with a ballot anywhere, on the phone or on paper. */
export function voters(state: Pick<MeetingState, 'ballots' | 'paper'>): Set<Id> {
  const ids = new Set<Id>();
  for (const bySlot of [state.ballots, state.paper]) for (const byReviewer of Object.values(bySlot)) for (const id of Object.keys(byReviewer)) ids.add(id);
  return ids;
}

/** JSON with keys in one order, so two setups compare by content, not by how they were built. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** Every part of the setup that differs. */
export function changedParts(before: ScoringSetup, after: ScoringSetup): SetupPart[] {
  // Through the schema, so a setting added since (its default) compares equal to its absence.
  const [a, b] = [ScoringSetupSchema.parse(before), ScoringSetupSchema.parse(after)];
  return (['rubric', 'groups', 'reviewers', 'rules'] as const).filter((part) => canonical(a[part]) !== canonical(b[part]));
}

/**
 * The changed parts a ballot already depends on, given who has voted: the rubric, groups and
 * rules whole; the roster only where a voter is removed or moved to another group or unit.
 */
export function frozenParts(before: ScoringSetup, after: ScoringSetup, voted: ReadonlySet<Id>): SetupPart[] {
  if (voted.size === 0) return [];
  const now = new Map(after.reviewers.map((r) => [r.id, r]));
  const rosterTouched = before.reviewers.some((r) => {
    if (!voted.has(r.id)) return false;
    const next = now.get(r.id);
    return !next || next.groupId !== r.groupId || next.unit !== r.unit;
  });
  return changedParts(before, after).filter((part) => part !== 'reviewers' || rosterTouched);
}
