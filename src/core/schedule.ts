import type { Id, Sitting, Slot } from './meeting';
import { plannedMs } from './meeting';
import { elapsedAt, grantedMs } from './phase-clock';
import { agenda } from './queue';
import type { MeetingView } from './state';
import { wall } from './time';
import type { Mono, Wall } from './time';
import { own } from './dict';

/** When a slot began (done or live), or is expected to begin (waiting); null: passed over. */
export interface SlotForecast {
  slotId: Id;
  actualStart: Wall | null;
  expectedStart: Wall | null;
}

export interface SittingForecast {
  sittingId: Id;
  plannedStart: Wall | null;
  /** The planned start plus every slot's planned time. */
  plannedEnd: Wall | null;
  projectedEnd: Wall;
  /** projectedEnd − plannedEnd: positive is behind plan. */
  lateMs: number | null;
  slots: SlotForecast[];
}

/** A planned start read in the local time zone of whoever looks, as the host typed it. */
export const plannedStartWall = (sitting: Sitting): Wall | null => (sitting.start === undefined ? null : wall(new Date(sitting.start).getTime()));

/** When a slot that has been heard ended: its last phase's end, or its start plus the time used. */
function endOf(s: MeetingView, slotId: Id): Wall | null {
  const records = own(s.records, slotId) ?? [];
  let end: number | null = null;
  for (const r of records) end = Math.max(end ?? 0, r.endedWall ?? r.startedWall + r.usedMs);
  return end === null ? null : wall(end);
}

/** Time the live slot still needs: what is left of the phase now running, then its later phases. */
function liveRemaining(s: MeetingView, slot: Slot, now: Mono): number {
  const live = s.live;
  if (live === null || live.slotId !== slot.id) return plannedMs(slot);
  const spec = slot.phases[live.phaseIndex];
  const left = spec === undefined || live.mode === 'ready' ? 0 : Math.max(0, grantedMs(live, spec) - elapsedAt(live, now));
  const untouched = slot.phases.slice(live.mode === 'ready' ? live.phaseIndex : live.phaseIndex + 1);
  return left + untouched.reduce((sum, p) => sum + p.durationMs, 0);
}

/**
 * Each sitting's schedule from what has really happened: heard slots at the times they began,
 * the live one running its planned course from now, the rest one after another at their planned
 * lengths (never earlier than now), passed-over slots taking no time. A sitting with a planned start
 * begins then; one without follows the sitting before. No allowance is made for changeovers.
 */
export function forecast(s: MeetingView, now: { mono: Mono; wall: Wall }): SittingForecast[] {
  const order = agenda(s);
  let previousEnd: number | null = null;
  return s.sittings.map((sitting) => {
    const slots = order.filter((x) => x.sittingId === sitting.id);
    const plannedStart = plannedStartWall(sitting);
    let cursor: number = plannedStart ?? previousEnd ?? now.wall;
    // The first slot heard sets the clock (a sitting may begin early); later ones never move it back.
    let heard = false;
    const out: SlotForecast[] = slots.map((slot) => {
      const status = own(s.status, slot.id);
      const first = own(s.records, slot.id)?.[0];
      if (s.live?.slotId === slot.id && first !== undefined) {
        cursor = heard ? Math.max(cursor, now.wall + liveRemaining(s, slot, now.mono)) : now.wall + liveRemaining(s, slot, now.mono);
        heard = true;
        return { slotId: slot.id, actualStart: first.startedWall, expectedStart: null };
      }
      if (status === 'done' && first !== undefined) {
        const end = endOf(s, slot.id) ?? cursor;
        cursor = heard ? Math.max(cursor, end) : end;
        heard = true;
        return { slotId: slot.id, actualStart: first.startedWall, expectedStart: null };
      }
      if (status !== 'waiting') return { slotId: slot.id, actualStart: null, expectedStart: null };
      const start = Math.max(cursor, now.wall);
      cursor = start + liveRemaining(s, slot, now.mono);
      return { slotId: slot.id, actualStart: null, expectedStart: wall(start) };
    });
    previousEnd = cursor;
    const plannedEnd = plannedStart === null ? null : wall(plannedStart + slots.reduce((sum, x) => sum + plannedMs(x), 0));
    return { sittingId: sitting.id, plannedStart, plannedEnd, projectedEnd: wall(cursor), lateMs: plannedEnd === null ? null : cursor - plannedEnd, slots: out };
  });
}
