const MINUTE = 60_000;

/**
 * A duration as people write it in an agenda: "8:00", "8分钟", "8分", "3分30秒", "8 min",
 * "90s", "480" (a bare number of 60 or more is seconds, below 60 minutes: nobody speaks for 480
 * minutes or for 8 seconds). Null for anything else, so the caller can say what is wrong.
 */
export function parseDurationText(raw: string): number | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (m) return Number(m[1]) * MINUTE + Number(m[2]) * 1000;
  m = /^(\d{1,3}) ?(?:分钟|分|min|mins|minutes?|m)(?: ?(\d{1,2}) ?(?:秒钟|秒|s|sec|secs|seconds?))?$/.exec(text);
  if (m) return Number(m[1]) * MINUTE + Number(m[2] ?? 0) * 1000;
  m = /^(\d{1,5}) ?(?:秒钟|秒|s|sec|secs|seconds?)$/.exec(text);
  if (m) return Number(m[1]) * 1000;
  m = /^(\d{1,5})$/.exec(text);
  if (m) return Number(m[1]) >= 60 ? Number(m[1]) * 1000 : Number(m[1]) * MINUTE;
  return null;
}
