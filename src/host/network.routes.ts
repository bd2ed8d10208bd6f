import type { FastifyInstance } from 'fastify';
import { firstIssue } from '../core/issues';
import { NetworkSettingSchema } from '../core/network';
import type { Authorize } from './authorize';
import type { HostNetwork } from './network';
import type { TokenStore } from './tokens';

/**
 * The network setting (LAN on or off, interface, port), host only: it carries the display's key
 * in the stage URL, and who may reach the meeting is the host's choice.
 */
export function networkRoutes(app: FastifyInstance, network: HostNetwork, tokens: TokenStore, authorize: Authorize): void {
  app.get('/api/v1/network', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return network.status(tokens.display);
  });

  app.put('/api/v1/network', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    const parsed = NetworkSettingSchema.safeParse(req.body);
    if (!parsed.success) {
      const { path, message } = firstIssue(parsed.error);
      return reply.code(400).send({ error: 'bad_message', message: path ? `${path}: ${message}` : message, path });
    }
    if (parsed.data.port === 0) return reply.code(400).send({ error: 'bad_message', message: 'port: choose a port from 1 to 65535', path: 'port' });
    const outcome = await network.apply(parsed.data);
    if (!outcome.ok) return reply.code(409).send({ error: 'not_allowed', message: outcome.message });
    return network.status(tokens.display);
  });
}
