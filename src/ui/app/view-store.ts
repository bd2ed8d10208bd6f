import { createStore } from 'zustand/vanilla';
import type { NetworkStatus } from '../../core/network';
import type { OutputResults } from '../../core/outputs';
import type { Presence } from '../../core/presence';
import type { ViewRole, ViewState } from '../../core/protocol';
import type { LinkStatus } from '../connection/client';

export interface Notice {
  id: number;
  text: string;
}

export interface ViewStoreState {
  link: LinkStatus;
  role: ViewRole | null;
  meeting: ViewState | null;
  displayUrl: string | null;
  /** Why the meeting cannot be changed (a damaged file opened read-only), or null. */
  readOnly: string | null;
  notices: Notice[];
  /** Who is connected and the network: the control view's alone (the host sends them to no one else). */
  presence: Presence | null;
  network: NetworkStatus | null;
  /** What came of each output's last send: the control view's alone. */
  outputResults: OutputResults;
  /** This screen's sound: null when it never rings (phones, the preview), else whether it can play now. */
  sound: 'ready' | 'blocked' | null;
  setLink(link: LinkStatus): void;
  welcome(role: ViewRole, meeting: ViewState, displayUrl: string | null, readOnly?: string | null): void;
  update(meeting: ViewState): void;
  notify(text: string): void;
  dismiss(id: number): void;
}

let noticeId = 0;

/**
 * One store per view, fed by the connection. Anything that changes every frame (the countdown
 * digits) is not in here: it is computed from the anchors on each frame.
 */
export const createViewStore = () =>
  createStore<ViewStoreState>()((set, get) => ({
    link: 'connecting',
    role: null,
    meeting: null,
    displayUrl: null,
    readOnly: null,
    notices: [],
    presence: null,
    network: null,
    outputResults: {},
    sound: null,
    setLink: (link) => set({ link }),
    welcome: (role, meeting, displayUrl, readOnly = null) => set({ role, meeting, displayUrl, readOnly, link: 'online' }),
    // A late state from before a reconnect must not roll the view back.
    update: (meeting) => {
      const current = get().meeting;
      if (current === null || meeting.seq >= current.seq) set({ meeting });
    },
    notify: (text) => set((s) => ({ notices: [...s.notices, { id: ++noticeId, text }].slice(-3) })),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }));

export type ViewStore = ReturnType<typeof createViewStore>;
