/**
 * Where the projector window goes. Pure: the shell passes what Electron's `screen` reports, so
 * every case (one screen, a projector plugged in mid-meeting, the remembered one unplugged) is
 * tested without a desktop.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  label?: string;
  bounds: Rect;
  workArea: Rect;
}

/** The host's choice, kept across restarts; bounds and label find the same screen if its id changed. */
export interface RememberedDisplay {
  id: number;
  label?: string;
  bounds: Rect;
}

export interface Placement {
  displayId: number;
  bounds: Rect;
  /** Fullscreen only away from the control window's screen, so the host never loses the controls. */
  fullscreen: boolean;
}

export const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** The remembered screen if it is plugged in, else the first screen that is not the primary one, else the primary. */
export function chooseDisplay(displays: readonly DisplayLike[], primaryId: number, remembered: RememberedDisplay | null): DisplayLike {
  const byId = remembered && displays.find((d) => d.id === remembered.id);
  const byLook =
    remembered && displays.find((d) => (remembered.label && d.label === remembered.label) || sameRect(d.bounds, remembered.bounds));
  const secondary = displays.find((d) => d.id !== primaryId);
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const chosen = byId ?? byLook ?? secondary ?? primary;
  if (!chosen) throw new Error('no display is connected');
  return chosen;
}

/** A window on the primary screen is a comfortable 16:9 preview, centred in its work area. */
export function placeProjector(displays: readonly DisplayLike[], primaryId: number, remembered: RememberedDisplay | null): Placement {
  const display = chooseDisplay(displays, primaryId, remembered);
  if (display.id !== primaryId) return { displayId: display.id, bounds: display.bounds, fullscreen: true };
  const area = display.workArea;
  const width = Math.min(1280, Math.round(area.width * 0.6));
  const height = Math.round((width * 9) / 16);
  return {
    displayId: display.id,
    bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height },
    fullscreen: false,
  };
}

export const rememberDisplay = (d: DisplayLike): RememberedDisplay => ({ id: d.id, bounds: d.bounds, ...(d.label ? { label: d.label } : {}) });
