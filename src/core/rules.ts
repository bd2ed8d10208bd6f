import type { Id, PhaseSpec } from './meeting';
import { nextWaiting, previousSlot, slotById } from './queue';
import type { Live, MeetingView } from './state';
import { own } from './dict';

/**
 * When each host action is allowed. decide() and the action list share these, so a button is
 * greyed out exactly when the host would refuse the command.
 */
export const canStart = (s: MeetingView): boolean =>
  s.live === null ? nextWaiting(s, null) !== null : s.live.mode === 'ready';
export const canPause = (s: MeetingView): boolean => s.live?.mode === 'running';
export const canResume = (s: MeetingView): boolean => s.live?.mode === 'paused';
export const canAdjust = (s: MeetingView): boolean => s.live !== null && s.live.mode !== 'ready';
export const canLetFinish = (s: MeetingView): boolean => s.live?.mode === 'cutoff';
export const canNextPhase = (s: MeetingView): boolean => s.live !== null && s.live.mode !== 'ready';
export const canNextSlot = (s: MeetingView): boolean =>
  s.live !== null ? s.live.mode !== 'ready' || nextWaiting(s, s.live.slotId) !== null : nextWaiting(s, null) !== null;
export const canPrevSlot = (s: MeetingView): boolean => previousSlot(s) !== null;
export const canUndo = (s: MeetingView): boolean => s.history.length > 0;

/**
 * The clock always wins: results go on the hall's screens only between speakers (nobody at the
 * lectern, or called up and not started), never over a speaker's running, paused or cut-off clock.
 */
export const canReveal = (s: MeetingView): boolean => s.live === null || s.live.mode === 'ready';
export const REVEAL_REFUSAL = 'a speaker’s clock is on the hall’s screens: results are shown between speakers (finish the speaker, or call the next one first)';

/** Skip and absent apply to a slot not yet heard: waiting, or called up but not started. */
export function canMark(s: MeetingView, slotId: Id | null): boolean {
  if (slotId === null || own(s.status, slotId) !== 'waiting') return false;
  return s.live?.slotId !== slotId || s.live.mode === 'ready';
}

export const canRestore = (s: MeetingView, slotId: Id | null): boolean =>
  slotId !== null && (own(s.status, slotId) === 'skipped' || own(s.status, slotId) === 'absent');

export const canGoto = (s: MeetingView, slotId: Id | null): boolean =>
  slotId !== null && slotById(s, slotId) !== undefined && s.live?.slotId !== slotId;

/** A running speech is never removed from under the speaker; finish or skip it first. */
export const canRemove = (s: MeetingView, slotId: Id | null): boolean =>
  slotId !== null && slotById(s, slotId) !== undefined && (s.live?.slotId !== slotId || s.live.mode === 'ready');

export function livePhase(s: MeetingView): { live: Live; spec: PhaseSpec } | null {
  if (s.live === null) return null;
  const spec = slotById(s, s.live.slotId)?.phases[s.live.phaseIndex];
  return spec ? { live: s.live, spec } : null;
}
