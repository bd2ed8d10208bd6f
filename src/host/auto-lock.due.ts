import { nextAutoLock } from '../core/auto-lock';
import type { DueSource } from './due-timer';
import type { MeetingEngine } from './meeting-engine';

/** A slot locking itself N minutes after it opened, when the meeting's rules say so. A millisecond either way is nothing here. */
export const autoLockDue =
  (engine: MeetingEngine): DueSource =>
  (state) => {
    const next = nextAutoLock(state);
    if (!next) return null;
    return { key: `lock/${next.slotId}`, dueAt: next.dueAt, precise: false, fire: () => engine.recordSystem({ type: 'scoring.locked', slotId: next.slotId }, next.dueAt).then((outcome) => outcome.ok) };
  };
