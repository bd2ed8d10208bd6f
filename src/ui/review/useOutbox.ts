import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HostError } from '../connection/client';
import { useConnection, useView } from '../app/context';
import { afterRefusal, Outbox } from './outbox';
import type { PendingBallot } from './outbox';

export interface OutboxApi {
  /** Ballots waiting for the host, by slot. */
  pending: Record<string, PendingBallot>;
  /** Refusals from the host, by slot (e.g. the slot was locked while the phone was offline). */
  refused: Record<string, string>;
  /** Ballots the host asked to wait for (changed too often), by slot: in how many seconds they are sent again. */
  paced: Record<string, number>;
  submit(ballot: PendingBallot): void;
}

/**
 * Submitting goes through the phone's outbox: stored first, then sent, and taken off only when the
 * host acknowledged or refused it for good. Everything still waiting is sent again whenever the
 * link comes back; a ballot the host asked to wait for is sent again by itself when the wait is over.
 */
export function useOutbox(storageKey: string): OutboxApi {
  const connection = useConnection();
  const link = useView((s) => s.link);
  const box = useMemo(() => new Outbox(localStorage, storageKey), [storageKey]);
  const [pending, setPending] = useState(() => box.pending());
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [paced, setPaced] = useState<Record<string, number>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const send = useCallback(
    async (ballot: PendingBallot): Promise<void> => {
      clearTimeout(timers.current.get(ballot.slotId));
      setPaced(({ [ballot.slotId]: _gone, ...rest }) => rest);
      try {
        await connection.send({ type: 'ballot.submit', ...ballot });
        box.remove(ballot.submissionId);
      } catch (err) {
        const then = err instanceof HostError ? afterRefusal(err.code, err.retryInMs) : { keep: false as const };
        if (!then.keep) {
          box.remove(ballot.submissionId);
          setRefused((r) => ({ ...r, [ballot.slotId]: (err as Error).message }));
        } else if (then.retryInMs !== null) {
          const wait = then.retryInMs;
          // Sent again once the wait is over, unless a newer ballot for the slot replaced it.
          const again = () => box.pending().some((b) => b.submissionId === ballot.submissionId) && void send(ballot);
          timers.current.set(ballot.slotId, setTimeout(again, wait));
          setPaced((p) => ({ ...p, [ballot.slotId]: Math.ceil(wait / 1000) }));
        }
      } finally {
        setPending(box.pending());
      }
    },
    [box, connection],
  );

  useEffect(() => {
    if (link === 'online') box.pending().forEach((b) => void send(b));
  }, [link, box, send]);

  useEffect(() => {
    const running = timers.current;
    return () => running.forEach((t) => clearTimeout(t));
  }, []);

  const submit = useCallback(
    (ballot: PendingBallot) => {
      box.put(ballot);
      setPending(box.pending());
      setRefused(({ [ballot.slotId]: _gone, ...rest }) => rest);
      if (link === 'online') void send(ballot);
    },
    [box, link, send],
  );

  return { pending: Object.fromEntries(pending.map((b) => [b.slotId, b])), refused, paced, submit };
}
