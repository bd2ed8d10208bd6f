import type { FastifyInstance, FastifyReply } from 'fastify';
import { basename } from 'node:path';
import { z } from 'zod';
import { describeIssue } from '../core/issues';
import type { MeetingSetup } from '../core/meeting';
import { defaultScoring, namedIn } from '../core/scoring.setup';
import { templateOf } from '../core/template';
import type { Authorize } from './authorize';
import { LibraryError } from './meeting-library';
import type { MeetingLibrary } from './meeting-library';
import type { MeetingEngine } from './meeting-engine';

/** What the host process does to change the open meeting (host-supervisor.ts). */
export interface MeetingFiles {
  library: MeetingLibrary;
  /** Closes the open meeting and opens `path`, creating it from `setup` when it is new. */
  switchTo(path: string, setup?: MeetingSetup): void;
}

const OpenSchema = z.object({ file: z.string().min(1).max(300) });
const NameSchema = z.object({ name: z.string().trim().min(1, 'a name is needed').max(120) });
/** `language`: the control view's, in which a new meeting's default names are written. */
const NewSchema = NameSchema.extend({ template: z.string().min(1).max(300).nullable(), language: z.enum(['zh-CN', 'en']).optional() });

/**
 * The meeting files: list, open, save as, save as template, new from a template. Host only. Every
 * meeting is always on disk, so there is no "save"; opening another closes this one as it is.
 * The switch happens once the answer has left (or the asker has gone: a frozen meeting must not
 * wait for a reply nobody reads), because it closes the very server answering.
 */
export function meetingsRoutes(app: FastifyInstance, engine: MeetingEngine, authorize: Authorize, files: MeetingFiles): void {
  const { library } = files;
  const switchAfterReply = (reply: FastifyReply, path: string, setup?: MeetingSetup) => reply.raw.once('close', () => files.switchTo(path, setup));

  app.get('/api/v1/meetings', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return { current: basename(engine.file), ...(await library.list()) };
  });

  app.post('/api/v1/meetings/open', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return respond(reply, OpenSchema, req.body, async ({ file }) => {
      const path = library.meetingPath(file);
      await library.checkOpenable(path);
      if (path !== engine.file) switchAfterReply(reply, path);
      return { ok: true, file };
    });
  });

  app.post('/api/v1/meetings/save-as', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return respond(reply, NameSchema, req.body, async ({ name }) => {
      // Nothing may be acknowledged into the old file once the copy is taken: it would miss the copy.
      await engine.freeze('the meeting is being saved under a new name');
      try {
        const path = await library.copyMeeting(engine.file, name);
        switchAfterReply(reply, path);
        return { ok: true, file: basename(path) };
      } catch (err) {
        engine.thaw();
        throw err;
      }
    });
  });

  app.post('/api/v1/meetings/template', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return respond(reply, NameSchema, req.body, async ({ name }) => ({ ok: true, file: await library.saveTemplate(templateOf(engine.current()), name) }));
  });

  app.post('/api/v1/meetings/new', async (req, reply) => {
    if (!authorize(req, reply, ['host'])) return reply;
    return respond(reply, NewSchema, req.body, async ({ name, template, language }) => {
      const setup = template ? (await library.readTemplate(template)).setup : templateOf(engine.current());
      const path = await library.newMeetingPath(name);
      // Written out in full, so the new meeting's log holds its names whatever the defaults become.
      const scoring = language ? namedIn(setup.scoring ?? defaultScoring(language), language) : setup.scoring;
      switchAfterReply(reply, path, { ...setup, title: name, ...(scoring ? { scoring } : {}) });
      return { ok: true, file: basename(path) };
    });
  });
}

async function respond<T>(reply: FastifyReply, schema: z.ZodType<T>, body: unknown, run: (input: T) => Promise<object>): Promise<unknown> {
  const input = schema.safeParse(body);
  if (!input.success) return reply.code(400).send({ error: 'invalid', message: describeIssue(input.error) });
  try {
    return await run(input.data);
  } catch (err) {
    if (err instanceof LibraryError) return reply.code(err.status).send({ error: err.status === 404 ? 'not_found' : 'invalid', message: err.message });
    throw err;
  }
}
