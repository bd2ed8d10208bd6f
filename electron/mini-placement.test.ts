import { describe, expect, it } from 'vitest';
import { MINI_MARGIN, MINI_MIN, MINI_SIZE, placeMini, reachableOn } from './mini-placement';
import type { DisplayLike } from './placement';

const laptop: DisplayLike = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 25, width: 1920, height: 1015 } };
const projector: DisplayLike = { id: 2, label: 'EPSON', bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 720 } };
const controlOnLaptop = { x: 100, y: 100, width: 1280, height: 800 };

describe('mini timer window placement', () => {
  it('opens the first time in the bottom-right corner of the control window’s screen, at its default size', () => {
    expect(placeMini([laptop, projector], 1, null, controlOnLaptop)).toEqual({
      x: 1920 - MINI_MARGIN - MINI_SIZE.width,
      y: 25 + 1015 - MINI_MARGIN - MINI_SIZE.height,
      ...MINI_SIZE,
    });
    // The control window dragged to the projector's screen: the timer opens there.
    expect(placeMini([laptop, projector], 1, null, { x: 2000, y: 50, width: 1000, height: 600 })).toMatchObject({ x: 1920 + 1280 - MINI_MARGIN - MINI_SIZE.width, y: 720 - MINI_MARGIN - MINI_SIZE.height });
  });

  it('falls back to the primary screen when the control window is on none', () => {
    expect(placeMini([projector, laptop], 1, null, null)).toMatchObject({ x: 1920 - MINI_MARGIN - MINI_SIZE.width });
    expect(placeMini([projector, laptop], 1, null, { x: -5000, y: 0, width: 800, height: 600 })).toMatchObject({ x: 1920 - MINI_MARGIN - MINI_SIZE.width });
  });

  it('reopens exactly where the person left it, on any connected screen', () => {
    const onProjector = { x: 2900, y: 20, width: 300, height: 170 };
    expect(placeMini([laptop, projector], 1, onProjector, controlOnLaptop)).toEqual(onProjector);
    // Half off the edge, but a grip still on screen: left as it was.
    const halfOff = { x: 1800, y: 900, width: 360, height: 200 };
    expect(placeMini([laptop], 1, halfOff, controlOnLaptop)).toEqual(halfOff);
  });

  it('left on a monitor that is now unplugged: back to the default corner, keeping its size', () => {
    const onProjector = { x: 2900, y: 20, width: 300, height: 170 };
    expect(placeMini([laptop], 1, onProjector, controlOnLaptop)).toEqual({ x: 1920 - MINI_MARGIN - 300, y: 1040 - MINI_MARGIN - 170, width: 300, height: 170 });
  });

  it('never keeps a window whose only visible part is a sliver too thin to grab', () => {
    const sliver = { x: 1920 - 30, y: 300, width: 360, height: 200 };
    expect(reachableOn(sliver, laptop)).toBe(false);
    expect(placeMini([laptop], 1, sliver, controlOnLaptop).x).toBe(1920 - MINI_MARGIN - 360);
    // Above the top of the work area (under the menu bar) is not reachable either.
    expect(reachableOn({ x: 100, y: -190, width: 360, height: 200 }, laptop)).toBe(false);
  });

  it('fits a remembered size to a smaller screen, and never goes below a readable size', () => {
    const small: DisplayLike = { id: 5, bounds: { x: 0, y: 0, width: 800, height: 600 }, workArea: { x: 0, y: 0, width: 800, height: 600 } };
    const huge = { x: 5000, y: 0, width: 1500, height: 900 };
    expect(placeMini([small], 5, huge, null)).toEqual({ x: MINI_MARGIN, y: MINI_MARGIN, width: 800 - 2 * MINI_MARGIN, height: 600 - 2 * MINI_MARGIN });
    const tiny = { x: 10, y: 10, width: 20, height: 10 };
    expect(placeMini([small], 5, tiny, null)).toMatchObject(MINI_MIN);
  });

  it('says so when no screen is connected at all', () => {
    expect(() => placeMini([], 1, null, null)).toThrow('no display is connected');
  });
});
