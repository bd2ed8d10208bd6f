import type { MeetingSetup, PhaseSpec } from '../src/core/meeting';
import { defaultScoring } from '../src/core/scoring.setup';

/**
 * A one-phase speech whose warning and danger come 50 ms and 100 ms after the start: the bench
 * reaches many real boundaries in little time. The shortest phase the schema allows is 5 s; the
 * bench brings 0:00 forward with a −4.8 s adjustment, as a host's −30 s would.
 */
export function quickPhase(): PhaseSpec {
  return { name: { zh: '发言', en: 'Speech' }, durationMs: 5000, cutoff: 'hard', warningMs: 4950, dangerMs: 4900, sounds: true };
}

/**
 * A meeting of `slots` speakers (8-minute speeches, or `quick` phases of which each speaker has
 * `phases`) and `reviewers` reviewers in the three default groups.
 */
export function benchMeeting(slots: number, reviewers: number, quick = false, phases = 1): MeetingSetup {
  const scoring = defaultScoring();
  const groups = scoring.groups.map((g) => g.id);
  const speech: PhaseSpec = quick ? quickPhase() : { name: { zh: '发言', en: 'Speech' }, durationMs: 480_000, cutoff: 'hard', warningMs: 120_000, dangerMs: 30_000, sounds: true };
  return {
    title: `Bench ${slots} speakers, ${reviewers} reviewers`,
    sittings: [{ id: 'd1', title: '全天 All day' }],
    slots: Array.from({ length: slots }, (_, i) => ({ id: `s${i + 1}`, sittingId: 'd1', unit: `单位 Unit ${i + 1}`, speaker: `Speaker ${i + 1}`, topic: 'Work report', phases: Array.from({ length: phases }, () => speech) })),
    scoring: {
      ...scoring,
      reviewers: Array.from({ length: reviewers }, (_, i) => ({ id: `r${i + 1}`, name: `Reviewer ${i + 1}`, groupId: groups[i % groups.length] ?? 'leaders', unit: '' })),
    },
  };
}
