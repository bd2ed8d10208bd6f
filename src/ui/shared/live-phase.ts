import type { PhaseSpec, Slot } from '../../core/meeting';
import { grantedMs, shownRemaining, stageAt } from '../../core/phase-clock';
import type { Stage } from '../../core/phase-clock';
import type { ViewState } from '../../core/protocol';
import { agenda, nextWaiting, slotById } from '../../core/queue';
import type { Live } from '../../core/state';
import { formatCountdown, SECOND } from '../../core/time';
import type { Mono } from '../../core/time';

export interface LivePhase {
  live: Live;
  slot: Slot;
  spec: PhaseSpec;
}

export function livePhaseOf(meeting: ViewState): LivePhase | null {
  const live = meeting.live;
  const slot = live && slotById(meeting, live.slotId);
  const spec = slot?.phases[live?.phaseIndex ?? 0];
  return live && slot && spec ? { live, slot, spec } : null;
}

export interface Frame {
  stage: Stage;
  text: string;
  /**
   * Share of the granted time used, 0..1 (1 once at or past 0:00), as the digits show it: it
   * moves when they flip, never between. A screen then changes once a second, in the frame of
   * the flip; a bar creeping on its own between flips repaints the screen at moments that can
   * hold up the next flip (WebKitGTK redraws the whole window for any change: 30–50 ms there).
   */
  progress: number;
}

/** What a screen shows at host instant `now`: pure, so every view and test agrees. */
export function frameAt({ live, spec }: LivePhase, now: number): Frame {
  const at = now as Mono;
  const remaining = live.mode === 'ready' ? spec.durationMs : shownRemaining(live, spec, at);
  const granted = grantedMs(live, spec);
  const shown = Math.max(0, Math.ceil(remaining / SECOND) * SECOND);
  return {
    stage: stageAt(live, spec, at),
    text: formatCountdown(remaining),
    progress: granted === 0 ? 1 : Math.min(1, Math.max(0, 1 - shown / granted)),
  };
}

/** The next slot to be heard after the live one (what "Next" on the big screen names). */
export const upNext = (meeting: ViewState): Slot | null => nextWaiting(meeting, meeting.live?.slotId ?? null);

export function positionOf(meeting: ViewState, slotId: string): { n: number; total: number } {
  const order = agenda(meeting);
  return { n: order.findIndex((s) => s.id === slotId) + 1, total: order.length };
}
