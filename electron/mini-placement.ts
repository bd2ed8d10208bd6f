import type { DisplayLike, Rect } from './placement';

/**
 * Where the mini timer window opens. Pure, like placement.ts: the shell passes the screens as the
 * system reports them, the bounds remembered from last time and the control window's, so every
 * case (a monitor unplugged since, a remembered size now too big) is tested without a desktop.
 */

/** Big enough to read from the lectern, small enough to sit in a corner of the slides. */
export const MINI_SIZE = { width: 360, height: 200 } as const;
/** Below this the digits are no longer readable: the window cannot be made smaller. */
export const MINI_MIN = { width: 160, height: 90 } as const;
/** The default place keeps this far from the work area's edges (and the taskbar or dock beyond them). */
export const MINI_MARGIN = 24;
/**
 * How much of the window must lie on one screen's work area for remembered bounds to be kept: a
 * piece the person can see and grab to drag it back. Less than that (a monitor unplugged, the
 * window left on a screen that is gone) and it opens in its default place instead.
 */
const GRIP = { width: 80, height: 40 } as const;

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

const area = (r: { width: number; height: number }) => Math.max(0, r.width) * Math.max(0, r.height);

/** Whether enough of the window is on this screen to see it and drag it. */
export function reachableOn(win: Rect, display: DisplayLike): boolean {
  const o = overlap(win, display.workArea);
  return o.width >= Math.min(GRIP.width, win.width) && o.height >= Math.min(GRIP.height, win.height);
}

/** The screen that holds most of a window (the control window's, to put the timer beside the host). */
export function displayHolding(displays: readonly DisplayLike[], win: Rect): DisplayLike | undefined {
  let best: DisplayLike | undefined;
  for (const d of displays) if (area(overlap(win, d.bounds)) > 0 && (!best || area(overlap(win, d.bounds)) > area(overlap(win, best.bounds)))) best = d;
  return best;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The remembered bounds when the window would still be seen there; else the remembered size (or
 * the default one), fitted to the screen, in the bottom-right corner of the control window's
 * screen, or of the primary screen when the control window is on none.
 */
export function placeMini(displays: readonly DisplayLike[], primaryId: number, remembered: Rect | null, control: Rect | null): Rect {
  if (remembered && remembered.width >= MINI_MIN.width && remembered.height >= MINI_MIN.height && displays.some((d) => reachableOn(remembered, d))) return remembered;
  const display = (control && displayHolding(displays, control)) ?? displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!display) throw new Error('no display is connected');
  const wa = display.workArea;
  const width = clamp(remembered?.width ?? MINI_SIZE.width, MINI_MIN.width, Math.max(MINI_MIN.width, wa.width - 2 * MINI_MARGIN));
  const height = clamp(remembered?.height ?? MINI_SIZE.height, MINI_MIN.height, Math.max(MINI_MIN.height, wa.height - 2 * MINI_MARGIN));
  return { x: wa.x + wa.width - MINI_MARGIN - width, y: wa.y + wa.height - MINI_MARGIN - height, width, height };
}
