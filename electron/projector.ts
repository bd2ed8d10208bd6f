import type { ShellNotice } from '../src/core/shell-api';
import { placeProjector } from './placement';
import type { DisplayLike, Placement, RememberedDisplay } from './placement';
import type { AppWindow, Screens } from './platform';

/**
 * The set of screens as far as the projector cares: which ones, where, how big. Systems report
 * "display-metrics-changed" for many things that change none of this (a scale factor, a work area
 * when the taskbar moves); only a real change may move the projector or touch its fullscreen.
 */
export const screensKey = (displays: readonly DisplayLike[]): string =>
  displays
    .map((d) => `${d.id}@${d.bounds.x},${d.bounds.y},${d.bounds.width}x${d.bounds.height}`)
    .sort()
    .join('|');

export const screenName = (d: DisplayLike): string => d.label || `${d.bounds.width}×${d.bounds.height}`;

export interface Replan {
  placement: Placement;
  key: string;
  /** What to tell the host, when the projector changed screens by itself. */
  notice: ShellNotice | null;
}

/**
 * What to do after the screens changed (or the host chose one): null when nothing changed for the
 * projector, so it is left exactly as it is (no fullscreen off-and-on, no flicker in the hall).
 */
export function replan(before: { key: string; displayId: number } | null, screens: Screens, remembered: RememberedDisplay | null, chosen = false): Replan | null {
  const key = screensKey(screens.displays);
  if (before && !chosen && key === before.key) return null;
  const placement = placeProjector(screens.displays, screens.primaryId, remembered);
  const lost = before !== null && !screens.displays.some((d) => d.id === before.displayId);
  const gained = before !== null && !lost && placement.displayId !== before.displayId;
  const target = screens.displays.find((d) => d.id === placement.displayId);
  const notice: ShellNotice | null = !chosen && target && (lost || gained) ? { type: 'projector-moved', reason: lost ? 'unplugged' : 'plugged', screen: screenName(target) } : null;
  return { placement, key, notice };
}

/**
 * Puts the window where the plan says. Fullscreen is left first only when the window really moves
 * (a fullscreen window ignores new bounds), and entered again only where the plan wants it.
 */
export function applyPlacement(win: AppWindow, placement: Placement): void {
  const b = win.getBounds();
  const p = placement.bounds;
  const same = b.x === p.x && b.y === p.y && b.width === p.width && b.height === p.height;
  if (same && win.isFullScreen() === placement.fullscreen) return;
  if (win.isFullScreen() && (!same || !placement.fullscreen)) win.setFullScreen(false);
  if (!same) win.setBounds(p);
  if (placement.fullscreen && !win.isFullScreen()) win.setFullScreen(true);
}
