import { apply } from './apply';
import type { Command } from './commands';
import { decide } from './decide';
import type { Rejection } from './decide';
import type { Actor, EventBody, MeetingEvent } from './events';
import { commentPhase, speechPhase } from './meeting';
import type { MeetingSetup } from './meeting';
import type { MeetingState } from './state';
import type { Mono, Wall } from './time';

/** Two sittings, three speakers; speech 5 s hard (warning at 3 s left, danger at 1.5 s), comments 60 s soft. */
export function tinyMeeting(): MeetingSetup {
  const phases = [{ ...speechPhase(5000), warningMs: 3000, dangerMs: 1500 }, commentPhase(60_000)];
  return {
    title: 'T',
    sittings: [
      { id: 'd1', title: 'one' },
      { id: 'd2', title: 'two' },
    ],
    slots: [
      { id: 'a', sittingId: 'd1', unit: 'A', speaker: '', topic: '', phases },
      { id: 'b', sittingId: 'd1', unit: 'B', speaker: '', topic: '', phases },
      { id: 'c', sittingId: 'd2', unit: 'C', speaker: '', topic: '', phases },
    ],
  };
}

/**
 * A meeting driven by hand, the way the host drives it, with time passed explicitly: decide,
 * then apply, with every event kept so a test can replay them.
 */
export class Rehearsal {
  state: MeetingState;
  readonly events: MeetingEvent[] = [];
  private ids = 0;

  constructor(setup: MeetingSetup = tinyMeeting(), at = 0) {
    this.state = this.record({ type: 'meeting.created', setup }, at, { role: 'system' });
  }

  /** Runs a host command at `at` ms; returns the refusal, or null when accepted. */
  run(command: Command, at: number, by: Actor = { role: 'host' }): Rejection | null {
    const d = decide(this.state, command, () => `n${++this.ids}`, by);
    if (!d.ok) return d.error;
    if (d.event) this.record(d.event, at, by);
    return null;
  }

  /** Runs a command that must be accepted. */
  ok(command: Command, at: number, by: Actor = { role: 'host' }): this {
    const refused = this.run(command, at, by);
    if (refused) throw new Error(`${command.type} refused: ${refused.message}`);
    return this;
  }

  boundary(boundary: 'warning' | 'danger' | 'zero', at: number): this {
    const live = this.state.live;
    if (!live) throw new Error('no live phase');
    this.record({ type: 'boundary.reached', slotId: live.slotId, phaseIndex: live.phaseIndex, boundary }, at, { role: 'system' });
    return this;
  }

  private record(body: EventBody, at: number, by: Actor): MeetingState {
    const event = { ...body, seq: this.events.length + 1, at: at as Mono, wall: (1_700_000_000_000 + at) as Wall, by } as MeetingEvent;
    this.events.push(event);
    this.state = apply(this.state ?? null, event);
    return this.state;
  }
}
