import { nextBoundary } from '../core/phase-clock';
import { livePhase } from '../core/rules';
import type { DueSource } from './due-timer';
import type { MeetingEngine } from './meeting-engine';

/**
 * Warning, danger and 0:00 of the phase at the lectern, due at their exact instants: the event is
 * stamped with the due instant itself, and fired on it (precise), since the hall hears it.
 */
export const boundaryDue =
  (engine: MeetingEngine): DueSource =>
  (state) => {
    const phase = livePhase(state);
    const next = phase && nextBoundary(phase.live, phase.spec);
    if (!phase || !next) return null;
    const { slotId, phaseIndex } = phase.live;
    return {
      key: `boundary/${slotId}/${phaseIndex}/${next.boundary}`,
      dueAt: next.dueAt,
      precise: true,
      fire: () => engine.recordSystem({ type: 'boundary.reached', slotId, phaseIndex, boundary: next.boundary }, next.dueAt).then((outcome) => outcome.ok),
    };
  };
