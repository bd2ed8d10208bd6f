import { formatMinutes } from '../../core/time';

/** "8:00" → 480000 ms; "8" → 8 minutes. Null for anything else, so the form can say what is wrong. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,3})(?::([0-5]\d))?\s*$/.exec(text);
  if (!m) return null;
  return (Number(m[1]) * 60 + Number(m[2] ?? 0)) * 1000;
}

export const durationText = (ms: number): string => formatMinutes(Math.round(ms / 1000));
