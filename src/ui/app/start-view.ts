import { createChimes } from '../audio/chimes';
import { connect } from '../connection/client';
import type { ViewKind } from '../connection/client';
import { phoneKey } from '../review/phone-key';
import type { ViewContextValue } from './context';
import { createViewStore } from './view-store';

/**
 * Wires one page: its store, its connection to the host and, unless it is the control view's
 * silent preview, its chimes. Once per page load, outside React, so nothing reconnects on a re-render.
 */
export function startView(view: ViewKind, token: string, preview: boolean): ViewContextValue {
  const store = createViewStore();
  const chimes = preview ? null : createChimes();
  const connection = connect(
    token,
    view,
    {
      status: (s) => store.getState().setLink(s),
      welcome: (role, meeting, displayUrl, readOnly) => store.getState().welcome(role, meeting, displayUrl, readOnly),
      state: (meeting) => store.getState().update(meeting),
      cue: (sound, volume) => chimes?.play(sound, volume),
    },
    window.location,
    view === 'review' ? phoneKey(localStorage) : null,
  );
  // Browsers keep audio locked until the first gesture on the page; any click or key unlocks it.
  const unlock = () => chimes?.unlock();
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
  return { store, connection };
}
