import { decode } from 'node-osc';
import type { HostAction } from '../core/actions';
import { actionByOsc } from '../core/actions';
import type { OscRefusal } from '../core/integration';
import { IdSchema } from '../core/meeting';
import type { Id } from '../core/meeting';

/** A control surface's message is a short address and two strings: anything larger is not one. */
export const OSC_PACKET_LIMIT = 512;

export type OscRequest = { ok: true; action: HostAction; slotId: Id | null } | { ok: false; reason: OscRefusal; message: string };

const refused = (reason: OscRefusal, message: string): OscRequest => ({ ok: false, reason, message });

/** node-osc gives each argument as `{ type, value }`. */
const argValue = (arg: unknown): unknown => (typeof arg === 'object' && arg !== null && 'value' in arg ? (arg as { value: unknown }).value : arg);

/**
 * What one UDP packet asks, or why it asks nothing. The key is the first argument, a string
 * (`/rostrum/start "KEY"`); the actions that act on a slot take its id as the second
 * (`/rostrum/call-up "KEY" "s3"`). A bundle is refused: one press, one message. The key is checked
 * before the address is read, so a stranger learns nothing of which addresses exist.
 */
export function readOscPacket(packet: Buffer, isKey: (presented: string) => boolean): OscRequest {
  if (packet.length > OSC_PACKET_LIMIT) return refused('malformed', `the packet is ${packet.length} bytes: an OSC message to Rostrum is at most ${OSC_PACKET_LIMIT}`);
  let decoded: unknown;
  try {
    decoded = decode(packet);
  } catch (err) {
    return refused('malformed', `not an OSC message: ${(err as Error).message}`);
  }
  const message = decoded as { oscType?: unknown; address?: unknown; args?: unknown };
  if (message.oscType !== 'message' || typeof message.address !== 'string' || !Array.isArray(message.args)) {
    return refused('malformed', 'an OSC bundle: send one message per packet');
  }
  const [key, target, ...rest] = (message.args as unknown[]).map(argValue);
  if (typeof key !== 'string' || !isKey(key)) return refused('unauthenticated', `${message.address}: the first argument must be the integration key, as a string`);
  const action = actionByOsc(message.address);
  if (!action) return refused('unknown', `${message.address} is not an address of Rostrum's (see GET /api/v1/actions)`);
  if (rest.length > 0) return refused('malformed', `${message.address}: at most two arguments, the key and a slot id`);
  if (target === undefined) return { ok: true, action, slotId: null };
  const slotId = IdSchema.safeParse(target);
  if (!slotId.success) return refused('malformed', `${message.address}: the second argument must be a slot id, as a string`);
  return { ok: true, action, slotId: slotId.data };
}
