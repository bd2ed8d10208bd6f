import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { safeFileName } from '../core/file-name';
import { describeIssue } from '../core/issues';
import type { MeetingSetup } from '../core/meeting';
import type { MeetingEntry, MeetingListing, TemplateEntry } from '../core/meeting-files';
import { TemplateFileSchema, templateFile } from '../core/template';
import { writeFileAtomic } from './atomic-file';
import { readLogStart } from './event-log';
import { reviewerKeysFile } from './tokens';
import { isNotWritable } from './write-error';

export const MEETING_SUFFIX = '.rostrum.jsonl';
export const TEMPLATE_SUFFIX = '.rostrum-template.json';
const RECENT_FILE = 'recent.json';
const RECENT_MAX = 12;

/** A refusal a person can act on; `status` is the HTTP answer. */
export class LibraryError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const RecentSchema = z.array(z.object({ file: z.string(), title: z.string(), openedWall: z.number() }));
type Recent = z.infer<typeof RecentSchema>;

/**
 * The meetings folder: every meeting and template the host can open lives here, named by a file
 * name only, so no request can reach a file outside it. It remembers which meetings were opened
 * last (recent.json, written atomically).
 */
export class MeetingLibrary {
  constructor(readonly dir: string) {}

  static of(meetingFile: string): MeetingLibrary {
    return new MeetingLibrary(dirname(resolve(meetingFile)));
  }

  /** The meeting opened last in a folder, if it is still there: where the host starts by default. */
  static async lastOpened(dir: string): Promise<string | null> {
    const library = new MeetingLibrary(resolve(dir));
    for (const { file } of await library.recent()) {
      const path = join(library.dir, file);
      if (await exists(path)) return path;
    }
    return null;
  }

  /** Meetings, most recently opened first, then the rest by last change; templates by title. */
  async list(): Promise<Omit<MeetingListing, 'current'>> {
    const names = await readdir(this.dir);
    const recent = await this.recent();
    const meetings = await Promise.all(
      names
        .filter((n) => n.endsWith(MEETING_SUFFIX))
        .map(async (file): Promise<MeetingEntry> => {
          const seen = recent.find((r) => r.file === file);
          const { mtimeMs } = await stat(join(this.dir, file));
          return { file, title: seen?.title ?? (await createdTitle(join(this.dir, file))) ?? file, modifiedWall: Math.round(mtimeMs), openedWall: seen?.openedWall ?? null };
        }),
    );
    meetings.sort((a, b) => (b.openedWall ?? 0) - (a.openedWall ?? 0) || b.modifiedWall - a.modifiedWall);
    const templates = (
      await Promise.all(
        names
          .filter((n) => n.endsWith(TEMPLATE_SUFFIX))
          .map(async (file): Promise<TemplateEntry | null> => {
            try {
              const { setup } = await this.readTemplate(file);
              return { file, title: setup.title, slots: setup.slots.length, reviewers: setup.scoring?.reviewers.length ?? 0 };
            } catch {
              return null;
            }
          }),
      )
    ).filter((t): t is TemplateEntry => t !== null);
    templates.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
    return { meetings, templates };
  }

  /** The path of a meeting named in a request; only names of files in this folder are accepted. */
  meetingPath(file: string): string {
    if (file !== basename(file) || !file.endsWith(MEETING_SUFFIX)) throw new LibraryError(400, `file: "${file}" is not a meeting in the meetings folder`);
    return join(this.dir, file);
  }

  /** A free path for a new meeting named by a person (any characters; made safe for any file system). */
  async newMeetingPath(name: string): Promise<string> {
    return this.freePath(name, MEETING_SUFFIX);
  }

  /** Best effort: a folder that cannot be written (a meeting opened read-only) simply keeps its list. */
  async remember(meetingFile: string, title: string, wallNow: number): Promise<void> {
    const file = basename(meetingFile);
    const next: Recent = [{ file, title, openedWall: wallNow }, ...(await this.recent()).filter((r) => r.file !== file)].slice(0, RECENT_MAX);
    await writeFileAtomic(join(this.dir, RECENT_FILE), JSON.stringify(next, null, 2) + '\n').catch((err: unknown) => {
      if (!isNotWritable(err)) throw err;
    });
  }

  /**
   * Copies a meeting, every event of it, to a new file in the folder (reviewers' keys too, so the
   * cards already handed out still work in the copy). The caller stops writing to the source first.
   */
  async copyMeeting(source: string, name: string): Promise<string> {
    const target = await this.newMeetingPath(name);
    await writeFileAtomic(target, await readFile(source));
    // Written anew rather than copied: a copy would keep the mode of a file an earlier version left readable by all.
    const keys = await readFile(reviewerKeysFile(source)).catch(() => null);
    if (keys) await writeFileAtomic(reviewerKeysFile(target), keys);
    return target;
  }

  async saveTemplate(setup: MeetingSetup, name: string): Promise<string> {
    const path = await this.freePath(name, TEMPLATE_SUFFIX);
    await writeFileAtomic(path, JSON.stringify(templateFile(setup), null, 2) + '\n');
    return basename(path);
  }

  async readTemplate(file: string): Promise<z.infer<typeof TemplateFileSchema>> {
    if (file !== basename(file) || !file.endsWith(TEMPLATE_SUFFIX)) throw new LibraryError(400, `template: "${file}" is not a template in the meetings folder`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(this.dir, file), 'utf8'));
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new LibraryError(missing ? 404 : 400, missing ? `template: "${file}" does not exist` : `${file}: not valid JSON`);
    }
    const parsed = TemplateFileSchema.safeParse(raw);
    if (!parsed.success) throw new LibraryError(400, `${file}: ${describeIssue(parsed.error)}`);
    return parsed.data;
  }

  /**
   * Refuses a meeting file that cannot be opened at all, before the open meeting is closed for it.
   * Only the start is read: damage further on opens read-only, which the host then says.
   */
  async checkOpenable(path: string): Promise<void> {
    try {
      await readLogStart(path);
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new LibraryError(missing ? 404 : 400, missing ? `file: "${basename(path)}" does not exist` : (err as Error).message);
    }
  }

  private async freePath(name: string, suffix: string): Promise<string> {
    const bare = name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    const path = join(this.dir, safeFileName(bare, 'meeting') + suffix);
    if (await exists(path)) throw new LibraryError(409, `name: "${basename(path)}" already exists; choose another name`);
    return path;
  }

  private async recent(): Promise<Recent> {
    try {
      return RecentSchema.parse(JSON.parse(await readFile(join(this.dir, RECENT_FILE), 'utf8')));
    } catch {
      return [];
    }
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The title the meeting was created with, from its first event; null when it cannot be read. */
async function createdTitle(file: string): Promise<string | null> {
  const created = await readLogStart(file).catch(() => null);
  return created?.type === 'meeting.created' ? created.setup.title : null;
}
