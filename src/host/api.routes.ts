import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACTIONS, actionByName, actionState, INTEGRATION_ACTIONS } from '../core/actions';
import { checkedIntegrationView } from '../core/integration-view';
import { CommandSchema } from '../core/commands';
import { IdSchema } from '../core/meeting';
import { firstIssue } from '../core/issues';
import type { HostRuns } from '../core/network';
import { COMMAND_BODY_LIMIT, PROTOCOL_VERSION } from '../core/protocol';
import { checkedView } from '../core/views';
import type { Mono } from '../core/time';
import type { MeetingEngine, Outcome } from './meeting-engine';
import { INTEGRATION_ONLY } from './authorize';
import type { Authorize } from './authorize';
import { runAction } from './integration-action';
import { mayRoleSend } from './roles';

const STATUS: Record<string, number> = { not_allowed: 409, not_found: 404, invalid: 422, unavailable: 503, rate_limited: 429, card_in_use: 409 };

/**
 * The small HTTP API for integrations (a Stream Deck, a script): the same commands and actions as
 * the control view, with the same roles. `Authorization: Bearer <token>`. The integration key
 * (usable from the LAN) reads the clock and runs the timer and queue actions, nothing more.
 */
export function apiRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize, runs: HostRuns, now: () => Mono): void {
  const answer = (reply: FastifyReply, outcome: Outcome) =>
    outcome.ok ? reply.send({ seq: outcome.seq }) : reply.code(STATUS[outcome.error.code] ?? 400).send({ error: outcome.error.code, message: outcome.error.message });

  // `runs`: the desktop app's own process (utility), inside the app (its fallback), or serve mode.
  app.get('/api/v1/health', async () => ({ ok: true, protocol: PROTOCOL_VERSION, runs }));

  app.get('/api/v1/state', async (req, reply) => {
    const audience = authorize(req, reply, ['host', 'clerk', 'display', 'reviewer', 'integration']);
    if (!audience) return reply;
    const checked = audience.role === 'integration' ? checkedIntegrationView(engine.current(), now()) : checkedView(engine.current(), audience);
    if (!checked.ok) return reply.code(500).send({ error: 'unavailable', message: `this view is withheld: ${checked.problem}` });
    return checked.view;
  });

  // Actions are the host's buttons and keys: the host's, and the timer and queue ones also the
  // integration's; each is recorded under the role that ran it.
  app.get('/api/v1/actions', async (req, reply) => {
    const audience = authorize(req, reply, ['host', 'integration']);
    if (!audience) return reply;
    const state = actionState(engine.current());
    return (audience.role === 'integration' ? INTEGRATION_ACTIONS : ACTIONS).map((a) => ({ name: a.name, keys: a.keys, osc: a.osc ?? null, allowed: a.allowed(state, null) }));
  });

  app.post('/api/v1/actions/:name', async (req, reply) => {
    const audience = authorize(req, reply, ['host', 'integration']);
    if (!audience) return reply;
    const { name } = req.params as { name: string };
    const action = actionByName(name);
    if (!action) return reply.code(404).send({ error: 'not_found', message: `no action "${name}"; GET /api/v1/actions lists them` });
    if (audience.role === 'integration' && action.osc === undefined) return reply.code(403).send({ error: 'forbidden', message: `${INTEGRATION_ONLY}: "${name}" is not a timer or queue action` });
    const rawTarget = (req.body as { slotId?: unknown } | undefined)?.slotId;
    const target = rawTarget === undefined ? null : IdSchema.safeParse(rawTarget);
    if (target !== null && !target.success) return reply.code(400).send({ error: 'bad_message', message: `slotId: ${firstIssue(target.error).message}` });
    return answer(reply, await runAction(engine, action, target?.data ?? null, { role: audience.role, device: httpDevice(req) }));
  });

  // A whole agenda is the largest command, too large for a WebSocket message: it comes here.
  app.post('/api/v1/commands', { bodyLimit: COMMAND_BODY_LIMIT }, async (req, reply) => {
    const audience = authorize(req, reply, ['host', 'clerk']);
    if (!audience) return reply;
    const parsed = CommandSchema.safeParse(req.body);
    if (!parsed.success) {
      const { path, message } = firstIssue(parsed.error);
      return reply.code(400).send({ error: 'bad_message', message: path ? `${path}: ${message}` : message, path });
    }
    if (!mayRoleSend(audience, { type: 'command', id: 'http', command: parsed.data })) {
      return reply.code(403).send({ error: 'forbidden', message: `the ${audience.role} role may not send ${parsed.data.type}` });
    }
    return answer(reply, await engine.execute(parsed.data, { role: audience.role, device: httpDevice(req) }));
  });
}

/** Who sent an HTTP command, as the audit log shows it: the API and the caller's address. */
const httpDevice = (req: FastifyRequest): string => `http@${req.socket.remoteAddress ?? '?'}`;
