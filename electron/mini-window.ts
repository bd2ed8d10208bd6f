import { MINI_MIN, placeMini } from './mini-placement';
import type { DisplayLike, Rect } from './placement';
import type { AlwaysOnTop, Platform, WindowSpec } from './platform';
import { secureWebPreferences } from './security';

/**
 * Above a full-screen PowerPoint or WPS slideshow on the lectern laptop, on every desktop: the
 * highest level there is, so the speaker sees the time over their own slides.
 */
export const MINI_ON_TOP: AlwaysOnTop = { level: 'screen-saver', visibleOnAllWorkspaces: true, visibleOnFullScreen: true };

/** The mini timer window: where the person left it (placeMini), above everything, never throttled. */
export function miniWindowSpec(displays: readonly DisplayLike[], primaryId: number, remembered: Rect | null, control: Rect | null, preload: string): WindowSpec {
  return {
    title: 'Rostrum 讲台 — mini',
    ...placeMini(displays, primaryId, remembered, control),
    minWidth: MINI_MIN.width,
    minHeight: MINI_MIN.height,
    alwaysOnTop: MINI_ON_TOP,
    autoHideMenuBar: true,
    // It keeps counting when it is not focused (the slideshow has the focus).
    webPreferences: secureWebPreferences(preload, { background: false }),
  };
}

/** How long a window must rest before its bounds are written: a drag reports every pixel on the way. */
export const SAVE_BOUNDS_AFTER_MS = 500;

/**
 * A window's bounds kept as the person moves it: written once the window rests, and at once
 * when it closes or the app quits, never once per pixel of a drag.
 */
export class BoundsMemory {
  private pending: Rect | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly later: Platform['later'],
    private readonly save: (bounds: Rect) => void,
  ) {}

  moved(bounds: Rect): void {
    this.pending = bounds;
    this.cancel?.();
    this.cancel = this.later(SAVE_BOUNDS_AFTER_MS, () => this.flush());
  }

  /** Writes what is not written yet, now. */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    const bounds = this.pending;
    this.pending = null;
    if (bounds) this.save(bounds);
  }
}
