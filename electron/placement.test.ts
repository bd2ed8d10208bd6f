import { describe, expect, it } from 'vitest';
import { placeProjector, rememberDisplay } from './placement';
import type { DisplayLike } from './placement';

const laptop: DisplayLike = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
const projector: DisplayLike = { id: 2, label: 'EPSON', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, workArea: { x: 1920, y: 0, width: 1920, height: 1080 } };
const stageMonitor: DisplayLike = { id: 3, label: 'DELL', bounds: { x: 3840, y: 0, width: 1280, height: 720 }, workArea: { x: 3840, y: 0, width: 1280, height: 720 } };

describe('projector window placement', () => {
  it('with one screen, opens a window on it, centred, not fullscreen over the controls', () => {
    const p = placeProjector([laptop], 1, null);
    expect(p).toMatchObject({ displayId: 1, fullscreen: false });
    expect(p.bounds.width).toBe(1152);
    expect(p.bounds.x + p.bounds.width / 2).toBe(960);
  });

  it('with a second screen, goes fullscreen on it', () => {
    expect(placeProjector([laptop, projector], 1, null)).toEqual({ displayId: 2, bounds: projector.bounds, fullscreen: true });
  });

  it('honours the host’s remembered choice among several screens', () => {
    expect(placeProjector([laptop, projector, stageMonitor], 1, rememberDisplay(stageMonitor)).displayId).toBe(3);
  });

  it('falls back to another screen when the remembered one is unplugged, and returns when it is back', () => {
    const remembered = rememberDisplay(stageMonitor);
    expect(placeProjector([laptop, projector], 1, remembered).displayId).toBe(2);
    expect(placeProjector([laptop], 1, remembered)).toMatchObject({ displayId: 1, fullscreen: false });
    expect(placeProjector([laptop, projector, stageMonitor], 1, remembered).displayId).toBe(3);
  });

  it('finds the remembered screen by its name when the system gave it a new id', () => {
    const renumbered = { ...stageMonitor, id: 17 };
    expect(placeProjector([laptop, projector, renumbered], 1, rememberDisplay(stageMonitor)).displayId).toBe(17);
  });

  it('a host who chose the laptop screen gets a window there, never a fullscreen over the controls', () => {
    expect(placeProjector([laptop, projector], 1, rememberDisplay(laptop))).toMatchObject({ displayId: 1, fullscreen: false });
  });
});
