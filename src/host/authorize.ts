import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../core/views';
import { CARD_IN_USE } from '../core/decide.cards';
import { phoneOf } from './phone-key';
import { isLoopback, needsLoopback } from './roles';

/** Whose token this is: null for no one's, a removed reviewer's key included. */
export type Identify = (token: string | null) => Audience | null;

/** Finds the caller's role from `Authorization: Bearer <token>`, or replies 401/403 and gives null. */
export type Authorize = (req: FastifyRequest, reply: FastifyReply, need: Audience['role'][]) => Audience | null;

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
  (req, reply, need) => {
    const audience = identify(bearer(req));
    if (audience === null) {
      reply.code(401).send(UNAUTHORIZED);
      return null;
    }
    if (!need.includes(audience.role) || (needsLoopback(audience) && !isLoopback(req.socket.remoteAddress))) {
      reply.code(403).send({ error: 'forbidden', message: `this needs the ${need.join(' or ')} role, from this machine` });
      return null;
    }
    const held = audience.role === 'reviewer' ? claimOf(audience.reviewerId) : undefined;
    if (held !== undefined && held !== phoneOf(req.headers['x-rostrum-phone'] as string | undefined)) {
      reply.code(409).send({ error: 'card_in_use', message: CARD_IN_USE });
      return null;
    }
    return audience;
  };

/** API routes anyone may call: the health check, and the clerk's PIN exchange (this machine only, guarded by the PIN). */
const OPEN = ['/api/v1/health', '/api/v1/clerk/'];

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
