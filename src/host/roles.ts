import type { ClientMessage, ViewRole } from '../core/protocol';

/**
 * What each role may send, decided here in the host and never only by hiding buttons: a display
 * is read-only (it may only measure its clock offset); the host may do everything.
 */
export function mayRoleSend(role: ViewRole, message: ClientMessage): boolean {
  switch (message.type) {
    case 'ping':
      return true;
    case 'command':
    case 'cue.test':
      return role === 'host';
    default:
      return message satisfies never;
  }
}

/** The host's token is honoured only from this machine: it never controls the meeting from the LAN. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
