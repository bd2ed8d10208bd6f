import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { MeetingEventSchema } from '../core/events';
import type { MeetingEvent } from '../core/events';
import { describeIssue } from '../core/issues';

export const LOG_FORMAT = 'rostrum-meeting';
/** 2: every event line ends with a checksum of itself. Version 1 logs (without) are still read. */
export const LOG_VERSION = 2;

const HeaderSchema = z.object({
  format: z.literal(LOG_FORMAT),
  version: z.number().int().min(1).max(LOG_VERSION, `this Rostrum reads meeting files up to version ${LOG_VERSION}`),
  createdWall: z.number(),
});
export type LogHeader = z.infer<typeof HeaderSchema>;

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

/** `,"crc":"` + 8 hex digits + `"}`: the checksum is the line's last field, at a fixed distance from its end. */
const CRC_TAIL = 18;
const CLOSE = Buffer.from('}');
const crcOf = (body: Uint8Array): string => crc32(CLOSE, crc32(body)).toString(16).padStart(8, '0');

/**
 * A value as its log line: its JSON with a CRC-32 of that JSON as its last field. A flipped byte
 * that still leaves valid JSON (a digit of a score, a letter of a comment, the header's version)
 * is then noticed when the log is read, and never taken for what the host wrote.
 */
function checkedLine(value: object): Buffer {
  const json = Buffer.from(JSON.stringify(value));
  const body = json.subarray(0, json.length - 1);
  return Buffer.concat([body, Buffer.from(`,"crc":"${crcOf(body)}"}\n`)]);
}

export const headerLine = (createdWall: number): Buffer => checkedLine({ format: LOG_FORMAT, version: LOG_VERSION, createdWall });

export const eventLine = (event: MeetingEvent): Buffer => checkedLine(event);

/**
 * Whether a line (without its newline) matches its checksum. Required from version 2 on; a line
 * that carries one is checked whatever its header says, so a flip of the header's version to 1
 * does not switch the checks off.
 */
function checkCrc(file: string, line: number, bytes: Buffer, required: boolean): void {
  const tail = bytes.length >= CRC_TAIL ? bytes.toString('latin1', bytes.length - CRC_TAIL) : '';
  if (!/^,"crc":"[0-9a-f]{8}"\}$/.test(tail)) {
    if (required) throw new LogError(file, line, 'the line has no checksum at its end: it was edited');
    return;
  }
  if (crcOf(bytes.subarray(0, bytes.length - CRC_TAIL)) !== tail.slice(8, 16)) throw new LogError(file, line, 'the line does not match its checksum: it was changed after it was written');
}

export function parseHeader(file: string, bytes: Buffer): LogHeader {
  // What the file is comes first: another format or a newer version is refused as such.
  const header = check(file, 1, parseJson(file, 1, bytes.toString('utf8')), HeaderSchema);
  checkCrc(file, 1, bytes, header.version >= 2);
  return header;
}

/** The event on one line (without its newline), checked against its checksum and its kind's schema. */
export function parseEventLine(file: string, line: number, bytes: Buffer, version: number): MeetingEvent {
  const value = parseJson(file, line, bytes.toString('utf8'));
  checkCrc(file, line, bytes, version >= 2);
  return check(file, line, value, MeetingEventSchema) as MeetingEvent;
}

function parseJson(file: string, line: number, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new LogError(file, line, 'not valid JSON');
  }
}

function check<T>(file: string, line: number, value: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new LogError(file, line, describeIssue(result.error));
  return result.data;
}
