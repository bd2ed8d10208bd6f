import { z } from 'zod';
import { BallotInputSchema } from '../../core/ballots';
import { IdSchema } from '../../core/ids';
import type { ErrorCode } from '../../core/protocol';

/**
 * Ballots a reviewer has pressed "submit" on but the host has not acknowledged yet. They live in
 * the phone's storage, so a phone that sleeps, drops off the Wi-Fi or reloads the page still
 * sends them once the host is back. Each keeps its submission id: a resend after a lost ack is
 * recognised by the host and counted once.
 */
export const PendingBallotSchema = z.object({ slotId: IdSchema, submissionId: z.string().min(8).max(64), ...BallotInputSchema.shape });
export type PendingBallot = z.infer<typeof PendingBallotSchema>;

const PendingListSchema = z.array(PendingBallotSchema);

/** Random enough to be unique across phones; crypto.randomUUID needs a secure context, LAN pages are plain http. */
export function newSubmissionId(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What the phone does with a ballot the host did not take: keep it and send it again (when the
 * link is back, or after the host's wait), or drop it and show why (a locked slot will stay locked).
 */
export function afterRefusal(code: ErrorCode, retryInMs: number | undefined): { keep: true; retryInMs: number | null } | { keep: false } {
  if (code === 'unavailable') return { keep: true, retryInMs: null };
  if (code === 'rate_limited') return { keep: true, retryInMs: Math.max(1000, retryInMs ?? 10_000) };
  return { keep: false };
}

export class Outbox {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    private readonly key: string,
  ) {}

  /** What is waiting to be sent; anything unreadable in storage is dropped rather than sent. */
  pending(): PendingBallot[] {
    try {
      const parsed = PendingListSchema.safeParse(JSON.parse(this.storage.getItem(this.key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  /** A newer ballot for the same slot replaces an unsent older one: only the last word counts. */
  put(ballot: PendingBallot): void {
    this.write([...this.pending().filter((b) => b.slotId !== ballot.slotId), ballot]);
  }

  /** Taken off once the host acknowledged it, or refused it for good (a locked slot). */
  remove(submissionId: string): void {
    this.write(this.pending().filter((b) => b.submissionId !== submissionId));
  }

  private write(list: PendingBallot[]): void {
    this.storage.setItem(this.key, JSON.stringify(list));
  }
}
