import type { MeetingEvent } from './events';
import type { Output } from './outputs';
import { num } from './tables';
import type { Table } from './tables';

/** One line of the audit log: who (role and device), what, and when to the millisecond. */
export interface AuditRow {
  seq: number;
  /** Wall-clock time, ms since 1970. */
  wall: number;
  role: string;
  device: string;
  type: string;
  /** The event's own fields, as JSON; ballot scores and comments only for the clerk. */
  detail: string;
}

const BALLOT_EVENTS: ReadonlySet<string> = new Set(['ballot.submitted', 'paper.entered']);

/**
 * The audit log is the event log itself, read back: nothing is recorded twice. For anyone but the
 * clerk, the scores and comments inside ballot events are left out (who and when stay).
 */
export function auditRows(events: readonly MeetingEvent[], clerk: boolean): AuditRow[] {
  return events.map((e) => {
    const { seq, at: _at, wall, by, type, ...fields } = e;
    const shown = !clerk && BALLOT_EVENTS.has(type) ? Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'scores' && k !== 'comment')) : e.type === 'outputs.configured' ? { outputs: e.outputs.map((o) => outputAudited(o, clerk)) } : fields;
    const device = by.device ?? '';
    return { seq, wall, role: by.reviewerId ? `${by.role}:${by.reviewerId}` : by.role, device, type, detail: JSON.stringify(shown) };
  });
}

/**
 * Outputs in the audit log: a header's value is often a key (`Authorization: Bearer …`) and is
 * never printed; the clerk reads which outputs there were and when they changed, not where they
 * point (the host's alone, like the outputs themselves).
 */
function outputAudited(o: Output, clerk: boolean): unknown {
  const { target, ...rest } = o;
  if (clerk) return { ...rest, kind: target.kind };
  return target.kind === 'http' ? { ...rest, target: { ...target, headers: target.headers.map((h) => ({ name: h.name, value: '•••' })) } } : o;
}

/** ISO time with milliseconds, in UTC so two machines' exports agree. */
const iso = (wall: number): string => new Date(wall).toISOString();

export const auditTable = (rows: readonly AuditRow[]): Table => ({
  header: ['序号 Seq', '时间 Time (UTC)', '角色 Role', '设备 Device', '事件 Event', '内容 Detail'],
  rows: rows.map((r) => [num(String(r.seq), 0), iso(r.wall), r.role, r.device, r.type, r.detail]),
});
