import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

const scryptAsync = promisify(scrypt) as (pin: string, salt: Buffer, len: number) => Promise<Buffer>;

export const PinRecordSchema = z.object({ salt: z.string(), hash: z.string() });
export type PinRecord = z.infer<typeof PinRecordSchema>;

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

export const MAX_TRIES = 5;
export const LOCKOUT_MS = 60_000;
/** However many lockouts, one never lasts more than a day. */
export const MAX_LOCKOUT_MS = 24 * 60 * 60_000;

/**
 * Wrong tries and lockouts, saved with the keys so that a restart or a switch of meeting does
 * not wipe them. `lockedUntil` is wall-clock time (ms since 1970): it must mean the same instant
 * after a restart, which a monotonic clock does not.
 */
export const PinGuardSchema = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  lockedUntil: z.number(),
});
export type PinGuard = z.infer<typeof PinGuardSchema>;
export const freshGuard = (): PinGuard => ({ failures: 0, lockouts: 0, lockedUntil: 0 });

export type PinCheck = { ok: true } | { ok: false; reason: 'wrong'; triesLeft: number } | { ok: false; reason: 'locked'; retryInMs: number };

/**
 * The clerk's PIN guards the only view with individual ballots. It is chosen by the clerk on first
 * use (on this machine), kept only as a salted scrypt hash. Five wrong tries lock it for a minute,
 * each later lockout twice as long as the one before, until the right PIN is given.
 *
 * Every choice and every try runs one at a time, and a try is counted and saved before it is
 * answered: three hundred guesses sent at once are judged in turn, so the sixth finds the lock.
 */
export class ClerkPin {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private record: PinRecord | null,
    private guard: PinGuard,
    private readonly save: (record: PinRecord | null, guard: PinGuard) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  get isSet(): boolean {
    return this.record !== null;
  }

  /** Sets the PIN if none is set yet; false when one already is (the first of two at once wins). */
  choose(pin: string): Promise<boolean> {
    return this.inTurn(async () => {
      if (this.record) return false;
      const salt = randomBytes(16);
      const record = { salt: salt.toString('base64'), hash: (await scryptAsync(pin, salt, 32)).toString('base64') };
      await this.save(record, this.guard);
      this.record = record;
      return true;
    });
  }

  check(pin: string): Promise<PinCheck> {
    return this.inTurn(async () => {
      const wait = this.guard.lockedUntil - this.now();
      if (wait > 0) return { ok: false, reason: 'locked', retryInMs: wait };
      if (!this.record) return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES };
      const hash = await scryptAsync(pin, Buffer.from(this.record.salt, 'base64'), 32);
      if (timingSafeEqual(hash, Buffer.from(this.record.hash, 'base64'))) {
        if (this.guard.failures > 0 || this.guard.lockouts > 0) await this.keep(freshGuard());
        return { ok: true };
      }
      const failures = this.guard.failures + 1;
      if (failures < MAX_TRIES) {
        await this.keep({ ...this.guard, failures });
        return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - failures };
      }
      const lockMs = Math.min(MAX_LOCKOUT_MS, LOCKOUT_MS * 2 ** this.guard.lockouts);
      await this.keep({ failures: 0, lockouts: this.guard.lockouts + 1, lockedUntil: this.now() + lockMs });
      return { ok: false, reason: 'locked', retryInMs: lockMs };
    });
  }

  /** Saved before it counts: a try the disk did not take is refused by the caller's error, never forgotten silently. */
  private async keep(guard: PinGuard): Promise<void> {
    await this.save(this.record, guard);
    this.guard = guard;
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }
}
