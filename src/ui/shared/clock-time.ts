/** A time of day as the room reads it, 14:05; with the date (2/15 8:30) when it is not today. */
export function clockTime(ms: number, today: number = Date.now()): string {
  const d = new Date(ms);
  const time = `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
  return d.toDateString() === new Date(today).toDateString() ? time : `${d.getMonth() + 1}/${d.getDate()} ${time}`;
}
