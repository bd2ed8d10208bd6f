import type { Id, Slot } from './meeting';
import type { MeetingView, StoredStatus } from './state';
import { own } from './dict';

/** Slots in agenda order: sittings in their order, each sitting's slots in array order. */
export function agenda(state: Pick<MeetingView, 'sittings' | 'slots'>): Slot[] {
  const rank = new Map(state.sittings.map((s, i) => [s.id, i]));
  return [...state.slots].sort((a, b) => (rank.get(a.sittingId) ?? 0) - (rank.get(b.sittingId) ?? 0));
}

export const slotById = (state: Pick<MeetingView, 'slots'>, id: Id): Slot | undefined => state.slots.find((s) => s.id === id);

/**
 * The next slot still to be heard after `fromId` (or from the top), wrapping round to any slot the
 * host passed over, so "next" always means "the next one not yet heard".
 */
export function nextWaiting(state: MeetingView, fromId: Id | null): Slot | null {
  const order = agenda(state);
  const start = fromId === null ? -1 : order.findIndex((s) => s.id === fromId);
  const after = order.slice(start + 1).concat(order.slice(0, Math.max(0, start)));
  return after.find((s) => s.id !== fromId && own(state.status, s.id) === 'waiting') ?? null;
}

/** The slot before the live one in agenda order; from the idle screen, the last one heard. */
export function previousSlot(state: MeetingView): Slot | null {
  const order = agenda(state);
  if (state.live === null) return [...order].reverse().find((s) => own(state.status, s.id) === 'done') ?? null;
  const i = order.findIndex((s) => s.id === state.live?.slotId);
  return i > 0 ? (order[i - 1] ?? null) : null;
}

export type QueueStatus = StoredStatus | 'live' | 'onDeck';

/**
 * What the queue shows for a slot. The live slot is "on deck" while called up but not started;
 * once it runs, the next slot to be heard is on deck.
 */
export function queueStatus(state: MeetingView, slotId: Id): QueueStatus {
  const live = state.live;
  if (live?.slotId === slotId) return live.mode === 'ready' && live.phaseIndex === 0 ? 'onDeck' : 'live';
  if (live !== null && live.mode !== 'ready' && nextWaiting(state, live.slotId)?.id === slotId) return 'onDeck';
  return own(state.status, slotId) ?? 'waiting';
}

/**
 * The slot on deck: the one called up and not started, or, while a speaker runs, the next one to
 * be heard; between speakers with nobody called, the next one Space would start.
 */
export function onDeckSlot(state: MeetingView): Id | null {
  const live = state.live;
  if (live?.mode === 'ready') return live.slotId;
  return nextWaiting(state, live?.slotId ?? null)?.id ?? null;
}
