import type { Chimes } from '../audio/chimes';
import { connect } from '../connection/client';
import type { ViewKind } from '../connection/client';
import { phoneKey } from '../review/phone-key';
import type { ViewContextValue } from './context';
import { createViewStore } from './view-store';

/** The views that may be chosen to ring (AudioOutput): they tell the host whether they can. */
const RINGS: ReadonlySet<ViewKind> = new Set<ViewKind>(['display', 'stage', 'control']);

/**
 * This tab's own id, kept across reloads (sessionStorage is per tab), so the host's list of who is
 * connected shows each screen once. Random bytes, not randomUUID: a LAN page is no secure context.
 */
function screenId(view: ViewKind): string {
  const fresh = () => Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    const key = `rostrum.screen.${view}`;
    const id = sessionStorage.getItem(key) ?? fresh();
    sessionStorage.setItem(key, id);
    return id;
  } catch {
    return fresh();
  }
}

/** Whether this page may be chosen to ring: not a phone, the clerk or a printout, nor the control view's silent preview. */
export const mayRing = (view: ViewKind, preview: boolean): boolean => !preview && RINGS.has(view);

/**
 * The chimes, for a page that may ring: the sound module (howler and the three cues, half a
 * phone's download) is fetched only by these pages. main.tsx awaits it before the view starts, so
 * the audio context is made while the page loads, as it was when the module was part of the entry.
 */
export async function loadChimes(): Promise<Chimes> {
  const { createChimes } = await import('../audio/chimes');
  return createChimes();
}

/**
 * Wires one page: its store, its connection to the host and, for a page that may ring (loaded
 * by `loadChimes`), its chimes. Once per page load, outside React, so nothing reconnects on a
 * re-render.
 */
export function startView(view: ViewKind, token: string, preview: boolean, chimes: Chimes | null = null): ViewContextValue {
  const store = createViewStore();
  const rings = chimes !== null && mayRing(view, preview);
  const connection = connect(
    token,
    view,
    {
      status: (s) => store.getState().setLink(s),
      welcome: (role, meeting, displayUrl, readOnly) => store.getState().welcome(role, meeting, displayUrl, readOnly),
      state: (meeting) => store.getState().update(meeting),
      cue: (sound, volume) => chimes?.play(sound, volume),
      presence: (presence) => store.setState({ presence }),
      network: (network) => store.setState({ network }),
      outputs: (outputResults) => store.setState({ outputResults }),
      // Same page, same key, the host's new port: the page reopens itself there.
      moved: (port) => {
        const url = new URL(window.location.href);
        url.port = String(port);
        window.location.replace(url);
      },
    },
    { preview, ...(mayRing(view, preview) ? { screen: screenId(view) } : {}), ...(view === 'review' ? { phone: phoneKey(localStorage) } : {}) },
  );
  // Browsers keep audio locked until the first gesture on the page; any click or key unlocks it.
  const unlock = () => chimes?.unlock();
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
  if (rings)
    chimes?.watch((sound) => {
      store.setState({ sound });
      connection.reportAudio(sound);
    });
  return { store, connection };
}
