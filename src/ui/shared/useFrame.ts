import { useEffect, useRef } from 'react';

/**
 * Calls `onFrame` on every animation frame with the frame's timestamp, outside React's render
 * cycle: per-frame values (countdown digits, progress) are written straight to the DOM. `win` is
 * the window whose frames drive it: a picture-in-picture timer must follow its own window's frames,
 * which go on while the control view's window is covered by the slides.
 */
export function useFrame(onFrame: (frameTime: number) => void, win: Window = window): void {
  const latest = useRef(onFrame);
  useEffect(() => {
    latest.current = onFrame;
  });
  useEffect(() => {
    let handle = 0;
    const loop = (t: number) => {
      latest.current(t);
      handle = win.requestAnimationFrame(loop);
    };
    handle = win.requestAnimationFrame(loop);
    return () => win.cancelAnimationFrame(handle);
  }, [win]);
}
