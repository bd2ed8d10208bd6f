import { useCallback, useEffect, useMemo, useState } from 'react';
import { HostError } from '../connection/client';
import { useConnection, useView } from '../app/context';
import { Outbox } from './outbox';
import type { PendingBallot } from './outbox';

export interface OutboxApi {
  /** Ballots waiting for the host, by slot. */
  pending: Record<string, PendingBallot>;
  /** Refusals from the host, by slot (e.g. the slot was locked while the phone was offline). */
  refused: Record<string, string>;
  submit(ballot: PendingBallot): void;
}

/**
 * Submitting goes through the phone's outbox: stored first, then sent, and taken off only when the
 * host acknowledged or refused it. Everything still waiting is sent again whenever the link comes back.
 */
export function useOutbox(storageKey: string): OutboxApi {
  const connection = useConnection();
  const link = useView((s) => s.link);
  const box = useMemo(() => new Outbox(localStorage, storageKey), [storageKey]);
  const [pending, setPending] = useState(() => box.pending());
  const [refused, setRefused] = useState<Record<string, string>>({});

  const send = useCallback(
    async (ballot: PendingBallot) => {
      try {
        await connection.send({ type: 'ballot.submit', ...ballot });
        box.remove(ballot.submissionId);
      } catch (err) {
        // Offline or the host went away mid-request: it stays in the outbox for the next attempt.
        if (err instanceof HostError && err.code === 'unavailable') return;
        box.remove(ballot.submissionId);
        setRefused((r) => ({ ...r, [ballot.slotId]: (err as Error).message }));
      } finally {
        setPending(box.pending());
      }
    },
    [box, connection],
  );

  useEffect(() => {
    if (link === 'online') box.pending().forEach((b) => void send(b));
  }, [link, box, send]);

  const submit = useCallback(
    (ballot: PendingBallot) => {
      box.put(ballot);
      setPending(box.pending());
      setRefused(({ [ballot.slotId]: _gone, ...rest }) => rest);
      if (link === 'online') void send(ballot);
    },
    [box, link, send],
  );

  return { pending: Object.fromEntries(pending.map((b) => [b.slotId, b])), refused, submit };
}
