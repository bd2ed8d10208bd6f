import type { Id } from '../core/meeting';
import type { Presence, ScreenPresence } from '../core/presence';
import type { AudioOutput, MeetingState } from '../core/state';
import type { Audience } from '../core/views';

/** One open socket as presence sees it. */
export interface Seen {
  audience: Audience;
  /** Which hall screen this is, or null for phones, the clerk and the control view's silent preview. */
  screen: { kind: AudioOutput; id: string } | null;
  from: string;
  /** What the screen last said of its sound; null until it says. */
  audio: 'ready' | 'blocked' | null;
}

/** Offline screens kept in the list: enough for every screen of a hall, not a tab opened a hundred times. */
const OFFLINE_SCREENS_KEPT = 12;

/**
 * Who is connected, per screen and per reviewer's phone. A screen is one browser tab or window
 * (it keeps its id across reloads and reconnects); a phone is its reviewer, however many sockets.
 * Kept by the host in memory: it is about this session's devices, not the meeting.
 */
export class PresenceTracker {
  private readonly open = new Set<Seen>();
  /** Screens by `kind:id`: online while a socket of it is open, then offline since the last one closed. */
  private readonly screens = new Map<string, ScreenPresence>();
  private readonly phonesSeen = new Map<Id, number>();

  constructor(private readonly wall: () => number) {}

  connected(seen: Seen): void {
    this.open.add(seen);
    const now = this.wall();
    if (seen.audience.role === 'reviewer') this.phonesSeen.set(seen.audience.reviewerId, now);
    if (seen.screen) this.screens.set(key(seen.screen), { kind: seen.screen.kind, id: seen.screen.id, status: 'online', from: seen.from, since: now, audio: null });
  }

  disconnected(seen: Seen): void {
    if (!this.open.delete(seen)) return;
    const now = this.wall();
    if (seen.audience.role === 'reviewer') this.phonesSeen.set(seen.audience.reviewerId, now);
    if (seen.screen && !this.sockets(seen.screen).length) {
      const entry = this.screens.get(key(seen.screen));
      if (entry) this.screens.set(key(seen.screen), { ...entry, status: 'offline', since: now });
      this.forgetOldScreens();
    }
  }

  /** The list as the control view shows it, for the meeting as it stands (its roster, its outputs, mute). */
  snapshot(state: MeetingState): Presence {
    const onlinePhones = new Set([...this.open].flatMap((s) => (s.audience.role === 'reviewer' ? [s.audience.reviewerId] : [])));
    return {
      screens: [...this.screens.values()].map((entry) => ({ ...entry, audio: this.audioOf(entry, state) })),
      reviewers: state.scoring.reviewers.map((r) => {
        const since = this.phonesSeen.get(r.id) ?? null;
        return { reviewerId: r.id, status: onlinePhones.has(r.id) ? 'online' : since === null ? 'never' : 'offline', since };
      }),
    };
  }

  private audioOf(entry: ScreenPresence, state: MeetingState): ScreenPresence['audio'] {
    if (!state.audio.outputs.includes(entry.kind)) return null;
    if (state.audio.muted) return 'muted';
    const said = this.sockets(entry).map((s) => s.audio);
    if (said.includes('blocked')) return 'blocked';
    return said.includes('ready') ? 'ready' : 'unknown';
  }

  private sockets(screen: { kind: AudioOutput; id: string }): Seen[] {
    return [...this.open].filter((s) => s.screen !== null && key(s.screen) === key(screen));
  }

  private forgetOldScreens(): void {
    const offline = [...this.screens].filter(([, e]) => e.status === 'offline').sort(([, a], [, b]) => b.since - a.since);
    offline.slice(OFFLINE_SCREENS_KEPT).forEach(([k]) => this.screens.delete(k));
  }
}

const key = (screen: { kind: string; id: string }): string => `${screen.kind}:${screen.id}`;
