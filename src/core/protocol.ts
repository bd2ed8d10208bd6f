import { z } from 'zod';
import { CommandSchema } from './commands';
import { ViewStateSchema } from './view-schemas';
import { NetworkStatusSchema } from './network';
import { IdSchema } from './ids';
import { OutputResultsSchema } from './outputs';
import { PresenceSchema } from './presence';

/** Bumped on any change a client of the previous version would misread. */
export const PROTOCOL_VERSION = 3;

export const ViewRoleSchema = z.enum(['host', 'clerk', 'reviewer', 'display']);
export type ViewRole = z.infer<typeof ViewRoleSchema>;

/**
 * The largest message each role may send over the WebSocket, in bytes. A reviewer's largest
 * command (a ballot with a 500-character comment) is a few kilobytes and a display only pings;
 * the host's and the clerk's largest but one (the whole roster, 500 reviewers) is under 400 KiB
 * however it is written. A whole agenda can be larger (AGENDA_LIMITS, all in Chinese): it goes
 * as `POST /api/v1/commands`, whose body may be COMMAND_BODY_LIMIT. A message over its limit gets
 * an error naming it; the socket itself refuses anything over twice the largest (close 1009).
 */
export const MESSAGE_LIMITS: Readonly<Record<ViewRole, number>> = { reviewer: 16 * 1024, display: 4 * 1024, host: 1024 * 1024, clerk: 1024 * 1024 };
export const COMMAND_BODY_LIMIT = 8 * 1024 * 1024;

/** A size as people read it: 16 KiB, 1 MiB. */
export const bytesText = (n: number): string => (n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} bytes`);

export { ViewStateSchema } from './view-schemas';
export type { ViewState } from './views';

/** Messages a view sends. `id` ties a reply (ack or error) to its request. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), id: z.string().min(1).max(64), command: CommandSchema }).strict(),
  z.object({ type: z.literal('ping'), id: z.number().int(), t0: z.number() }).strict(),
  /** Plays the test chime on the views chosen as audio outputs; changes no state. */
  z.object({ type: z.literal('cue.test'), id: z.string().min(1).max(64) }).strict(),
  /** A screen that may ring says whether its sound can play now (the browser may wait for a click). */
  z.object({ type: z.literal('audio.state'), state: z.enum(['ready', 'blocked']) }).strict(),
  /** Sends one output now (the Test button, host only); its result comes as an `outputs` message. */
  z.object({ type: z.literal('output.test'), id: z.string().min(1).max(64), outputId: IdSchema }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const SoundSchema = z.enum(['warning', 'danger', 'end']);
export type Sound = z.infer<typeof SoundSchema>;

export const ErrorCodeSchema = z.enum(['bad_message', 'forbidden', 'not_allowed', 'not_found', 'invalid', 'unavailable', 'rate_limited', 'card_in_use']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const HostMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.literal(PROTOCOL_VERSION),
    role: ViewRoleSchema,
    hostNow: z.number(),
    state: ViewStateSchema,
    /** Only the host role gets the display URL, for its live preview. */
    displayUrl: z.string().optional(),
    /** Set when the meeting file is damaged and was opened read-only: why, and where. */
    readOnly: z.string().optional(),
  }),
  z.object({ type: z.literal('state'), state: ViewStateSchema }),
  z.object({ type: z.literal('ack'), id: z.string(), seq: z.number().int() }),
  z.object({
    type: z.literal('error'),
    id: z.string().nullable(),
    code: ErrorCodeSchema,
    message: z.string(),
    /** Where in the message the problem is, e.g. "command.deltaMs". */
    path: z.string().optional(),
    /** rate_limited: when the same request will be taken again. */
    retryInMs: z.number().optional(),
  }),
  z.object({ type: z.literal('pong'), id: z.number().int(), t0: z.number(), hostNow: z.number() }),
  /** A sound to play now, sent only to views chosen as audio outputs. */
  z.object({ type: z.literal('cue'), sound: SoundSchema, volume: z.number() }),
  /** Who is connected (host role only): hall screens and reviewers' phones. */
  z.object({ type: z.literal('presence'), presence: PresenceSchema }),
  /** The host's network setting and where it can be reached (host role only). */
  z.object({ type: z.literal('network'), network: NetworkStatusSchema }),
  /** The last result of each output (host role only): sent, or failed and why. */
  z.object({ type: z.literal('outputs'), results: OutputResultsSchema }),
  /** The host now listens on another port: the view reopens itself there. */
  z.object({ type: z.literal('moved'), port: z.number().int().min(1).max(65535) }),
]);
export type HostMessage = z.infer<typeof HostMessageSchema>;
