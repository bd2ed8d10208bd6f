import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { chmod, mkdir, open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MeetingEvent } from '../core/events';
import { OWNER_ONLY, syncDir, writeAll } from './atomic-file';
import { eventLine, headerLine, LogError, parseEventLine, parseHeader } from './log-line';
import { describeFsError } from './write-error';

export { LOG_FORMAT, LOG_VERSION, LogError } from './log-line';

/** Where a snapshot left the log: its events up to `seq` end at byte `bytes`, and those bytes hash to `sha256`. */
export interface LogPosition {
  seq: number;
  bytes: number;
  sha256: string;
}

export interface LoadedLog {
  events: MeetingEvent[];
  /** Things repaired on the way in, e.g. a torn last line after a crash. */
  warnings: string[];
  /** The first damaged line, when the log is damaged before its end: the events stop there. */
  damage: LogError | null;
  /** Where the last complete line ends: an append goes there. */
  goodBytes: number;
  /** The hash of the log's first `goodBytes` bytes, to be carried on as the log grows. */
  hash: Hash;
}

/** Why a log does not continue the snapshot given: the log was cut short or changed after it. */
export class SnapshotMismatch {
  constructor(readonly reason: string) {}
}

/**
 * Reads a meeting log. Only newline-terminated lines count: an unterminated tail is a write the
 * host died in, so its command was never acknowledged, and it is cut off with a warning. Damage
 * anywhere else stops the reading there and is reported: the meeting may be looked at up to the
 * damage, never continued, because writing after it would bury what a person must repair.
 * A file that is not a Rostrum meeting at all (empty, wrong header or version) is refused.
 *
 * From a snapshot's position only the lines after it are read, so start-up does not grow with
 * the length of the meeting; but every byte before it is hashed and must be what the snapshot
 * recorded, so damage the snapshot would hide is still found (SnapshotMismatch: read it all).
 */
export async function readLog(file: string): Promise<LoadedLog>;
export async function readLog(file: string, from: LogPosition): Promise<LoadedLog | SnapshotMismatch>;
export async function readLog(file: string, from?: LogPosition): Promise<LoadedLog | SnapshotMismatch> {
  const bytes = await readFile(file);
  const goodBytes = bytes.lastIndexOf(0x0a) + 1;
  const warnings: string[] = [];
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) throw new LogError(file, 1, 'the file is empty, not a Rostrum meeting');
  const { version } = parseHeader(file, bytes.subarray(0, headerEnd));
  const hash = createHash('sha256');
  let start = headerEnd + 1;
  let firstLine = 2;
  if (from) {
    if (from.bytes > goodBytes) return new SnapshotMismatch(`the log is shorter than the snapshot says (${goodBytes} of ${from.bytes} bytes; it held events up to ${from.seq})`);
    if (hash.update(bytes.subarray(0, from.bytes)).copy().digest('hex') !== from.sha256) {
      return new SnapshotMismatch(`its first ${from.bytes} bytes (up to event ${from.seq}) changed after the snapshot was written`);
    }
    start = from.bytes;
    firstLine = countLines(bytes, start) + 1;
  }
  // The hash goes on from where the snapshot's ended (or from the first byte): all of it, header included.
  hash.update(bytes.subarray(from ? from.bytes : 0, goodBytes));
  const events: MeetingEvent[] = [];
  const firstSeq = from ? from.seq + 1 : 1;
  let damage: LogError | null = null;
  let line = firstLine;
  // Decoded line by line: one Chinese name in the agenda would make a whole-log string two bytes
  // a character, and decoding 100,000 lines that way took 2–5 times as long (bench/startup).
  for (let at = start, end = bytes.indexOf(0x0a, at); end >= 0; at = end + 1, end = bytes.indexOf(0x0a, at), line++) {
    try {
      const event = parseEventLine(file, line, bytes.subarray(at, end), version);
      const expected = firstSeq + events.length;
      if (event.seq !== expected) throw new LogError(file, line, `expected event ${expected}, found ${event.seq}`);
      events.push(event);
    } catch (err) {
      damage = err as LogError;
      break;
    }
  }
  if (goodBytes < bytes.length) {
    warnings.push(`${file}, line ${firstLine + countLines(bytes.subarray(start), goodBytes - start)}: dropped an incomplete last line (the host stopped while writing it; it was never acknowledged)`);
  }
  return { events, warnings, damage, goodBytes, hash };
}

/** Lines before `end`: messages name the line a person would see in an editor. */
function countLines(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** How far the header and first event may run: far beyond any real agenda, short of reading a whole stray file. */
const START_LIMIT = 64 * 2 ** 20;

/**
 * The header and first event of a log, reading only as far as they go: whether the file is a
 * meeting at all (what opening it would refuse), and what it was created as, without the rest.
 */
export async function readLogStart(file: string): Promise<MeetingEvent> {
  const fh = await open(file, 'r');
  try {
    let head = Buffer.alloc(0);
    let second = -1;
    for (;;) {
      // Ever larger reads: a first event of 10,000 speakers is a few megabytes.
      const { buffer, bytesRead } = await fh.read({ buffer: Buffer.alloc(Math.max(64 * 1024, head.length)), position: head.length });
      head = Buffer.concat([head, buffer.subarray(0, bytesRead)]);
      second = head.indexOf(0x0a, head.indexOf(0x0a) + 1);
      if (second >= 0 || bytesRead === 0) break;
      if (head.length > START_LIMIT) throw new LogError(file, head.indexOf(0x0a) < 0 ? 1 : 2, `no line ends within the first ${START_LIMIT / 2 ** 20} MB: not a Rostrum meeting`);
    }
    const headerEnd = head.indexOf(0x0a);
    if (headerEnd <= 0) throw new LogError(file, 1, 'the file is empty, not a Rostrum meeting');
    const { version } = parseHeader(file, head.subarray(0, headerEnd));
    if (second < 0) throw new LogError(file, 2, 'the log holds no meeting');
    const created = parseEventLine(file, 2, head.subarray(headerEnd + 1, second), version);
    if (created.type !== 'meeting.created' || created.seq !== 1) throw new LogError(file, 2, `expected the meeting's creation, found ${created.type}`);
    return created;
  } finally {
    await fh.close();
  }
}

interface Pending {
  line: Buffer;
  done: (err: Error | null, end: number) => void;
}

/**
 * Appends events durably. Events queued while a write is in flight go out together in the next
 * write and share one fsync (group commit), so many ballots arriving at once cost one disk flush
 * each round, yet no caller is acknowledged before its bytes are on disk.
 *
 * A write that fails (a full disk) is cut back to the last complete line and fails with every
 * event queued behind it (each was decided on top of the failed ones); the next append starts
 * clean at the same place, so once there is space again the meeting goes on in the same file.
 */
export class EventLog {
  private pending: Pending[] = [];
  private flushing = false;
  /** Set when a failed write could not be cut back: nothing may follow what is left in the file. */
  private broken: string | null = null;

  private constructor(
    private readonly fh: FileHandle,
    /** Bytes on disk: where the next line starts. */
    private size: number,
    /** The hash of those bytes: a snapshot records it, and the next start checks the log against it. */
    private readonly hash: Hash,
  ) {}

  static async create(file: string, wallNow: number): Promise<EventLog> {
    await mkdir(dirname(file), { recursive: true });
    const fh = await open(file, 'wx', OWNER_ONLY);
    const header = headerLine(wallNow);
    try {
      await writeAll(fh, header);
      await fh.sync();
      await syncDir(dirname(file));
    } catch (err) {
      await fh.close();
      throw err;
    }
    return new EventLog(fh, header.length, createHash('sha256').update(header));
  }

  /** Opens for appending, first cutting a torn tail so new lines never follow garbage. */
  static async openForAppend(file: string, loaded: Pick<LoadedLog, 'goodBytes' | 'hash'>): Promise<EventLog> {
    const fh = await open(file, 'r+');
    try {
      const { size, mode } = await fh.stat();
      // Meetings written by earlier versions were readable by everyone on the machine.
      if ((mode & 0o077) !== 0) await chmod(file, OWNER_ONLY).catch(() => undefined);
      if (size > loaded.goodBytes) {
        await fh.truncate(loaded.goodBytes);
        await fh.sync();
      }
    } finally {
      await fh.close();
    }
    return new EventLog(await open(file, 'a'), loaded.goodBytes, loaded.hash);
  }

  /** Resolves, once the event is on disk, with the byte offset where its line ends. */
  append(event: MeetingEvent): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: eventLine(event), done: (err, end) => (err ? reject(err) : resolve(end)) });
      void this.flush();
    });
  }

  /** How many bytes are on disk and their hash: the position a snapshot taken now stands on. */
  position(): { bytes: number; sha256: string } {
    return { bytes: this.size, sha256: this.hash.copy().digest('hex') };
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      if (this.broken) {
        batch.forEach((b) => b.done(new Error(this.broken ?? ''), 0));
        continue;
      }
      const bytes = batch.length === 1 ? (batch[0] as Pending).line : Buffer.concat(batch.map((b) => b.line));
      try {
        await writeAll(this.fh, bytes);
        await this.fh.datasync();
      } catch (err) {
        await this.cutBack(err);
        // Everything queued meanwhile was decided on top of the failed events: it fails with them.
        const failed = [...batch, ...this.pending];
        this.pending = [];
        failed.forEach((b) => b.done(err as Error, 0));
        continue;
      }
      this.hash.update(bytes);
      let end = this.size;
      this.size += bytes.length;
      batch.forEach((b) => b.done(null, (end += b.line.length)));
    }
    this.flushing = false;
  }

  /** Removes whatever part of a failed write reached the file, so the log ends at its last good line. */
  private async cutBack(cause: unknown): Promise<void> {
    try {
      await this.fh.truncate(this.size);
      await this.fh.datasync();
    } catch (err) {
      this.broken = `the meeting file could not be restored after a failed write (${describeFsError(cause)}, then ${describeFsError(err)}); restart the host`;
    }
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}
