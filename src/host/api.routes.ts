import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACTIONS, actionByName, actionState } from '../core/actions';
import { CommandSchema } from '../core/commands';
import { IdSchema } from '../core/meeting';
import { firstIssue } from '../core/issues';
import type { HostRuns } from '../core/network';
import { COMMAND_BODY_LIMIT, PROTOCOL_VERSION } from '../core/protocol';
import { checkedView } from '../core/views';
import type { MeetingEngine, Outcome } from './meeting-engine';
import type { Authorize } from './authorize';
import { mayRoleSend } from './roles';

const STATUS: Record<string, number> = { not_allowed: 409, not_found: 404, invalid: 422, unavailable: 503, rate_limited: 429, card_in_use: 409 };

/**
 * The small HTTP API for integrations (a Stream Deck, a script): the same commands and actions as
 * the control view, with the same roles. `Authorization: Bearer <token>`.
 */
export function apiRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize, runs: HostRuns): void {
  const answer = (reply: FastifyReply, outcome: Outcome) =>
    outcome.ok ? reply.send({ seq: outcome.seq }) : reply.code(STATUS[outcome.error.code] ?? 400).send({ error: outcome.error.code, message: outcome.error.message });

  // `runs`: the desktop app's own process (utility), inside the app (its fallback), or serve mode.
  app.get('/api/v1/health', async () => ({ ok: true, protocol: PROTOCOL_VERSION, runs }));

  app.get('/api/v1/state', async (req, reply) => {
    const audience = authorize(req, reply, ['host', 'clerk', 'display', 'reviewer']);
    if (!audience) return reply;
    const checked = checkedView(engine.current(), audience);
    if (!checked.ok) return reply.code(500).send({ error: 'unavailable', message: `this view is withheld: ${checked.problem}` });
    return checked.view;
  });

  // Actions are the host's buttons and keys: host only, so what they record is the host, truly.
  app.get('/api/v1/actions', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    const state = actionState(engine.current());
    return ACTIONS.map((a) => ({ name: a.name, keys: a.keys, allowed: a.allowed(state, null) }));
  });

  app.post('/api/v1/actions/:name', async (req, reply) => {
    const audience = authorize(req, reply, ['host']);
    if (!audience) return reply;
    const { name } = req.params as { name: string };
    const action = actionByName(name);
    if (!action) return reply.code(404).send({ error: 'not_found', message: `no action "${name}"; GET /api/v1/actions lists them` });
    const rawTarget = (req.body as { slotId?: unknown } | undefined)?.slotId;
    const target = rawTarget === undefined ? null : IdSchema.safeParse(rawTarget);
    if (target !== null && !target.success) return reply.code(400).send({ error: 'bad_message', message: `slotId: ${firstIssue(target.error).message}` });
    const slotId = target?.data ?? null;
    const state = actionState(engine.current());
    if (!action.allowed(state, slotId)) return reply.code(409).send({ error: 'not_allowed', message: `"${action.name}" is not possible now` });
    return answer(reply, await engine.execute(action.command(state, slotId), { role: audience.role, device: httpDevice(req) }));
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
