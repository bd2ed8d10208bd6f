import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CARD_IN_USE } from '../core/decide.cards';
import { CSP_REPORT_PATH } from './csp-report.routes';
import { phoneOf } from './phone-key';
import { isLoopback, needsLoopback } from './roles';
import type { Caller } from './roles';

/** Whose token this is: null for no one's, a removed reviewer's key and a revoked integration key included. */
export type Identify = (token: string | null) => Caller | null;

/** Finds the caller's role from `Authorization: Bearer <token>`, or replies 401/403 and gives null. */
export type Authorize = <R extends Caller['role']>(req: FastifyRequest, reply: FastifyReply, need: R[]) => Extract<Caller, { role: R }> | null;

/** What the integration key is for, said whenever it asks for more. */
export const INTEGRATION_ONLY =
  'the integration key runs timer and queue actions (POST /api/v1/actions/NAME) and reads the clock (GET /api/v1/state), nothing else';

const bearer = (req: FastifyRequest): string | null => {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
};

const UNAUTHORIZED = { error: 'unauthorized', message: 'a valid token is required (Authorization: Bearer …)' };

/**
 * A reviewer's key over HTTP is honoured only from the phone that holds the card (its device key
 * in `X-Rostrum-Phone`): a copy of the key, the host's included, reads nothing of a claimed card.
 */
export const authorizer =
  (identify: Identify, claimOf: (reviewerId: string) => string | undefined): Authorize =>
  <R extends Caller['role']>(req: FastifyRequest, reply: FastifyReply, need: R[]): Extract<Caller, { role: R }> | null => {
    const audience = identify(bearer(req));
    if (audience === null) {
      reply.code(401).send(UNAUTHORIZED);
      return null;
    }
    if (audience.role === 'integration' && !need.includes(audience.role as R)) {
      reply.code(403).send({ error: 'forbidden', message: `${INTEGRATION_ONLY}: this needs the ${need.join(' or ')} role` });
      return null;
    }
    if (!need.includes(audience.role as R) || (needsLoopback(audience) && !isLoopback(req.socket.remoteAddress))) {
      reply.code(403).send({ error: 'forbidden', message: `this needs the ${need.join(' or ')} role, from this machine` });
      return null;
    }
    const held = audience.role === 'reviewer' ? claimOf(audience.reviewerId) : undefined;
    if (held !== undefined && held !== phoneOf(req.headers['x-rostrum-phone'] as string | undefined)) {
      reply.code(409).send({ error: 'card_in_use', message: CARD_IN_USE });
      return null;
    }
    return audience as Extract<Caller, { role: R }>;
  };

/**
 * API routes anyone may call: the health check, the clerk's PIN exchange (this machine only,
 * guarded by the PIN), and the pages' CSP reports (browsers send them without the page's key).
 */
const OPEN = ['/api/v1/health', '/api/v1/clerk/', CSP_REPORT_PATH];

/**
 * Refuses an API request whose token is no one's as soon as its headers are in, before a byte of
 * its body is read: a stranger's upload costs the host nothing. The connection is closed rather
 * than drained. Each route still checks the role it needs.
 */
export function requireToken(app: FastifyInstance, identify: Identify): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || OPEN.some((p) => req.url.startsWith(p))) return;
    if (identify(bearer(req)) !== null) return;
    return reply.code(401).header('connection', 'close').send(UNAUTHORIZED);
  });
}
