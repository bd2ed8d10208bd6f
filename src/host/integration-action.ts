import type { HostAction } from '../core/actions';
import { actionState } from '../core/actions';
import type { Id } from '../core/meeting';
import type { MeetingEngine, Outcome } from './meeting-engine';

/**
 * Runs one of the host's actions for a caller, as a button press would: refused (and nothing
 * recorded) when the meeting does not allow it now. Shared by the HTTP API and OSC input, so both
 * do exactly what the control view's key does.
 */
export async function runAction(engine: MeetingEngine, action: HostAction, slotId: Id | null, by: { role: 'host' | 'integration'; device: string }): Promise<Outcome> {
  const state = actionState(engine.current());
  if (!action.allowed(state, slotId)) return { ok: false, error: { code: 'not_allowed', message: `"${action.name}" is not possible now` } };
  return engine.execute(action.command(state, slotId), by);
}
