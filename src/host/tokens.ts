import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isShortCode, makeCode, normalizeCode } from '../core/reviewer-code';
import type { Audience } from '../core/views';
import { OWNER_ONLY, writeFileAtomic } from './atomic-file';
import { ClerkPin, freshGuard, PinGuardSchema, PinRecordSchema } from './clerk-pin';
import { dictOf, own } from '../core/dict';

const KeysSchema = z.object({
  host: z.string().min(32),
  display: z.string().min(32),
  clerk: z.string().min(32),
  clerkPin: PinRecordSchema.nullable().default(null),
  /** Wrong PINs and lockouts: kept with the PIN so a restart or a switch of meeting keeps a lock. */
  clerkPinGuard: PinGuardSchema.default(freshGuard),
});
type Keys = z.infer<typeof KeysSchema>;
const ReviewerKeysSchema = z.object({ reviewers: dictOf(z.string().min(8)).default({}) });

const newToken = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/** Constant-time comparison, so a wrong guess learns nothing from how long the refusal took. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The file of the keys of this machine's host, display and clerk, in the meetings folder. */
export const keysFile = (meetingFile: string): string => join(dirname(meetingFile), 'rostrum.keys.json');
/** The file of one meeting's reviewer keys, beside the meeting. */
export const reviewerKeysFile = (meetingFile: string): string => `${meetingFile}.tokens.json`;

/**
 * The unguessable keys of every role, kept beside the meetings (owner-readable only), never
 * inside a meeting: a meeting may be copied as a template, keys must not travel with it.
 * The host's, display's and clerk's keys (and the clerk's PIN) belong to the meetings folder, so
 * the open screens stay connected when the host opens another meeting; a reviewer's key belongs
 * to one meeting. All survive a restart so screens and phones reconnect on their own.
 */
export class TokenStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    /** null: the meeting is read-only, and the keys of this run are kept in memory only. */
    private readonly files: { keys: string; reviewers: string } | null,
    private keys: Keys,
    private reviewers: Record<string, string>,
  ) {}

  static async open(meetingFile: string, { persist = true } = {}): Promise<TokenStore> {
    const files = { keys: keysFile(meetingFile), reviewers: reviewerKeysFile(meetingFile) };
    const saved = await readJson(files.reviewers);
    const stored = KeysSchema.safeParse((await readJson(files.keys)) ?? {});
    // Before the keys moved to the folder they lived in the meeting's own file: adopt them once.
    const keys = stored.success ? stored : KeysSchema.safeParse(saved ?? {});
    const reviewers = ReviewerKeysSchema.safeParse(saved ?? {});
    const store = new TokenStore(
      persist ? files : null,
      keys.success ? keys.data : { host: newToken(), display: newToken(), clerk: newToken(), clerkPin: null, clerkPinGuard: freshGuard() },
      reviewers.success ? reviewers.data.reviewers : {},
    );
    // Written only when new or in the old layout: a start rewrites nothing it need not.
    if (!stored.success) await store.saveKeys();
    if (saved === null || !reviewers.success || 'host' in saved) await store.saveReviewers();
    return store;
  }

  get host(): string {
    return this.keys.host;
  }
  get display(): string {
    return this.keys.display;
  }
  get clerk(): string {
    return this.keys.clerk;
  }

  /** The clerk's PIN and its wrong tries, saved with the keys: it guards the clerk's key on this machine. */
  clerkPin(now?: () => number): ClerkPin {
    return new ClerkPin(
      this.keys.clerkPin,
      this.keys.clerkPinGuard,
      async (record, guard) => {
        this.keys = { ...this.keys, clerkPin: record, clerkPinGuard: guard };
        await this.saveKeys();
      },
      now,
    );
  }

  reviewerToken(reviewerId: string): string | undefined {
    return own(this.reviewers, reviewerId);
  }

  /** Gives every reviewer on the roster a key: a short code (reviewer-code.ts), printed on a card and typed on a phone. */
  async ensureReviewers(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !own(this.reviewers, id));
    if (missing.length === 0) return;
    this.reviewers = { ...this.reviewers, ...Object.fromEntries(missing.map((id) => [id, makeCode(randomInt)])) };
    await this.saveReviewers();
  }

  identify(presented: string | null | undefined): Audience | null {
    if (!presented) return null;
    if (same(this.keys.host, presented)) return { role: 'host' };
    if (same(this.keys.clerk, presented)) return { role: 'clerk' };
    if (same(this.keys.display, presented)) return { role: 'display' };
    // A short code counts however it was typed (case, dash, spaces); an older long key only exactly.
    const typed = normalizeCode(presented);
    for (const [reviewerId, token] of Object.entries(this.reviewers)) {
      if (same(token, presented) || (isShortCode(token) && same(token, typed))) return { role: 'reviewer', reviewerId };
    }
    return null;
  }

  private saveKeys(): Promise<void> {
    const file = this.files?.keys;
    return file ? this.queueWrite(() => writeFileAtomic(file, JSON.stringify(this.keys, null, 2) + '\n', OWNER_ONLY)) : Promise.resolve();
  }

  private saveReviewers(): Promise<void> {
    const file = this.files?.reviewers;
    return file ? this.queueWrite(() => writeFileAtomic(file, JSON.stringify({ reviewers: this.reviewers }, null, 2) + '\n', OWNER_ONLY)) : Promise.resolve();
  }

  /** One write at a time, each of the keys as they are when it starts: the last write on disk is the newest. */
  private queueWrite(write: () => Promise<void>): Promise<void> {
    const next = this.writing.then(write);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
