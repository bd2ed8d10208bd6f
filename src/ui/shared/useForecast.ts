import { useState } from 'react';
import type { ViewState } from '../../core/protocol';
import { forecast } from '../../core/schedule';
import type { SittingForecast } from '../../core/schedule';
import { mono, wall } from '../../core/time';
import type { Mono, Wall } from '../../core/time';
import { useConnection } from '../app/context';
import { useFrame } from './useFrame';

interface Now {
  mono: Mono;
  wall: Wall;
  meeting: ViewState;
}

/**
 * The meeting's schedule as of now. Times are shown to the minute, so "now" is taken afresh on
 * the frame after the minute or the meeting changes, not on every frame.
 */
export function useForecast(meeting: ViewState): SittingForecast[] {
  const connection = useConnection();
  const [now, setNow] = useState<Now | null>(null);
  useFrame(() => {
    const w = Date.now();
    if (now === null || now.meeting !== meeting || Math.floor(w / 60_000) !== Math.floor(now.wall / 60_000)) {
      setNow({ mono: mono(connection.hostNow()), wall: wall(w), meeting });
    }
  });
  return now === null ? [] : forecast(meeting, now);
}
