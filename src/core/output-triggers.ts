import { own } from './dict';
import type { MeetingEvent } from './events';
import type { Id } from './meeting';
import type { Output, OutputTrigger } from './outputs';
import type { PlaceholderValues } from './output-template';
import { shownRemaining } from './phase-clock';
import { slotById } from './queue';
import { livePhase } from './rules';
import type { Live, MeetingState } from './state';
import type { Mono } from './time';
import { overtimeSeconds } from './time';

/** One of the meeting's moments an output may be fired on, with what its placeholders say then. */
export interface Fired {
  trigger: OutputTrigger;
  values: PlaceholderValues;
}

/** What the placeholders say of a slot (and its phase, when one is running) at an instant. */
export function valuesAt(state: MeetingState, trigger: OutputTrigger | 'test', slotId: Id | null, live: Live | null, at: Mono): PlaceholderValues {
  const slot = slotId === null ? undefined : slotById(state, slotId);
  const phaseIndex = live?.slotId === slotId ? live.phaseIndex : 0;
  const spec = slot?.phases[phaseIndex];
  const running = live !== null && live.slotId === slotId && spec !== undefined;
  const remainingMs = running ? shownRemaining(live, spec, at) : (spec?.durationMs ?? 0);
  return {
    event: trigger,
    meeting: state.title,
    slotId: slot?.id ?? '',
    unit: slot?.unit ?? '',
    speaker: slot?.speaker ?? '',
    topic: slot?.topic ?? '',
    phase: spec?.name.zh ?? '',
    phaseEn: spec ? spec.name.en || spec.name.zh : '',
    phaseNo: spec ? String(phaseIndex + 1) : '0',
    // As the hall's clock shows it: ceil, so at 0:00 it is 0; overtime is negative whole seconds.
    remainingS: String(remainingMs >= 0 ? Math.ceil(remainingMs / 1000) : -overtimeSeconds(-remainingMs)),
    overtimeS: String(remainingMs < 0 ? overtimeSeconds(-remainingMs) : 0),
  };
}

/** Events that take the speaker off the lectern's phase (to the next phase or the next speaker). */
const leavesPhase = (e: MeetingEvent): boolean => e.type === 'phase.advanced' || e.type === 'slot.entered' || (e.type === 'slot.marked' && e.enter !== undefined);

/** A phase counting on past 0:00 (soft, or a hard one the host let finish) when `at` came. */
function overtimeAt(state: MeetingState, at: Mono): boolean {
  const phase = livePhase(state);
  return phase !== null && phase.live.mode !== 'ready' && shownRemaining(phase.live, phase.spec, at) < 0;
}

/**
 * Which of the meeting's moments one event is: a pure function of the states around it, so the
 * same log always fires the same outputs. Scoring windows are compared, not read from the event,
 * because a window also opens by itself when a speech ends, and locks by itself after a while.
 */
export function firedBy(before: MeetingState, event: MeetingEvent, after: MeetingState): Fired[] {
  const fired: Fired[] = [];
  const at = event.at;
  const add = (trigger: OutputTrigger, state: MeetingState, slotId: Id | null, live: Live | null) => fired.push({ trigger, values: valuesAt(state, trigger, slotId, live, at) });
  if (leavesPhase(event) && before.live && overtimeAt(before, at)) add('overtime.ended', before, before.live.slotId, before.live);
  switch (event.type) {
    case 'timer.started':
    case 'phase.advanced':
      add('phase.started', after, event.slotId, after.live);
      break;
    case 'boundary.reached':
      // A boundary of a phase no longer at the lectern changes nothing (apply.ts), and fires nothing.
      if (before.live?.slotId === event.slotId && before.live.phaseIndex === event.phaseIndex && !before.live.fired.includes(event.boundary)) add(event.boundary, after, event.slotId, after.live);
      break;
    case 'slot.entered':
      if (event.slotId !== null) add('slot.next', after, event.slotId, after.live);
      break;
    case 'slot.marked':
      if (event.enter) add('slot.next', after, event.enter, after.live);
      break;
    case 'results.revealed':
      add('results.revealed', after, event.reveal.kind === 'slot' ? event.reveal.slotId : null, null);
      break;
    default:
      break;
  }
  if (after.windows !== before.windows) {
    for (const [slotId, window] of Object.entries(after.windows)) {
      if (own(before.windows, slotId) === window) continue;
      add(window === 'open' ? 'scoring.opened' : 'scoring.locked', after, slotId, null);
    }
  }
  return fired;
}

/** One send: an output and the moment it is fired for. */
export interface Send {
  output: Output;
  fired: Fired;
}

/** The enabled outputs listening for each fired moment, in the order the host listed them. */
export const sendsFor = (outputs: readonly Output[], fired: readonly Fired[]): Send[] =>
  fired.flatMap((f) => outputs.filter((o) => o.enabled && o.on.includes(f.trigger)).map((output) => ({ output, fired: f })));
