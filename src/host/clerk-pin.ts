import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, len: number) => Promise<Buffer>;

export const PinRecordSchema = z.object({ salt: z.string(), hash: z.string() });
export type PinRecord = z.infer<typeof PinRecordSchema>;

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

export const MAX_TRIES = 5;
export const LOCKOUT_MS = 60_000;

export type PinCheck = { ok: true } | { ok: false; reason: 'wrong'; triesLeft: number } | { ok: false; reason: 'locked'; retryInMs: number };

/**
 * The clerk's PIN guards the only view with individual ballots. It is chosen by the clerk on first
 * use (on this machine), kept only as a salted scrypt hash, and five wrong tries lock it for a minute.
 */
export class ClerkPin {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private record: PinRecord | null,
    private readonly save: (record: PinRecord) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  get isSet(): boolean {
    return this.record !== null;
  }

  async choose(pin: string): Promise<void> {
    if (this.record) throw new Error('the clerk PIN is already set');
    const salt = randomBytes(16);
    this.record = { salt: salt.toString('base64'), hash: (await scryptAsync(pin, salt, 32)).toString('base64') };
    await this.save(this.record);
  }

  async check(pin: string): Promise<PinCheck> {
    const wait = this.lockedUntil - this.now();
    if (wait > 0) return { ok: false, reason: 'locked', retryInMs: wait };
    if (!this.record) return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES };
    const hash = await scryptAsync(pin, Buffer.from(this.record.salt, 'base64'), 32);
    if (timingSafeEqual(hash, Buffer.from(this.record.hash, 'base64'))) {
      this.failures = 0;
      return { ok: true };
    }
    this.failures += 1;
    if (this.failures >= MAX_TRIES) {
      this.failures = 0;
      this.lockedUntil = this.now() + LOCKOUT_MS;
      return { ok: false, reason: 'locked', retryInMs: LOCKOUT_MS };
    }
    return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - this.failures };
  }
}
