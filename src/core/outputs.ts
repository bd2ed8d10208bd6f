import { z } from 'zod';
import { dictOf } from './dict';
import { IdSchema } from './ids';
import { unknownPlaceholders } from './output-template';

/**
 * Signals out of the meeting: an OSC message over UDP (a mixer muting the lectern's channel) or an
 * HTTP request (a Companion button), fired on the meeting's events. Part of the meeting, set by
 * the host alone, seen by no other role (view-schemas.ts).
 */

/** The events an output can be fired on. `zero`: 0:00, a hard phase's cut-off or a soft one's overtime beginning. */
export const OutputTriggerSchema = z.enum(['phase.started', 'warning', 'danger', 'zero', 'overtime.ended', 'slot.next', 'scoring.opened', 'scoring.locked', 'results.revealed']);
export type OutputTrigger = z.infer<typeof OutputTriggerSchema>;
export const OUTPUT_TRIGGERS: readonly OutputTrigger[] = OutputTriggerSchema.options;

/** A text with placeholders (`{unit}`): an unknown name is refused when the output is saved, not when it fires. */
const template = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}` });
    });

/** An OSC argument's value is typed text: a number may come from a placeholder (`{remainingS}`). */
export const OscArgSchema = z
  .strictObject({ type: z.enum(['int', 'float', 'string']), value: template(200) })
  .refine((a) => a.type === 'string' || /\{\w+\}/.test(a.value) || numberProblem(a.type, a.value) === null, {
    path: ['value'],
    message: 'not a number of this type',
  });
export type OscArg = z.infer<typeof OscArgSchema>;

/** Why `text` is not a valid OSC number of this type (an int must be a whole 32-bit number), or null. */
export function numberProblem(type: 'int' | 'float', text: string): string | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return `"${text}" is not a number`;
  if (type === 'int' && (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31)) return `"${text}" is not a whole number`;
  return null;
}

/** A machine on the LAN by address or name: no scheme, no port, no spaces. */
const HostNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'an address like 192.168.1.20 or a name like mixer.local');

export const OscTargetSchema = z.strictObject({
  kind: z.literal('osc'),
  host: HostNameSchema,
  port: z.number().int().min(1).max(65535),
  address: template(200).refine((a) => a.startsWith('/'), 'an OSC address begins with /'),
  args: z.array(OscArgSchema).max(8),
});

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const HttpTargetSchema = z.strictObject({
  kind: z.literal('http'),
  method: z.enum(HTTP_METHODS),
  url: template(1000).refine((u) => /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/.test(u), 'a URL beginning with http:// or https://'),
  headers: z
    .array(
      z.strictObject({
        name: z
          .string()
          .trim()
          .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name'),
        value: template(1000).refine((v) => !/[\r\n]/.test(v), 'one line'),
      }),
    )
    .max(16),
  body: template(4000),
  /** A target that does not answer within this is given up on, and said so. */
  timeoutMs: z.number().int().min(100).max(30_000),
});

export const OutputSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1).max(60),
  enabled: z.boolean(),
  on: z
    .array(OutputTriggerSchema)
    .min(1, 'choose at least one event')
    .refine((on) => new Set(on).size === on.length, 'an event is listed twice'),
  target: z.discriminatedUnion('kind', [OscTargetSchema, HttpTargetSchema]),
});
export type Output = z.infer<typeof OutputSchema>;
export type OscTarget = z.infer<typeof OscTargetSchema>;
export type HttpTarget = z.infer<typeof HttpTargetSchema>;

export const MAX_OUTPUTS = 32;

export const OutputsSchema = z
  .array(OutputSchema)
  .max(MAX_OUTPUTS)
  .refine((list) => new Set(list.map((o) => o.id)).size === list.length, 'two outputs have the same id');

/** What came of an output's last send, as the host's control view shows it. */
export const OutputResultSchema = z.strictObject({
  /** Wall-clock ms when the send ended (or was given up on). */
  wall: z.number(),
  /** The event it was fired on, or `test` for the Test button. */
  trigger: z.union([OutputTriggerSchema, z.literal('test')]),
  outcome: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('sent'), status: z.number().int().optional() }),
    z.strictObject({ kind: z.literal('refused') }),
    z.strictObject({ kind: z.literal('timeout'), afterMs: z.number().int() }),
    z.strictObject({ kind: z.literal('http'), status: z.number().int() }),
    z.strictObject({ kind: z.literal('not-found') }),
    /** Sends were waiting behind a slow target: the oldest were dropped so the queue stays short. */
    z.strictObject({ kind: z.literal('dropped'), count: z.number().int() }),
    z.strictObject({ kind: z.literal('error'), message: z.string().max(300) }),
  ]),
});
export type OutputResult = z.infer<typeof OutputResultSchema>;
export type OutputOutcome = OutputResult['outcome'];

/** The last result of each output, by id: the host's alone. */
export const OutputResultsSchema = dictOf(OutputResultSchema);
export type OutputResults = z.infer<typeof OutputResultsSchema>;
