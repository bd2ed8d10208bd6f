import type { FastifyInstance } from 'fastify';
import { IntegrationSettingSchema } from '../core/integration';
import type { IntegrationStatus } from '../core/integration';
import { firstIssue } from '../core/issues';
import type { Authorize } from './authorize';

export interface IntegrationControl {
  status(): IntegrationStatus;
  /** A new key (the old one, if any, stops working now); OSC opens. */
  create(): Promise<void>;
  /** No key: every route and OSC refuse the old one from now on; OSC closes. */
  revoke(): Promise<void>;
  setOscPort(port: number): Promise<void>;
}

/**
 * The integration key, made, shown and revoked by the host only, on this machine: whoever holds
 * it can start and stop speakers from the LAN, so only the host hands it out.
 */
export function integrationRoutes(app: FastifyInstance, control: IntegrationControl, authorize: Authorize): void {
  app.get('/api/v1/integration', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return control.status();
  });

  app.post('/api/v1/integration/key', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    await control.create();
    return control.status();
  });

  app.delete('/api/v1/integration/key', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    await control.revoke();
    return control.status();
  });

  app.put('/api/v1/integration', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    const parsed = IntegrationSettingSchema.safeParse(req.body);
    if (!parsed.success) {
      const { path, message } = firstIssue(parsed.error);
      return reply.code(400).send({ error: 'bad_message', message: path ? `${path}: ${message}` : message, path });
    }
    await control.setOscPort(parsed.data.oscPort);
    return control.status();
  });
}
