import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { apply, replay } from '../core/apply';
import type { Command } from '../core/commands';
import { decide } from '../core/decide';
import type { Rejection } from '../core/decide';
import { demoMeeting } from '../core/demo';
import type { Actor, EventBody, MeetingEvent } from '../core/events';
import type { MeetingSetup } from '../core/meeting';
import type { MeetingState } from '../core/state';
import type { Clock, Mono, Wall } from '../core/time';
import { EventLog, readLog } from './event-log';
import { readSnapshot, snapshotFile, writeSnapshot } from './snapshot';
import type { Snapshot } from './snapshot';

export type Outcome = { ok: true; seq: number } | { ok: false; error: Rejection | { code: 'unavailable'; message: string } };

export interface Change {
  state: MeetingState;
  event: MeetingEvent;
}

/** A snapshot every so many events keeps start-up short however long the meeting's log grows. */
const SNAPSHOT_EVERY = 500;

/** If monotonic and wall time disagree by more than this since the last event, the machine rebooted. */
const REBOOT_TOLERANCE_MS = 2000;

/**
 * The one authoritative meeting: decides commands, applies their events in memory and makes them
 * durable. Commands are decided one at a time in arrival order; a listener hears of a change only
 * once its event is on disk, so no view ever shows what a crash could take back.
 */
export class MeetingEngine {
  private listeners = new Set<(change: Change) => void>();
  private appliedListeners = new Set<(state: MeetingState) => void>();
  private lastWrite: Promise<unknown> = Promise.resolve();
  private failed: Error | null = null;
  /** The last event's instant: the log's instants never run backwards. */
  private lastAt = 0;
  /** The newest state on disk and where its event ends in the log: what a snapshot may record. */
  private durable: Snapshot | null = null;
  private snapshotSeq = 0;
  private compaction: Promise<void> | null = null;
  /** Why commands wait for now (a copy of the file is being taken), or null. */
  private frozen: string | null = null;

  private constructor(
    /** The meeting file: the log the audit view reads back. */
    readonly file: string,
    private state: MeetingState,
    /** null: the file is damaged and opened read-only; nothing is ever written to it. */
    private readonly log: EventLog | null,
    private readonly clock: Clock,
    readonly warnings: string[],
    /** Why the meeting cannot be changed, or null when it can. */
    readonly readOnly: string | null = null,
  ) {}

  /** Opens a meeting file, creating it from `setup` (the demo by default) when it does not exist. */
  static async open(file: string, clock: Clock, setup: MeetingSetup = demoMeeting()): Promise<MeetingEngine> {
    if (!existsSync(file)) {
      const log = await EventLog.create(file, clock.wall());
      const created: MeetingEvent = { type: 'meeting.created', setup, seq: 1, at: clock.now(), wall: clock.wall(), by: { role: 'system' } };
      await log.append(created);
      return new MeetingEngine(file, apply(null, created), log, clock, []);
    }
    const { snapshot, problem } = await readSnapshot(file);
    const warnings = problem ? [problem] : [];
    let base: MeetingState | null = null;
    let loaded = snapshot ? await readLog(file, snapshot.at) : null;
    if (snapshot && loaded) base = snapshot.state;
    else {
      if (snapshot) warnings.push(`${snapshotFile(file)} does not fit the log (replaced or cut short); the whole log was read instead`);
      loaded = await readLog(file);
    }
    const state = replay(loaded.events, base);
    if (state === null) throw new Error(loaded.damage ? loaded.damage.message : `${file}: the log holds no meeting`);
    warnings.push(...loaded.warnings);
    if (loaded.damage) {
      const why = `read-only: ${loaded.damage.message}. The meeting is shown up to event ${state.seq}; the file is left untouched for repair.`;
      return new MeetingEngine(file, state, null, clock, [...warnings, why], why);
    }
    const engine = new MeetingEngine(file, state, await EventLog.openForAppend(file, loaded.goodBytes), clock, warnings);
    engine.snapshotSeq = snapshot && base ? snapshot.at.seq : 0;
    const last = loaded.events.at(-1) ?? (snapshot && base ? snapshot.last : undefined);
    if (last) engine.durable = { at: { seq: state.seq, bytes: loaded.goodBytes }, last: { at: last.at, wall: last.wall }, state };
    if (last) await engine.rebaseIfRebooted(last.at, last.wall);
    // Replaying a long tail is what a snapshot spares the next start: write one now.
    if (loaded.events.length >= SNAPSHOT_EVERY) engine.compact();
    return engine;
  }

  current(): MeetingState {
    return this.state;
  }

  /** Hears each change once it is durable: what views may show. */
  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hears each change as soon as it is applied in memory, before the disk write: the boundary
   * scheduler re-arms here, so a slow disk never delays the next warning or cut-off.
   */
  onApplied(listener: (state: MeetingState) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Resolves once everything recorded so far is on disk. */
  async settled(): Promise<void> {
    await this.lastWrite.catch(() => undefined);
  }

  /** Runs a client's command; resolves once its event is durable (that is the acknowledgement). */
  execute(command: Command, by: Actor): Promise<Outcome> {
    const decision = decide(this.state, command, newSlotId, by);
    if (!decision.ok) return Promise.resolve({ ok: false, error: decision.error });
    // Already done (a retried ballot): acknowledged once it is durable, which it already is.
    if (decision.event === null) return this.settled().then(() => ({ ok: true, seq: this.state.seq }));
    return this.record(decision.event, by, this.clock.now());
  }

  /**
   * Records a system event at a given instant (a boundary's due time), never earlier than the
   * last event, so the log's instants never run backwards.
   */
  recordSystem(body: EventBody, at: Mono): Promise<Outcome> {
    return this.record(body, { role: 'system' }, at);
  }

  private async record(body: EventBody, by: Actor, at: Mono): Promise<Outcome> {
    if (this.log === null) return { ok: false, error: { code: 'unavailable', message: this.readOnly ?? 'read-only' } };
    if (this.frozen) return { ok: false, error: { code: 'unavailable', message: this.frozen } };
    if (this.failed) return { ok: false, error: { code: 'unavailable', message: `the meeting file cannot be written: ${this.failed.message}` } };
    const event = { ...body, seq: this.state.seq + 1, at: Math.max(at, this.lastAt) as Mono, wall: this.clock.wall() as Wall, by } as MeetingEvent;
    this.state = apply(this.state, event);
    this.lastAt = event.at;
    this.appliedListeners.forEach((l) => l(this.state));
    const next = this.state;
    const write = this.log.append(event);
    this.lastWrite = write;
    try {
      const end = await write;
      this.durable = { at: { seq: event.seq, bytes: end }, last: { at: event.at, wall: event.wall }, state: next };
      if (event.seq - this.snapshotSeq >= SNAPSHOT_EVERY) this.compact();
    } catch (err) {
      // Memory is now ahead of the disk: refuse everything rather than acknowledge what may be lost.
      this.failed = err as Error;
      return { ok: false, error: { code: 'unavailable', message: `the meeting file cannot be written: ${(err as Error).message}` } };
    }
    const change = { state: this.state, event };
    this.listeners.forEach((l) => l(change));
    return { ok: true, seq: event.seq };
  }

  /**
   * Within one boot the monotonic clock carries on across a host restart and anchors stay valid.
   * After a reboot it starts again, so anchors move by the difference, judged by the wall clock:
   * the only thing that survives a reboot.
   */
  private async rebaseIfRebooted(lastAt: Mono, lastWall: Wall): Promise<void> {
    this.lastAt = lastAt;
    const monoGap = this.clock.now() - lastAt;
    const wallGap = this.clock.wall() - lastWall;
    if (monoGap >= 0 && Math.abs(monoGap - wallGap) <= REBOOT_TOLERANCE_MS) return;
    const shiftMs = this.clock.now() - this.clock.wall() - (lastAt - lastWall);
    this.lastAt = 0;
    await this.record({ type: 'clock.rebased', shiftMs }, { role: 'system' }, this.clock.now());
  }

  /** Stops recording (commands are refused, never half-taken) and resolves once the file is complete. */
  async freeze(reason: string): Promise<void> {
    this.frozen = reason;
    await this.settled();
  }

  thaw(): void {
    this.frozen = null;
  }

  /**
   * Writes the newest durable state as the snapshot the next start begins from, off the path of
   * any command (one at a time; a failure only means the next start reads more of the log).
   */
  private compact(): void {
    const snapshot = this.durable;
    if (this.compaction || this.log === null || !snapshot || snapshot.at.seq <= this.snapshotSeq) return;
    this.compaction = writeSnapshot(this.file, snapshot)
      .then(() => void (this.snapshotSeq = Math.max(this.snapshotSeq, snapshot.at.seq)))
      .catch((err: unknown) => console.warn(`warning: could not write the snapshot of ${this.file}: ${(err as Error).message}`))
      .finally(() => (this.compaction = null));
  }

  async close(): Promise<void> {
    await this.settled();
    await this.compaction;
    this.compact();
    await this.compaction;
    await this.log?.close();
  }
}

const newSlotId = (): string => `s${randomBytes(5).toString('hex')}`;
