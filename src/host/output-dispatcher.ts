import { firedBy, sendsFor, valuesAt } from '../core/output-triggers';
import type { Send } from '../core/output-triggers';
import type { HttpTarget, OscTarget, Output, OutputOutcome, OutputResults } from '../core/outputs';
import type { PlaceholderValues } from '../core/output-template';
import type { MeetingEvent } from '../core/events';
import type { MeetingState } from '../core/state';
import type { Clock } from '../core/time';
import { sendHttp } from './output-http';
import { sendOsc } from './output-osc';

/** How outputs leave the machine; tests may count or hold them. */
export interface OutputSenders {
  osc(target: OscTarget, values: PlaceholderValues, later: (outcome: OutputOutcome) => void): Promise<OutputOutcome>;
  http(target: HttpTarget, values: PlaceholderValues): Promise<OutputOutcome>;
}

export const networkSenders: OutputSenders = { osc: sendOsc, http: sendHttp };

/**
 * Sends waiting behind a slow target, per output, at most. A mixer cue is about now: when a dead
 * webhook holds its queue, the oldest waiting sends are dropped (and said so), never the newest.
 */
export const MAX_WAITING = 4;

interface Job {
  output: Output;
  trigger: Send['fired']['trigger'] | 'test';
  values: PlaceholderValues;
}

/** One output's sends, one at a time and in order (mute before unmute), never holding another output's. */
interface Lane {
  busy: boolean;
  waiting: Job[];
}

/**
 * Fires the meeting's outputs. It hears each change as soon as it is decided, before the disk
 * write, as the boundary timer does: a slow disk (an fsync of tens of milliseconds on a busy
 * laptop) must not make the mixer mute late. Sends start only once the code that recorded the
 * event has returned (a microtask later), and nothing of the meeting's awaits them. Each output has
 * its own queue, so a dead webhook target delays neither a boundary nor another output. If the
 * write then fails (a full disk), the host says so; a boundary is recorded again and fires again.
 */
export class OutputDispatcher {
  private readonly lanes = new Map<string, Lane>();
  private results: OutputResults = {};
  private before: MeetingState;
  private readonly listeners = new Set<(results: OutputResults) => void>();

  constructor(
    /** The newest state decided: what the Test button fills the placeholders from. */
    private readonly current: () => MeetingState,
    private readonly clock: Clock,
    private readonly senders: OutputSenders = networkSenders,
  ) {
    this.before = current();
  }

  /** Hears the results each time one changes: the control view shows them. */
  onResults(listener: (results: OutputResults) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** engine.onApplied's listener: each decided state in order, and the event that made it (null: writes taken back). */
  readonly applied = (state: MeetingState, event: MeetingEvent | null): void => {
    const before = this.before;
    this.before = state;
    if (event === null) return;
    if (event.type === 'outputs.configured') this.forgetRemoved(state.outputs);
    if (state.outputs.length === 0) return;
    const sends = sendsFor(state.outputs, firedBy(before, event, state));
    if (sends.length > 0) queueMicrotask(() => sends.forEach(({ output, fired }) => this.enqueue({ output, trigger: fired.trigger, values: fired.values })));
  };

  /** The Test button: sends one output now, whatever its events and even if disabled, with the lectern's values. */
  test(outputId: string): boolean {
    const state = this.current();
    const output = state.outputs.find((o) => o.id === outputId);
    if (!output) return false;
    const live = state.live;
    this.enqueue({ output, trigger: 'test', values: valuesAt(state, 'test', live?.slotId ?? null, live, this.clock.now()) });
    return true;
  }

  snapshot(): OutputResults {
    return this.results;
  }

  private enqueue(job: Job): void {
    let lane = this.lanes.get(job.output.id);
    if (!lane) this.lanes.set(job.output.id, (lane = { busy: false, waiting: [] }));
    lane.waiting.push(job);
    if (lane.waiting.length > MAX_WAITING) {
      const dropped = lane.waiting.splice(0, lane.waiting.length - MAX_WAITING);
      this.record(job.output.id, dropped.at(-1)?.trigger ?? job.trigger, { kind: 'dropped', count: dropped.length });
    }
    if (!lane.busy) void this.drain(job.output.id, lane);
  }

  private async drain(outputId: string, lane: Lane): Promise<void> {
    lane.busy = true;
    for (let job = lane.waiting.shift(); job; job = lane.waiting.shift()) {
      const { output, trigger, values } = job;
      const later = (outcome: OutputOutcome) => this.record(outputId, trigger, outcome);
      const outcome = await (output.target.kind === 'osc' ? this.senders.osc(output.target, values, later) : this.senders.http(output.target, values)).catch(
        (err: unknown): OutputOutcome => ({ kind: 'error', message: String((err as Error)?.message ?? err).slice(0, 300) }),
      );
      this.record(outputId, trigger, outcome);
    }
    lane.busy = false;
  }

  private record(outputId: string, trigger: Job['trigger'], outcome: OutputOutcome): void {
    // An output deleted while its send was in flight has no result to show.
    if (!this.before.outputs.some((o) => o.id === outputId)) return;
    this.results = { ...this.results, [outputId]: { wall: this.clock.wall(), trigger, outcome } };
    this.listeners.forEach((l) => l(this.results));
  }

  private forgetRemoved(outputs: readonly Output[]): void {
    const kept = Object.entries(this.results).filter(([id]) => outputs.some((o) => o.id === id));
    if (kept.length === Object.keys(this.results).length) return;
    this.results = Object.fromEntries(kept);
    this.listeners.forEach((l) => l(this.results));
  }
}
