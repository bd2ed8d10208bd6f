import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { firstIssue } from '../core/issues';
import { PinSchema } from './clerk-pin';
import type { ClerkPin } from './clerk-pin';
import { isLoopback } from './roles';
import type { TokenStore } from './tokens';

const SessionBodySchema = z.object({ pin: PinSchema, choose: z.boolean().optional() }).strict();

/**
 * The clerk's door: on this machine only, a PIN (chosen on first use) opens a session with the
 * clerk's key. The key itself is never printed or put in a link.
 */
export function clerkRoutes(app: FastifyInstance, tokens: TokenStore, pin: ClerkPin): void {
  app.get('/api/v1/clerk/pin', async (req, reply) => {
    if (!isLoopback(req.socket.remoteAddress)) return reply.code(403).send({ error: 'forbidden', message: 'the clerk view opens on the host machine only' });
    return { set: pin.isSet };
  });

  app.post('/api/v1/clerk/session', async (req, reply) => {
    if (!isLoopback(req.socket.remoteAddress)) return reply.code(403).send({ error: 'forbidden', message: 'the clerk view opens on the host machine only' });
    const body = SessionBodySchema.safeParse(req.body);
    if (!body.success) {
      const { path, message } = firstIssue(body.error);
      return reply.code(400).send({ error: 'bad_message', message: path ? `${path}: ${message}` : message, path });
    }
    if (body.data.choose) {
      // One-shot: of two first-use choices at once, only the first sets the PIN and gets the key.
      if (!(await pin.choose(body.data.pin))) return reply.code(409).send({ error: 'not_allowed', message: 'the clerk PIN is already set' });
      return { token: tokens.clerk };
    }
    if (!pin.isSet) return reply.code(409).send({ error: 'not_allowed', message: 'no clerk PIN yet: choose one first' });
    const check = await pin.check(body.data.pin);
    if (check.ok) return { token: tokens.clerk };
    if (check.reason === 'locked') {
      return reply.code(429).header('Retry-After', Math.ceil(check.retryInMs / 1000)).send({ error: 'locked', message: 'too many wrong PINs', retryInMs: check.retryInMs });
    }
    return reply.code(401).send({ error: 'wrong_pin', message: 'wrong PIN', triesLeft: check.triesLeft });
  });
}
