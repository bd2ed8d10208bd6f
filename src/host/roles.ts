import type { CommandType } from '../core/commands';
import type { ClientMessage } from '../core/protocol';
import type { Audience } from '../core/views';

/**
 * Whoever presents a key to the host: a role with a view (views.ts), or a control surface with the
 * integration key, which has no view of its own in a browser and never a socket: it runs timer and
 * queue actions and reads the clock over HTTP and OSC only.
 */
export type Caller = Audience | { role: 'integration' };

/** Individual ballots are the clerk's alone: not even the host types in or sets aside a ballot. */
const CLERK_ONLY: ReadonlySet<CommandType> = new Set<CommandType>(['paper.enter', 'paper.discard', 'ballot.void', 'card.release']);

/** Outputs point at the room's equipment and may carry a webhook's key: the host's alone, not even the clerk's. */
const HOST_ONLY: ReadonlySet<CommandType> = new Set<CommandType>(['outputs.configure']);

/**
 * What each role may send, decided here in the host and never only by hiding buttons: a display
 * only measures its clock; a reviewer only submits ballots; host and clerk run the meeting, and
 * only a reviewer's own phone submits that reviewer's ballot.
 */
export function mayRoleSend(audience: Audience, message: ClientMessage): boolean {
  switch (message.type) {
    case 'ping':
      return true;
    case 'cue.test':
      return audience.role === 'host' || audience.role === 'clerk';
    // Outputs are the host's alone: no other role even hears of them.
    case 'output.test':
      return audience.role === 'host';
    // Screens that may ring: the hall's (display role) and the control view. Phones never ring.
    case 'audio.state':
      return audience.role === 'display' || audience.role === 'host';
    case 'command':
      if (message.command.type === 'ballot.submit') return audience.role === 'reviewer';
      // The host claims a card for a phone as it connects; no view asks for it.
      if (message.command.type === 'card.claim') return false;
      if (CLERK_ONLY.has(message.command.type)) return audience.role === 'clerk';
      if (HOST_ONLY.has(message.command.type)) return audience.role === 'host';
      return audience.role === 'host' || audience.role === 'clerk';
    default:
      return message satisfies never;
  }
}

/** Roles that see more than the hall (the host's controls, the clerk's ballots) only from this machine. */
export const needsLoopback = (audience: Caller): boolean => audience.role === 'host' || audience.role === 'clerk';

/** The host's token is honoured only from this machine: it never controls the meeting from the LAN. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
