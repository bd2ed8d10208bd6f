import type { z } from 'zod';
import { describeIssue } from './issues';
import { shownRemaining, stageAt } from './phase-clock';
import { agenda, nextWaiting, queueStatus, slotById } from './queue';
import type { MeetingView } from './state';
import { formatCountdown } from './time';
import type { Mono } from './time';
import { IntegrationViewSchema } from './view-schemas';

export type IntegrationView = z.infer<typeof IntegrationViewSchema>;

/**
 * What a control surface reads with the integration key, at host instant `now`: the clock as the
 * hall sees it, the phase, who speaks and who is next. Built from the agenda and the timer only,
 * so no score, ballot or reviewer can be in it; the schema refuses them all the same.
 */
export function integrationView(state: MeetingView, now: Mono): IntegrationView {
  const live = state.live;
  const slot = live ? slotById(state, live.slotId) : undefined;
  const spec = live && slot ? slot.phases[live.phaseIndex] : undefined;
  const next = nextWaiting(state, live?.slotId ?? null);
  const remainingMs = live && spec ? (live.mode === 'ready' ? spec.durationMs : shownRemaining(live, spec, now)) : 0;
  return {
    seq: state.seq,
    title: state.title,
    hostNow: now,
    live:
      live && slot && spec
        ? {
            slotId: slot.id,
            unit: slot.unit,
            speaker: slot.speaker,
            phaseIndex: live.phaseIndex,
            phaseCount: slot.phases.length,
            phase: { name: { zh: spec.name.zh, en: spec.name.en }, durationMs: spec.durationMs, cutoff: spec.cutoff },
            mode: live.mode,
            stage: stageAt(live, spec, now),
            remainingMs,
            clock: formatCountdown(remainingMs),
          }
        : null,
    next: next ? { slotId: next.id, unit: next.unit, speaker: next.speaker } : null,
    queue: agenda(state).map((s) => ({ slotId: s.id, unit: s.unit, status: queueStatus(state, s.id) })),
  };
}

/** The integration's view, or why it may not go out: checked against its schema every time. */
export function checkedIntegrationView(state: MeetingView, now: Mono): { ok: true; view: IntegrationView } | { ok: false; problem: string } {
  const view = integrationView(state, now);
  const checked = IntegrationViewSchema.safeParse(view);
  return checked.success ? { ok: true, view } : { ok: false, problem: describeIssue(checked.error) };
}
