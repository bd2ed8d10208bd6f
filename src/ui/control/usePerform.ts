import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostAction } from '../../core/actions';
import type { Command } from '../../core/commands';
import { HostError } from '../connection/client';
import { useConnection, useView } from '../app/context';

/** Sends a command and turns a refusal into a notice in the host's language. */
export function useSend(): (command: Command) => Promise<boolean> {
  const connection = useConnection();
  const notify = useView((s) => s.notify);
  const { t } = useTranslation();
  return useCallback(
    async (command: Command) => {
      try {
        await connection.send(command);
        return true;
      } catch (err) {
        const code = err instanceof HostError ? err.code : 'unavailable';
        notify(`${t(`errors.${code}`)}: ${(err as Error).message}`);
        return false;
      }
    },
    [connection, notify, t],
  );
}

/** Performs a host action on the current meeting state, if it is allowed right now. */
export function usePerform(target: string | null): (action: HostAction) => void {
  const meeting = useView((s) => s.meeting);
  const send = useSend();
  return useCallback(
    (action: HostAction) => {
      if (meeting === null) return;
      if (action.allowed(meeting, target)) void send(action.command(meeting, target));
    },
    [meeting, send, target],
  );
}
