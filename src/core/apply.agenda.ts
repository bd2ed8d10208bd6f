import type { Id, Sitting, Slot } from './meeting';
import type { MeetingState } from './state';

/**
 * Puts a slot at `index` among its sitting's slots, keeping the array grouped by sitting so the
 * array order is the agenda order.
 */
export function placeSlot(slots: Slot[], slot: Slot, sittingOrder: Id[], index: number): Slot[] {
  const rest = slots.filter((s) => s.id !== slot.id);
  const rank = (s: Slot) => sittingOrder.indexOf(s.sittingId);
  const target = rank(slot);
  const before = rest.filter((s) => rank(s) < target);
  const same = rest.filter((s) => rank(s) === target);
  const after = rest.filter((s) => rank(s) > target);
  return [...before, ...same.slice(0, index), slot, ...same.slice(index), ...after];
}

export function addSlot(s: MeetingState, slot: Slot, index: number): MeetingState {
  return {
    ...s,
    slots: placeSlot(s.slots, slot, s.sittings.map((x) => x.id), index),
    status: { ...s.status, [slot.id]: 'waiting' },
  };
}

export function editSlot(s: MeetingState, slotId: Id, fields: Partial<Omit<Slot, 'id' | 'sittingId'>>): MeetingState {
  return { ...s, slots: s.slots.map((slot) => (slot.id === slotId ? { ...slot, ...fields } : slot)) };
}

/** A null start removes the planned start: the sitting then follows the one before. */
export function editSitting(s: MeetingState, sittingId: Id, fields: { title?: string | undefined; start?: string | null | undefined }): MeetingState {
  const edit = (sitting: Sitting): Sitting => {
    const { start: _old, ...rest } = sitting;
    const start = fields.start === undefined ? sitting.start : fields.start;
    return { ...rest, title: fields.title ?? sitting.title, ...(start === null || start === undefined ? {} : { start }) };
  };
  return { ...s, sittings: s.sittings.map((x) => (x.id === sittingId ? edit(x) : x)) };
}

export function removeSlot(s: MeetingState, slotId: Id): MeetingState {
  const { [slotId]: _status, ...status } = s.status;
  const { [slotId]: _records, ...records } = s.records;
  return {
    ...s,
    slots: s.slots.filter((slot) => slot.id !== slotId),
    status,
    records,
    live: s.live?.slotId === slotId ? null : s.live,
  };
}

export function moveSlot(s: MeetingState, slotId: Id, sittingId: Id, index: number): MeetingState {
  const slot = s.slots.find((x) => x.id === slotId);
  if (!slot) return s;
  return { ...s, slots: placeSlot(s.slots, { ...slot, sittingId }, s.sittings.map((x) => x.id), index) };
}
