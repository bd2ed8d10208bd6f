import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_OSC_PORT, OscPortSchema } from '../core/integration';
import { isShortCode, makeCode, normalizeCode } from '../core/reviewer-code';
import type { Caller } from './roles';
import { OWNER_ONLY, writeFileAtomic } from './atomic-file';
import { ClerkPin, freshGuard, PinGuardSchema, PinRecordSchema } from './clerk-pin';
import { dictOf, own } from '../core/dict';
import { derived } from '../core/derived';

const KeysSchema = z.object({
  host: z.string().min(32),
  display: z.string().min(32),
  clerk: z.string().min(32),
  clerkPin: PinRecordSchema.nullable().default(null),
  /** Wrong PINs and lockouts: kept with the PIN so a restart or a switch of meeting keeps a lock. */
  clerkPinGuard: PinGuardSchema.default(freshGuard),
  /** The control surfaces' key (null until the host makes one, and again once revoked) and their OSC port. */
  integration: z.object({ key: z.string().min(32).nullable(), oscPort: OscPortSchema }).default(() => ({ key: null, oscPort: DEFAULT_OSC_PORT })),
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

/**
 * A key as the reviewers' index holds it. Looked up by its digest, a guess learns nothing from
 * how far the lookup went; and a phone's key is found in one lookup, not by comparing it with
 * every reviewer's (a hall of 500 phones reconnecting at once, each compared 500 times over).
 */
const digest = (key: string): string => createHash('sha256').update(key).digest('base64');

/** Every reviewer by the digest of their key, and the short codes among them: made once per set of keys. */
const reviewerIndex = derived((reviewers: Record<string, string>) => {
  const exact = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const [reviewerId, token] of Object.entries(reviewers)) {
    exact.set(digest(token), reviewerId);
    if (isShortCode(token)) codes.set(digest(token), reviewerId);
  }
  return { exact, codes };
});

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
    /** Replaced, never changed in place: the index of it (reviewerIndex) is kept by identity. */
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
      keys.success ? keys.data : { host: newToken(), display: newToken(), clerk: newToken(), clerkPin: null, clerkPinGuard: freshGuard(), integration: { key: null, oscPort: DEFAULT_OSC_PORT } },
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

  /** The integration key, or null when there is none. */
  get integration(): string | null {
    return this.keys.integration.key;
  }
  get oscPort(): number {
    return this.keys.integration.oscPort;
  }

  /** A new integration key; any older one stops working with this call, before the write. */
  async createIntegration(): Promise<string> {
    const key = newToken(32);
    this.keys = { ...this.keys, integration: { ...this.keys.integration, key } };
    await this.saveKeys();
    return key;
  }

  /** Revoked: from this call on the old key is no one's, on every route and on OSC. */
  async revokeIntegration(): Promise<void> {
    this.keys = { ...this.keys, integration: { ...this.keys.integration, key: null } };
    await this.saveKeys();
  }

  async setOscPort(oscPort: number): Promise<void> {
    this.keys = { ...this.keys, integration: { ...this.keys.integration, oscPort } };
    await this.saveKeys();
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

  identify(presented: string | null | undefined): Caller | null {
    if (!presented) return null;
    if (same(this.keys.host, presented)) return { role: 'host' };
    if (same(this.keys.clerk, presented)) return { role: 'clerk' };
    if (same(this.keys.display, presented)) return { role: 'display' };
    const integration = this.keys.integration.key;
    if (integration !== null && same(integration, presented)) return { role: 'integration' };
    // A short code counts however it was typed (case, dash, spaces); an older long key only exactly.
    const index = reviewerIndex(this.reviewers);
    const reviewerId = index.exact.get(digest(presented)) ?? index.codes.get(digest(normalizeCode(presented)));
    return reviewerId === undefined ? null : { role: 'reviewer', reviewerId };
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
