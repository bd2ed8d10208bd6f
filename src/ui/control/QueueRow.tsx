import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../core/meeting';
import { plannedMs } from '../../core/meeting';
import type { QueueStatus } from '../../core/queue';
import type { ScoringWindow } from '../../core/ballots';
import type { Live, PhaseRecord } from '../../core/state';
import { clockTime } from '../shared/clock-time';
import { durationText } from './duration';
import { formatOvertime } from '../../core/time';
import { LiveRowTime, usedAt } from './RowTime';

interface Props {
  slot: Slot;
  n: number;
  status: QueueStatus;
  records: PhaseRecord[] | undefined;
  /** When it began, or is expected to begin; null when passed over. */
  expectedStart: number | null;
  /** The phase at the lectern when this is the live slot: its time is drawn from the anchors. */
  live: Live | null;
  /** Ballots in over ballots expected, once the slot has opened for scoring. */
  scoring: { window: ScoringWindow; done: number; expected: number } | null;
  selected: boolean;
  onSelect(): void;
  onEdit(): void;
}

/** One speaker in the running order: start (real or expected), status, planned against actual time, and a drag handle. */
export function QueueRow({ slot, n, status, records, expectedStart, live, scoring, selected, onSelect, onEdit }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: slot.id });
  const closed = records && usedAt(slot, records, null, 0);
  const cutoff = records?.some((r) => r.cutoff) ?? false;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`queue-row status-${status}${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}
      aria-selected={selected}
      data-slot={slot.id}
      onClick={onSelect}
    >
      <span className="drag-handle" {...attributes} {...listeners} tabIndex={-1} aria-label={t('control.dragHint')} title={t('control.dragHint')}>
        ⋮⋮
      </span>
      <span className="queue-n tabular">{n}</span>
      <span className="queue-main">
        <span className="queue-unit">{slot.unit}</span>
        <span className="queue-speaker">
          {expectedStart !== null && <span className="queue-start tabular">{clockTime(expectedStart)}</span>}
          {slot.speaker}
        </span>
      </span>
      <span className={`badge status-badge status-${status}`} data-testid="status">
        {t(`status.${status}`)}
      </span>
      {/* A second line for the time and the badges, so a row that carries them all keeps the name readable. */}
      <span className="queue-meta">
        <span className="queue-time tabular" title={`${t('control.planned')} / ${t('control.actual')}`}>
          {durationText(plannedMs(slot))}
          <span className="muted">
            {' / '}
            {live && live.slotId === slot.id ? (
              <LiveRowTime slot={slot} records={records ?? []} live={live} />
            ) : (
              <>
                <span data-testid="actual">{closed ? durationText(closed.used) : '—'}</span>
                {closed && closed.overtime > 0 && <span className="overtime">{t('control.overtime', { time: formatOvertime(closed.overtime) })}</span>}
              </>
            )}
          </span>
        </span>
        {cutoff && <span className="badge badge-cutoff">{t('control.cutoffRecorded')}</span>}
        {scoring && (
          <span className={`badge window-${scoring.window} tabular`} title={t(`clerk.window.${scoring.window}`)} data-testid="ballots-in">
            {t('control.ballotsIn', { done: scoring.done, expected: scoring.expected })}
          </span>
        )}
      </span>
      <button
        type="button"
        className="link queue-edit"
        onClick={(e) => {
          e.stopPropagation();
          onEdit();
        }}
      >
        {t('control.edit')}
      </button>
    </li>
  );
}
