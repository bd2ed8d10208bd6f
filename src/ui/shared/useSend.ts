import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
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
