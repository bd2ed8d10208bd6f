import { useCallback } from 'react';
import type { HostAction } from '../../core/actions';
import { useView } from '../app/context';
import { useSend } from '../shared/useSend';

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
