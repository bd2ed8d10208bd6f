import { openWhenSpeechEnds } from './apply.scoring';
import type { Id } from './meeting';
import { elapsedAt, grantedMs, passedBoundaries, remainingAt } from './phase-clock';
import { slotById } from './queue';
import type { Boundary, Live, MeetingState, PhaseRecord } from './state';
import type { Mono, Wall } from './time';
import { own } from './dict';

export const readyLive = (slotId: Id): Live => ({
  slotId,
  phaseIndex: 0,
  mode: 'ready',
  startedAt: null,
  elapsedBefore: 0,
  adjustMs: 0,
  letFinish: false,
  cutoffAt: null,
  fired: [],
});

const specOf = (s: MeetingState, live: Live) => slotById(s, live.slotId)?.phases[live.phaseIndex];

/** Brings the live phase's record up to `at`: what the report and penalties will read. */
function withRecord(s: MeetingState, live: Live, at: Mono, ended: Wall | null): MeetingState {
  const spec = specOf(s, live);
  const records = own(s.records, live.slotId) ?? [];
  const rec = records.find((r) => r.phaseIndex === live.phaseIndex);
  if (!spec || !rec) return s;
  const used = elapsedAt(live, at);
  const granted = grantedMs(live, spec);
  const next: PhaseRecord = {
    ...rec,
    endedWall: ended,
    grantedMs: granted,
    usedMs: used,
    overtimeMs: Math.max(0, used - granted),
    cutoff: rec.cutoff || live.cutoffAt !== null,
  };
  return { ...s, records: { ...s.records, [live.slotId]: records.map((r) => (r === rec ? next : r)) } };
}

/** Leaves the live slot: its phase record is closed and, if it had started, the slot is done. */
export function leaveLive(s: MeetingState, at: Mono, wallAt: Wall): MeetingState {
  const live = s.live;
  if (live === null || live.mode === 'ready') return { ...s, live: null };
  const closed = openWhenSpeechEnds(withRecord(s, live, at, wallAt), live.slotId, at);
  return { ...closed, live: null, status: { ...closed.status, [live.slotId]: 'done' } };
}

export function startPhase(s: MeetingState, slotId: Id, phaseIndex: number, at: Mono, wallAt: Wall): MeetingState {
  const left = clearStage(s, slotId, at, wallAt);
  const spec = slotById(left, slotId)?.phases[phaseIndex];
  if (!spec) return left;
  const rec: PhaseRecord = {
    phaseIndex,
    startedWall: wallAt,
    endedWall: null,
    plannedMs: spec.durationMs,
    grantedMs: spec.durationMs,
    usedMs: 0,
    overtimeMs: 0,
    cutoff: false,
  };
  const earlier = phaseIndex === 0 ? [] : (own(left.records, slotId) ?? []).filter((r) => r.phaseIndex < phaseIndex);
  return {
    ...left,
    live: { ...readyLive(slotId), phaseIndex, mode: 'running', startedAt: at },
    records: { ...left.records, [slotId]: [...earlier, rec] },
  };
}

/** Before a phase starts: the same slot's previous phase is closed, another slot is left. */
function clearStage(s: MeetingState, slotId: Id, at: Mono, wallAt: Wall): MeetingState {
  const live = s.live;
  if (live === null || (live.slotId === slotId && live.mode === 'ready')) return s;
  if (live.slotId !== slotId) return leaveLive(s, at, wallAt);
  const closed = withRecord(s, live, at, wallAt);
  return live.phaseIndex === 0 ? openWhenSpeechEnds(closed, slotId, at) : closed;
}

const setLive = (s: MeetingState, live: Live): MeetingState => ({ ...s, live });

export function pause(s: MeetingState, at: Mono): MeetingState {
  const live = s.live;
  if (!live || live.mode !== 'running') return s;
  return withRecord(setLive(s, { ...live, mode: 'paused', elapsedBefore: elapsedAt(live, at), startedAt: null }), live, at, null);
}

export function resume(s: MeetingState, at: Mono): MeetingState {
  const live = s.live;
  return live && live.mode === 'paused' ? setLive(s, { ...live, mode: 'running', startedAt: at }) : s;
}

/**
 * ±time moves the deadline, not the anchors. Boundaries the phase is no longer past are re-armed,
 * and a cut-off phase given more time runs again.
 */
export function adjust(s: MeetingState, deltaMs: number, at: Mono): MeetingState {
  const live = s.live;
  const spec = live && specOf(s, live);
  if (!live || !spec) return s;
  let next: Live = { ...live, adjustMs: live.adjustMs + deltaMs };
  const remaining = remainingAt(next, spec, at);
  if (live.mode === 'cutoff' && remaining > 0) next = { ...next, mode: 'running', startedAt: at, cutoffAt: null };
  const passed = passedBoundaries(spec, remaining);
  next = { ...next, fired: next.fired.filter((b) => passed.includes(b)) };
  return withRecord(setLive(s, next), next, at, null);
}

/**
 * A boundary fires once, stamped with its due instant. At 0:00 of a hard phase the clock stops
 * and the cut-off is recorded.
 */
export function reachBoundary(s: MeetingState, boundary: Boundary, at: Mono): MeetingState {
  const live = s.live;
  const spec = live && specOf(s, live);
  if (!live || !spec || live.fired.includes(boundary)) return s;
  const fired = [...live.fired, boundary];
  if (boundary !== 'zero' || spec.cutoff !== 'hard' || live.letFinish || live.mode !== 'running') {
    return setLive(s, { ...live, fired });
  }
  // On time, the elapsed time is exactly the granted time; when −time moved the deadline into
  // the past, the speaker has already used more, and that is what is kept (time never runs back).
  const stopped: Live = { ...live, fired, mode: 'cutoff', startedAt: null, elapsedBefore: elapsedAt(live, at), cutoffAt: at };
  const cut = withRecord(setLive(s, stopped), stopped, at, null);
  // A cut-off ends the speech: scoring opens then, as when the host moves on.
  return live.phaseIndex === 0 ? openWhenSpeechEnds(cut, live.slotId, at) : cut;
}

/** Overtime counts from the 0:00 instant: the speaker did not stop talking while the host decided. */
export function letFinish(s: MeetingState, at: Mono): MeetingState {
  const live = s.live;
  if (!live || live.mode !== 'cutoff' || live.cutoffAt === null) return s;
  const next: Live = { ...live, mode: 'running', letFinish: true, startedAt: live.cutoffAt };
  return withRecord(setLive(s, next), next, at, null);
}

/** After a reboot the monotonic clock starts again; anchors move by the same shift. */
export function shiftLive(live: Live | null, shiftMs: number): Live | null {
  if (live === null) return null;
  const move = (t: Mono | null) => (t === null ? null : ((t + shiftMs) as Mono));
  return { ...live, startedAt: move(live.startedAt), cutoffAt: move(live.cutoffAt) };
}
