import { useEffect, useRef } from 'react';

/**
 * Calls `onFrame` on every animation frame with the frame's timestamp, outside React's render
 * cycle: per-frame values (countdown digits, progress) are written straight to the DOM.
 */
export function useFrame(onFrame: (frameTime: number) => void): void {
  const latest = useRef(onFrame);
  useEffect(() => {
    latest.current = onFrame;
  });
  useEffect(() => {
    let handle = 0;
    const loop = (t: number) => {
      latest.current(t);
      handle = requestAnimationFrame(loop);
    };
    handle = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(handle);
  }, []);
}
