import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../core/views';
import { isLoopback, needsLoopback } from './roles';
import type { TokenStore } from './tokens';

/** Finds the caller's role from `Authorization: Bearer <token>`, or replies 401/403 and gives null. */
export type Authorize = (req: FastifyRequest, reply: FastifyReply, need: Audience['role'][]) => Audience | null;

export const authorizer =
  (tokens: TokenStore): Authorize =>
  (req, reply, need) => {
    const header = req.headers.authorization ?? '';
    const audience = tokens.identify(header.startsWith('Bearer ') ? header.slice(7) : null);
    if (audience === null) {
      reply.code(401).send({ error: 'unauthorized', message: 'a valid token is required (Authorization: Bearer …)' });
      return null;
    }
    if (!need.includes(audience.role) || (needsLoopback(audience) && !isLoopback(req.socket.remoteAddress))) {
      reply.code(403).send({ error: 'forbidden', message: `this needs the ${need.join(' or ')} role, from this machine` });
      return null;
    }
    return audience;
  };
