import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { apply } from '../core/apply';
import type { Command } from '../core/commands';
import { decide } from '../core/decide';
import type { Rejection } from '../core/decide';
import { demoMeeting } from '../core/demo';
import type { Actor, EventBody, MeetingEvent } from '../core/events';
import type { MeetingSetup } from '../core/meeting';
import type { MeetingState } from '../core/state';
import type { Clock, Mono, Wall } from '../core/time';
import { BallotPace } from './ballot-pace';
import { nodeTimers } from './due-timer';
import type { TimerApi } from './due-timer';
import { removeLeftoverTemps } from './atomic-file';
import { EventLog } from './event-log';
import { loadMeeting, notWritable } from './meeting-load';
import type { Damage } from './meeting-load';
import { snapshotFile, writeSnapshot } from './snapshot';
import { describeFsError, isNotWritable } from './write-error';

export type Outcome =
  | { ok: true; seq: number }
  | { ok: false; error: Rejection | { code: 'unavailable'; message: string } | { code: 'rate_limited'; message: string; retryInMs: number } };

/** The newest state on disk: its event's number, where its line ends and its instants. */
interface OnDisk {
  seq: number;
  bytes: number;
  last: { at: Mono; wall: Wall };
  state: MeetingState;
}

export interface Change {
  state: MeetingState;
  event: MeetingEvent;
}

/** A snapshot every so many events keeps start-up short however long the meeting's log grows. */
export const SNAPSHOT_EVERY = 500;
/**
 * A snapshot due is written once the meeting has been this long without an event: writing it
 * (two megabytes late in a long day, and their fsync, which the file system may make the log's
 * next fsync wait on) then does not fall among a burst of ballots or between a slot's lock and
 * its reveal. A hall is quiet for a quarter of a second many times a minute.
 */
export const SNAPSHOT_QUIET_MS = 250;
/** A meeting never that quiet is still snapshotted by this many events: start-up stays short. */
export const SNAPSHOT_LATEST = 2 * SNAPSHOT_EVERY;

/** If monotonic and wall time disagree by more than this since the last event, the machine rebooted. */
const REBOOT_TOLERANCE_MS = 2000;

/**
 * The one authoritative meeting: decides commands, applies their events in memory and makes them
 * durable. Commands are decided one at a time in arrival order; a listener hears of a change only
 * once its event is on disk, and views are only ever given the state on disk, so no view shows
 * what a crash could take back. A write that fails (a full disk) is taken back as if never made.
 */
export class MeetingEngine {
  private listeners = new Set<(change: Change) => void>();
  private appliedListeners = new Set<(state: MeetingState, event: MeetingEvent | null) => void>();
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** The last event's instant: the log's instants never run backwards. */
  private lastAt = 0;
  /** The newest state decided: commands are decided on it, ahead of the disk by the writes in flight. */
  private head: MeetingState;
  private snapshotSeq = 0;
  private compaction: Promise<void> | null = null;
  /** The timer that writes a due snapshot once the meeting is quiet, or null. */
  private quiet: unknown = null;
  /** Why commands wait for now (a copy of the file is being taken), or null. */
  private frozen: string | null = null;
  /** When each reviewer's ballot for each slot was last taken: a ballot changes at BALLOT_PACE at most. */
  private readonly pace = new BallotPace();

  private constructor(
    /** The meeting file: the log the audit view reads back. */
    readonly file: string,
    /** The newest state on disk and where its event ends in the log: what views see and a snapshot records. */
    private disk: OnDisk,
    /** null: the file is damaged or cannot be written, and is opened read-only; nothing is ever written to it. */
    private readonly log: EventLog | null,
    private readonly clock: Clock,
    readonly warnings: string[],
    /** Why the meeting cannot be changed, or null when it can. */
    readonly readOnly: string | null = null,
    private readonly timers: TimerApi = nodeTimers,
  ) {
    this.head = disk.state;
  }

  /** Opens a meeting file, creating it from `setup` (the demo by default) when it does not exist. */
  static async open(file: string, clock: Clock, setup: MeetingSetup = demoMeeting(), timers: TimerApi = nodeTimers): Promise<MeetingEngine> {
    if (!existsSync(file)) {
      const log = await EventLog.create(file, clock.wall());
      const created: MeetingEvent = { type: 'meeting.created', setup, seq: 1, at: clock.now(), wall: clock.wall(), by: { role: 'system' } };
      const bytes = await log.append(created);
      return new MeetingEngine(file, { seq: 1, bytes, last: { at: created.at, wall: created.wall }, state: apply(null, created) }, log, clock, [], null, timers);
    }
    await removeLeftoverTemps(snapshotFile(file));
    const { state, base, loaded, warnings, damage } = await loadMeeting(file);
    const last = loaded.events.at(-1) ?? base?.last;
    const disk: OnDisk = { seq: state.seq, bytes: loaded.goodBytes, last: last ? { at: last.at, wall: last.wall } : { at: 0 as Mono, wall: 0 as Wall }, state };
    const readOnly = ({ what, repair }: Damage) => {
      const notice = `read-only: ${what}. The meeting is shown up to event ${state.seq}; nothing is written to the file.${repair ? ` ${repair}` : ''}`;
      return new MeetingEngine(file, disk, null, clock, [...warnings, notice], notice, timers);
    };
    const refused = damage ?? (await notWritable(file));
    if (refused) return readOnly(refused);
    let log: EventLog;
    try {
      log = await EventLog.openForAppend(file, loaded);
    } catch (err) {
      if (!isNotWritable(err)) throw err;
      return readOnly({ what: `${file} cannot be written (${describeFsError(err)})`, repair: null });
    }
    const engine = new MeetingEngine(file, disk, log, clock, warnings, null, timers);
    engine.snapshotSeq = base ? base.at.seq : 0;
    if (last) await engine.rebaseIfRebooted(last.at, last.wall);
    // Replaying a long tail is what a snapshot spares the next start: write one now.
    if (loaded.events.length >= SNAPSHOT_EVERY) engine.compact();
    return engine;
  }

  /** The meeting as it is on disk: what every view is shown. */
  current(): MeetingState {
    return this.disk.state;
  }

  /**
   * The newest state decided, its write perhaps still in flight: for the timers, which arm the
   * next boundary at once rather than after the disk (a failed write takes it back, and re-arms).
   */
  decided(): MeetingState {
    return this.head;
  }

  /** Hears each change once it is durable: what views may show. */
  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hears each change as soon as it is applied in memory, before the disk write: the boundary
   * scheduler re-arms here, so a slow disk never delays the next warning or cut-off. `event` is
   * the event just applied, or null when failed writes were taken back (the state is the disk's).
   */
  onApplied(listener: (state: MeetingState, event: MeetingEvent | null) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Resolves once everything recorded so far is on disk. */
  async settled(): Promise<void> {
    await this.lastWrite.catch(() => undefined);
  }

  /** Runs a client's command; resolves once its event is durable (that is the acknowledgement). */
  async execute(command: Command, by: Actor): Promise<Outcome> {
    const decision = decide(this.head, command, newSlotId, by);
    if (!decision.ok) return { ok: false, error: decision.error };
    if (decision.event !== null) {
      const event = decision.event;
      if (event.type === 'ballot.submitted') {
        const retryInMs = this.pace.take(event.reviewerId, event.slotId, this.clock.now());
        if (retryInMs > 0) {
          const message = `this ballot was changed too often: it is taken again in ${Math.ceil(retryInMs / 1000)} s`;
          return { ok: false, error: { code: 'rate_limited', message, retryInMs } };
        }
      }
      return this.record(event, by, this.clock.now());
    }
    // Already done (a retried ballot): acknowledged once it is on disk. If its write failed
    // meanwhile, it was taken back, and this retry records it.
    await this.settled();
    const again = decide(this.head, command, newSlotId, by);
    if (again.ok && again.event === null) return { ok: true, seq: this.disk.seq };
    return this.execute(command, by);
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
    // A phone's key hash is for deciding (whose card is this?): the events record the phone
    // themselves (card.claimed, a ballot's device), so it is not written with every line.
    const { phone: _phone, ...who } = by;
    const event = { ...body, seq: this.head.seq + 1, at: Math.max(at, this.lastAt) as Mono, wall: this.clock.wall() as Wall, by: who } as MeetingEvent;
    const next = apply(this.head, event);
    this.head = next;
    this.lastAt = event.at;
    this.appliedListeners.forEach((l) => l(next, event));
    const write = this.log.append(event);
    this.lastWrite = write;
    try {
      const bytes = await write;
      this.disk = { seq: event.seq, bytes, last: { at: event.at, wall: event.wall }, state: next };
      if (event.seq - this.snapshotSeq >= SNAPSHOT_EVERY) this.compactWhenQuiet(event.seq);
    } catch (err) {
      this.takeBack();
      return { ok: false, error: { code: 'unavailable', message: `nothing was recorded: the meeting file cannot be written: ${describeFsError(err)}. Once the disk has room again, try again` } };
    }
    const change = { state: next, event };
    this.listeners.forEach((l) => l(change));
    return { ok: true, seq: event.seq };
  }

  /**
   * After a failed write: the events not on disk never happened. Every command decided on them
   * failed with them (the log fails them together), so the decided state goes back to the disk's.
   */
  private takeBack(): void {
    if (this.head === this.disk.state) return;
    this.head = this.disk.state;
    const head = this.head;
    this.appliedListeners.forEach((l) => l(head, null));
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
    const { disk, log } = this;
    if (this.compaction || log === null || disk.seq <= this.snapshotSeq) return;
    // Only where the log stands now can its hash be had: an event whose batch is not all
    // acknowledged yet waits for the batch's last one.
    const position = log.position();
    if (position.bytes !== disk.bytes) return;
    this.compaction = writeSnapshot(this.file, { at: { seq: disk.seq, ...position }, last: disk.last, state: disk.state })
      .then(() => void (this.snapshotSeq = Math.max(this.snapshotSeq, disk.seq)))
      .catch((err: unknown) => console.warn(`warning: could not write the snapshot of ${this.file}: ${describeFsError(err)}`))
      .finally(() => (this.compaction = null));
  }

  /** A snapshot is due: written once no event has come for SNAPSHOT_QUIET_MS, or now when it is far behind. */
  private compactWhenQuiet(seq: number): void {
    if (this.quiet !== null) this.timers.clear(this.quiet);
    this.quiet = null;
    if (seq - this.snapshotSeq >= SNAPSHOT_LATEST) return this.compact();
    this.quiet = this.timers.set(() => {
      this.quiet = null;
      this.compact();
    }, SNAPSHOT_QUIET_MS);
  }

  async close(): Promise<void> {
    if (this.quiet !== null) this.timers.clear(this.quiet);
    this.quiet = null;
    await this.settled();
    await this.compaction;
    this.compact();
    await this.compaction;
    await this.log?.close();
  }
}

const newSlotId = (): string => `s${randomBytes(5).toString('hex')}`;
