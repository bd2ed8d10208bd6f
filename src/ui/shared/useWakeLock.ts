import { useEffect } from 'react';
import { ScreenAwake } from './wake-lock';
import type { WakeLockLike } from './wake-lock';

/** Keeps this device's screen awake while `active` (the hall's screens always; a phone while a ballot is open). */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const awake = new ScreenAwake((navigator as { wakeLock?: WakeLockLike }).wakeLock, document);
    awake.start();
    return () => awake.stop();
  }, [active]);
}
