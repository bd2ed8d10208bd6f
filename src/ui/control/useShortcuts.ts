import { useEffect } from 'react';
import { actionForKey } from '../../core/actions';
import type { HostAction } from '../../core/actions';
import type { ViewState } from '../../core/protocol';
import { isTypingTarget, pressOf } from './keys';

/**
 * The keyboard drives the same actions as the buttons. A handled key is swallowed, so Space on a
 * focused button does not also click it.
 */
export function useShortcuts(meeting: ViewState | null, target: string | null, perform: (a: HostAction) => void, onOther: (e: KeyboardEvent) => boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (meeting === null || isTypingTarget(e.target) || e.repeat) return;
      const action = actionForKey(meeting, target, pressOf(e));
      if (action) {
        e.preventDefault();
        perform(action);
      } else if (onOther(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [meeting, target, perform, onOther]);
}
