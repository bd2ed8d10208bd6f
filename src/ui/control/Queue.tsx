import { DndContext, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core';
import type { DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoringWindow } from '../../core/ballots';
import { isRecused } from '../../core/ballots';
import type { Command } from '../../core/commands';
import { own } from '../../core/dict';
import type { Slot } from '../../core/meeting';
import type { ViewState } from '../../core/protocol';
import { agenda, queueStatus } from '../../core/queue';
import { useForecast } from '../shared/useForecast';
import { QueueRow } from './QueueRow';
import { SittingHead } from './SittingHead';

interface Props {
  meeting: ViewState;
  selected: string | null;
  onSelect(id: string | null): void;
  onEdit(id: string): void;
  onAdd(sittingId: string): void;
  onImport(): void;
  onExport(): void;
  send(command: Command): void;
}

function scoringOf(meeting: ViewState, slot: Slot): { window: ScoringWindow; done: number; expected: number } | null {
  const window = own(meeting.windows, slot.id);
  if (window === undefined) return null;
  const expected = meeting.scoring.reviewers.filter((r) => !isRecused(r, slot.unit)).length;
  return { window, done: own(meeting.submitted, slot.id)?.length ?? 0, expected };
}

/**
 * The running order, grouped by sitting. Drag a row (across sittings too), or select it and use
 * Alt+↑/↓; both become the same `slot.move` command.
 */
export function Queue({ meeting, selected, onSelect, onEdit, onAdd, onImport, onExport, send }: Props) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const order = agenda(meeting);
  const ids = order.map((s) => s.id);
  const schedule = useForecast(meeting);
  const starts = new Map(schedule.flatMap((f) => f.slots.map((x) => [x.slotId, x.actualStart ?? x.expectedStart] as const)));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const target = order.find((s) => s.id === over.id);
    if (!target) return;
    const moved = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    const siblings = moved.filter((id) => id === active.id || order.find((s) => s.id === id)?.sittingId === target.sittingId);
    send({ type: 'slot.move', slotId: String(active.id), sittingId: target.sittingId, index: siblings.indexOf(String(active.id)) });
  };

  return (
    <section className="panel queue" aria-labelledby="queue-title">
      <div className="panel-head">
        <h2 id="queue-title">{t('control.queue')}</h2>
        <button type="button" className="link" onClick={onImport}>
          {t('agendaImport.open')}
        </button>
        <button type="button" className="link" onClick={onExport}>
          {t('agendaImport.export')}
        </button>
      </div>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="queue-list" role="listbox" aria-label={t('control.queue')}>
            {meeting.sittings.map((sitting) => (
              <Fragment key={sitting.id}>
                <SittingHead sitting={sitting} forecast={schedule.find((f) => f.sittingId === sitting.id)} onAdd={() => onAdd(sitting.id)} send={send} />
                {order
                  .filter((s) => s.sittingId === sitting.id)
                  .map((slot) => (
                    <QueueRow
                      key={slot.id}
                      slot={slot}
                      n={ids.indexOf(slot.id) + 1}
                      status={queueStatus(meeting, slot.id)}
                      records={own(meeting.records, slot.id)}
                      expectedStart={starts.get(slot.id) ?? null}
                      live={meeting.live?.slotId === slot.id ? meeting.live : null}
                      scoring={scoringOf(meeting, slot)}
                      selected={selected === slot.id}
                      onSelect={() => onSelect(selected === slot.id ? null : slot.id)}
                      onEdit={() => onEdit(slot.id)}
                    />
                  ))}
              </Fragment>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </section>
  );
}
