import type { FastifyInstance } from 'fastify';
import type { Authorize } from './authorize';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportLimits } from './import-limits';
import { ImportThread } from './import-thread';
import type { MeetingEngine } from './meeting-engine';

/**
 * Reads an uploaded roster or agenda and answers with what it would give, or every bad row. It
 * changes nothing: the host looks at the preview and then saves it as a normal command. The file
 * is read in the import thread (import-thread.ts), never on the host's event loop.
 */
export function importRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize, limits: ImportLimits = IMPORT_LIMITS): void {
  const thread = new ImportThread(limits);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // One byte over the limit is enough to know: the thread then names the limit.
  const route = { bodyLimit: limits.fileBytes + 1 };
  const file = (body: unknown): Uint8Array | null => (Buffer.isBuffer(body) ? new Uint8Array(body) : null);
  const notAFile = { error: 'bad_message', message: 'send the file itself as application/octet-stream' };

  app.post<{ Querystring: { file?: string } }>('/api/v1/import/roster', route, async (req, reply) => {
    if (!authorize(req, reply, ['host', 'clerk'])) return reply;
    const bytes = file(req.body);
    if (!bytes) return reply.code(400).send(notAFile);
    const { scoring } = engine.current();
    return thread.preview({ kind: 'roster', bytes, fileName: req.query.file ?? '', groups: scoring.groups, existing: scoring.reviewers });
  });

  app.post<{ Querystring: { file?: string } }>('/api/v1/import/agenda', route, async (req, reply) => {
    if (!authorize(req, reply, ['host', 'clerk'])) return reply;
    const bytes = file(req.body);
    if (!bytes) return reply.code(400).send(notAFile);
    return thread.preview({ kind: 'agenda', bytes, fileName: req.query.file ?? '' });
  });
}
