import { open, readFile, mkdir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/**
 * Reads a meeting log. Only newline-terminated lines count: an unterminated tail is a write the
 * host died in, so its command was never acknowledged, and it is cut off with a warning. Damage
 * anywhere else stops the reading there and is reported: the meeting may be looked at up to the
 * damage, never continued, because writing after it would bury what a person must repair.
 * A file that is not a Rostrum meeting at all (empty, wrong header or version) is refused.
 */
export async function readLog(file: string): Promise<LoadedLog & { goodBytes: number }> {
  const text = await readFile(file, 'utf8');
  const goodChars = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, goodChars).split('\n').slice(0, -1);
  const warnings: string[] = [];
  if (goodChars < text.length) {
    warnings.push(`${file}, line ${lines.length + 1}: dropped an incomplete last line (the host stopped while writing it; it was never acknowledged)`);
  }
  if (lines.length === 0) throw new LogError(file, 1, 'the file is empty, not a Rostrum meeting');
  parseLine(file, 1, lines[0] ?? '', HeaderSchema);
  const events: MeetingEvent[] = [];
  let damage: LogError | null = null;
  for (const [i, raw] of lines.slice(1).entries()) {
    try {
      const event = parseLine(file, i + 2, raw, MeetingEventSchema) as MeetingEvent;
      if (event.seq !== events.length + 1) throw new LogError(file, i + 2, `expected event ${events.length + 1}, found ${event.seq}`);
      events.push(event);
    } catch (err) {
      damage = err as LogError;
      break;
    }
  }
  return { events, warnings, damage, goodBytes: Buffer.byteLength(text.slice(0, goodChars)) };
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
  private pending: { line: string; done: (err?: Error) => void }[] = [];
  private flushing = false;

  private constructor(private readonly fh: FileHandle) {}

  static async create(file: string, wallNow: number): Promise<EventLog> {
    await mkdir(dirname(file), { recursive: true });
    const fh = await open(file, 'wx');
    await fh.write(JSON.stringify({ format: LOG_FORMAT, version: LOG_VERSION, createdWall: wallNow }) + '\n');
    await fh.sync();
    await syncDir(dirname(file));
    return new EventLog(fh);
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
    return new EventLog(await open(file, 'a'));
  }

  append(event: MeetingEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: JSON.stringify(event) + '\n', done: (err) => (err ? reject(err) : resolve()) });
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
        await this.fh.write(batch.map((b) => b.line).join(''));
        await this.fh.datasync();
        batch.forEach((b) => b.done());
      } catch (err) {
        batch.forEach((b) => b.done(err as Error));
      }
    }
    this.flushing = false;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/** A new file's directory entry is durable only once the directory itself is synced. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
