import { open, readFile, mkdir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDir } from './atomic-file';
import { z } from 'zod';
import { MeetingEventSchema } from '../core/events';
import type { MeetingEvent } from '../core/events';
import { describeIssue } from '../core/issues';

export const LOG_FORMAT = 'rostrum-meeting';
export const LOG_VERSION = 1;

const HeaderSchema = z.object({ format: z.literal(LOG_FORMAT), version: z.literal(LOG_VERSION), createdWall: z.number() });

/** A log that cannot be opened; names the file and line so a person can find the damage. */
export class LogError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}, line ${line}: ${reason}`);
  }
}

export interface LoadedLog {
  events: MeetingEvent[];
  /** Things repaired on the way in, e.g. a torn last line after a crash. */
  warnings: string[];
  /** The first damaged line, when the log is damaged before its end: the events stop there. */
  damage: LogError | null;
}

/** Where a snapshot left the log: its events up to `seq` end at byte `bytes`. */
export interface LogPosition {
  seq: number;
  bytes: number;
}

/**
 * Reads a meeting log. Only newline-terminated lines count: an unterminated tail is a write the
 * host died in, so its command was never acknowledged, and it is cut off with a warning. Damage
 * anywhere else stops the reading there and is reported: the meeting may be looked at up to the
 * damage, never continued, because writing after it would bury what a person must repair.
 * A file that is not a Rostrum meeting at all (empty, wrong header or version) is refused.
 *
 * From a snapshot's position only the lines after it are read, so start-up does not grow with
 * the length of the meeting; null when the log does not continue that snapshot (then read it all).
 */
export async function readLog(file: string): Promise<LoadedLog & { goodBytes: number }>;
export async function readLog(file: string, from: LogPosition): Promise<(LoadedLog & { goodBytes: number }) | null>;
export async function readLog(file: string, from?: LogPosition): Promise<(LoadedLog & { goodBytes: number }) | null> {
  const bytes = await readFile(file);
  const goodBytes = bytes.lastIndexOf(0x0a) + 1;
  const warnings: string[] = [];
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) throw new LogError(file, 1, 'the file is empty, not a Rostrum meeting');
  parseLine(file, 1, bytes.subarray(0, headerEnd).toString('utf8'), HeaderSchema);
  let start = headerEnd + 1;
  let firstLine = 2;
  if (from) {
    if (from.bytes > goodBytes || bytes[from.bytes - 1] !== 0x0a || !endsWithSeq(bytes, from)) return null;
    start = from.bytes;
    firstLine = countLines(bytes, start) + 1;
  }
  const events: MeetingEvent[] = [];
  const firstSeq = from ? from.seq + 1 : 1;
  let damage: LogError | null = null;
  let line = firstLine;
  // Decoded line by line: one Chinese name in the agenda would make a whole-log string two bytes
  // a character, and decoding 100,000 lines that way took 2–5 times as long (bench/startup).
  for (let at = start, end = bytes.indexOf(0x0a, at); end >= 0; at = end + 1, end = bytes.indexOf(0x0a, at), line++) {
    try {
      const event = parseLine(file, line, bytes.toString('utf8', at, end), MeetingEventSchema) as MeetingEvent;
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
  return { events, warnings, damage, goodBytes };
}

/** Lines before `end`: messages name the line a person would see in an editor. */
function countLines(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Whether the line ending at `at.bytes` is event `at.seq`: the snapshot belongs to this very log. */
function endsWithSeq(bytes: Buffer, at: LogPosition): boolean {
  const lineStart = bytes.lastIndexOf(0x0a, at.bytes - 2) + 1;
  try {
    return (JSON.parse(bytes.subarray(lineStart, at.bytes - 1).toString('utf8')) as { seq?: unknown }).seq === at.seq;
  } catch {
    return false;
  }
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
    const [header, first] = head.subarray(0, second < 0 ? head.length : second).toString('utf8').split('\n');
    if (!header || head.indexOf(0x0a) < 0) throw new LogError(file, 1, 'the file is empty, not a Rostrum meeting');
    parseLine(file, 1, header, HeaderSchema);
    if (second < 0) throw new LogError(file, 2, 'the log holds no meeting');
    const created = parseLine(file, 2, first ?? '', MeetingEventSchema) as MeetingEvent;
    if (created.type !== 'meeting.created' || created.seq !== 1) throw new LogError(file, 2, `expected the meeting's creation, found ${created.type}`);
    return created;
  } finally {
    await fh.close();
  }
}

function parseLine<T>(file: string, line: number, raw: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new LogError(file, line, 'not valid JSON');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new LogError(file, line, describeIssue(result.error));
  return result.data;
}

/**
 * Appends events durably. Events queued while a write is in flight go out together in the next
 * write and share one fsync (group commit), so many ballots arriving at once cost one disk flush
 * each round, yet no caller is acknowledged before its bytes are on disk.
 */
export class EventLog {
  private pending: { line: string; done: (err: Error | null, end: number) => void }[] = [];
  private flushing = false;

  private constructor(
    private readonly fh: FileHandle,
    /** Bytes on disk: where the next line starts. */
    private size: number,
  ) {}

  static async create(file: string, wallNow: number): Promise<EventLog> {
    await mkdir(dirname(file), { recursive: true });
    const fh = await open(file, 'wx');
    const header = JSON.stringify({ format: LOG_FORMAT, version: LOG_VERSION, createdWall: wallNow }) + '\n';
    await fh.write(header);
    await fh.sync();
    await syncDir(dirname(file));
    return new EventLog(fh, Buffer.byteLength(header));
  }

  /** Opens for appending, first cutting a torn tail so new lines never follow garbage. */
  static async openForAppend(file: string, goodBytes: number): Promise<EventLog> {
    const fh = await open(file, 'r+');
    const { size } = await fh.stat();
    if (size > goodBytes) {
      await fh.truncate(goodBytes);
      await fh.sync();
    }
    await fh.close();
    return new EventLog(await open(file, 'a'), goodBytes);
  }

  /** Resolves, once the event is on disk, with the byte offset where its line ends. */
  append(event: MeetingEvent): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(event) + '\n', done: (err, end) => (err ? reject(err) : resolve(end)) });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        const text = batch.map((b) => b.line).join('');
        await this.fh.write(text);
        await this.fh.datasync();
        let end = this.size;
        this.size += Buffer.byteLength(text);
        batch.forEach((b) => b.done(null, (end += Buffer.byteLength(b.line))));
      } catch (err) {
        batch.forEach((b) => b.done(err as Error, 0));
      }
    }
    this.flushing = false;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}
