import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Audience } from '../core/views';
import { ClerkPin, PinRecordSchema } from './clerk-pin';

const TokensSchema = z.object({
  host: z.string().min(32),
  display: z.string().min(32),
  clerk: z.string().min(32),
  reviewers: z.record(z.string(), z.string().min(16)),
  clerkPin: PinRecordSchema.nullable().default(null),
});
type TokenFile = z.infer<typeof TokensSchema>;

const newToken = (bytes = 24): string => randomBytes(bytes).toString('base64url');

/** Constant-time comparison, so a wrong guess learns nothing from how long the refusal took. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The unguessable keys of every role. They live beside the meeting file (owner-readable only), not
 * inside it: the meeting may be copied as a template, the keys must not travel with it. They
 * survive a restart so open screens and phones reconnect on their own.
 */
export class TokenStore {
  private constructor(
    private readonly file: string,
    private data: TokenFile,
  ) {}

  static async open(meetingFile: string): Promise<TokenStore> {
    const file = `${meetingFile}.tokens.json`;
    try {
      const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      // Files written before the clerk and reviewers existed gain their keys here.
      const upgraded = { clerk: newToken(), reviewers: {}, ...raw };
      const store = new TokenStore(file, TokensSchema.parse(upgraded));
      await store.save();
      return store;
    } catch {
      const store = new TokenStore(file, { host: newToken(), display: newToken(), clerk: newToken(), reviewers: {}, clerkPin: null });
      await store.save();
      return store;
    }
  }

  get host(): string {
    return this.data.host;
  }
  get display(): string {
    return this.data.display;
  }
  get clerk(): string {
    return this.data.clerk;
  }

  /** The clerk's PIN, saved with the keys: it guards the clerk's key on this machine. */
  clerkPin(now?: () => number): ClerkPin {
    return new ClerkPin(
      this.data.clerkPin,
      async (record) => {
        this.data = { ...this.data, clerkPin: record };
        await this.save();
      },
      now,
    );
  }

  reviewerToken(reviewerId: string): string | undefined {
    return this.data.reviewers[reviewerId];
  }

  /** Gives every reviewer on the roster a key (shorter: it travels in a QR code and may be typed). */
  async ensureReviewers(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.data.reviewers[id]);
    if (missing.length === 0) return;
    this.data = { ...this.data, reviewers: { ...this.data.reviewers, ...Object.fromEntries(missing.map((id) => [id, newToken(12)])) } };
    await this.save();
  }

  identify(presented: string | null | undefined): Audience | null {
    if (!presented) return null;
    if (same(this.data.host, presented)) return { role: 'host' };
    if (same(this.data.clerk, presented)) return { role: 'clerk' };
    if (same(this.data.display, presented)) return { role: 'display' };
    for (const [reviewerId, token] of Object.entries(this.data.reviewers)) if (same(token, presented)) return { role: 'reviewer', reviewerId };
    return null;
  }

  private async save(): Promise<void> {
    await writeFile(this.file, JSON.stringify(this.data, null, 2) + '\n', { mode: 0o600 });
  }
}
