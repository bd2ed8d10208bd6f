import type { Id } from './meeting';
import type { MeetingView } from './state';
import type { Mono } from './time';
import { own } from './dict';

/**
 * The next slot due to lock by itself (the meeting's "lock N minutes after opening" rule), or
 * null when the rule is off or nothing is open. The earliest due first: the host arms one timer.
 */
export function nextAutoLock(state: Pick<MeetingView, 'windows' | 'openedAt' | 'scoring'>): { slotId: Id; dueAt: Mono } | null {
  const minutes = state.scoring.rules.autoLockMinutes;
  if (minutes === null) return null;
  let next: { slotId: Id; dueAt: Mono } | null = null;
  for (const [slotId, window] of Object.entries(state.windows)) {
    const opened = own(state.openedAt, slotId);
    if (window !== 'open' || opened === undefined) continue;
    const dueAt = (opened + minutes * 60_000) as Mono;
    if (next === null || dueAt < next.dueAt) next = { slotId, dueAt };
  }
  return next;
}
