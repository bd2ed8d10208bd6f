import { formatMinutes } from '../../core/time';

/** The names an audit line's ids stand for, from the meeting as it is now (an id removed since stays an id). */
export interface AuditNames {
  slot(id: string): string | undefined;
  reviewer(id: string): string | undefined;
  sitting(id: string): string | undefined;
}

/** One field of an event, ready to read: a word for a yes/no, a count for a long list, names for ids. */
export type AuditField = { key: string } & ({ text: string } | { yes: boolean } | { count: number });

/** Fields holding an id, and the name list they are read from. */
const ID_FIELDS: Record<string, keyof AuditNames> = { slotId: 'slot', enter: 'slot', reviewerId: 'reviewer', sittingId: 'sitting' };

const signedDuration = (ms: number): string => `${ms < 0 ? '−' : '+'}${formatMinutes(Math.round(Math.abs(ms) / 1000))}`;

/** A nested value in one line: an object's plain fields as `key value`, anything deeper left out. */
function inline(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(inline).join(', ');
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([, v]) => v === null || typeof v !== 'object')
      .map(([k, v]) => `${k} ${inline(v)}`)
      .join(', ');
  return String(value);
}

/**
 * An audit row's detail (the event's own fields, as JSON) as a list a person reads: ids as the
 * names they stand for, durations as m:ss, phases counted from 1, long lists as their length.
 * A detail that is not JSON (it always is) is shown as it came.
 */
export function auditFields(detail: string, names: AuditNames): AuditField[] {
  let fields: unknown;
  try {
    fields = JSON.parse(detail);
  } catch {
    return [{ key: 'detail', text: detail }];
  }
  if (fields === null || typeof fields !== 'object') return [];
  return Object.entries(fields).map(([key, value]): AuditField => {
    const list = ID_FIELDS[key];
    if (list && typeof value === 'string') return { key, text: names[list](value) ?? value };
    if (typeof value === 'boolean') return { key, yes: value };
    if (typeof value === 'number' && key.endsWith('Ms')) return { key, text: signedDuration(value) };
    if (typeof value === 'number' && key === 'phaseIndex') return { key, text: String(value + 1) };
    if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) return { key, count: value.length };
    return { key, text: inline(value) };
  });
}
