import type { FastifyInstance } from 'fastify';
import type { Authorize } from './authorize';
import type { MeetingEngine } from './meeting-engine';
import { importRoster } from './roster-import';
import { readRows } from './sheet-file';
import { agendaFromRows } from '../core/agenda-table';

/**
 * Reads an uploaded roster or agenda and answers with what it would give, or every bad row. It
 * changes nothing: the host looks at the preview and then saves it as a normal command.
 */
export function importRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.post<{ Querystring: { file?: string } }>('/api/v1/import/roster', async (req, reply) => {
    if (!authorize(req, reply, ['host', 'clerk'])) return reply;
    if (!Buffer.isBuffer(req.body)) return reply.code(400).send({ error: 'bad_message', message: 'send the file itself as application/octet-stream' });
    const { scoring } = engine.current();
    return importRoster(new Uint8Array(req.body), req.query.file ?? '', scoring.groups, scoring.reviewers);
  });

  app.post<{ Querystring: { file?: string } }>('/api/v1/import/agenda', async (req, reply) => {
    if (!authorize(req, reply, ['host', 'clerk'])) return reply;
    if (!Buffer.isBuffer(req.body)) return reply.code(400).send({ error: 'bad_message', message: 'send the file itself as application/octet-stream' });
    const rows = await readRows(new Uint8Array(req.body), req.query.file ?? '');
    return typeof rows === 'string' ? { ok: false, errors: [{ row: 0, column: null, reason: rows }] } : agendaFromRows(rows);
  });
}
