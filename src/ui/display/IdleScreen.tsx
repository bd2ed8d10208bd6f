import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { own } from '../../core/dict';
import type { ViewState } from '../../core/protocol';
import { agenda, onDeckSlot, queueStatus } from '../../core/queue';
import { clockTime } from '../shared/clock-time';
import { useForecast } from '../shared/useForecast';
import { useFrame } from '../shared/useFrame';

/** Between speakers: the meeting, the sitting, the time of day, who is next and when, and the agenda. */
export function IdleScreen({ meeting }: { meeting: ViewState }) {
  const { t } = useTranslation();
  const clock = useRef<HTMLDivElement>(null);
  useFrame(() => {
    const text = clockTime(Date.now());
    if (clock.current && clock.current.textContent !== text) clock.current.textContent = text;
  });
  const order = agenda(meeting);
  const nextIndex = order.findIndex((s) => own(meeting.status, s.id) === 'waiting');
  const sitting = meeting.sittings.find((s) => s.id === order[Math.max(0, nextIndex)]?.sittingId) ?? meeting.sittings[0];
  const shown = order.filter((s) => s.sittingId === sitting?.id);
  const expected = new Map(useForecast(meeting).flatMap((f) => f.slots.map((x) => [x.slotId, x.expectedStart] as const)));
  const nextId = onDeckSlot(meeting);
  const next = order.find((s) => s.id === nextId);
  const nextAt = next ? expected.get(next.id) : null;
  return (
    <main className="idle" data-testid="idle">
      <header>
        <h1 className="idle-title">{meeting.title}</h1>
        {sitting && <p className="idle-sitting">{sitting.title}</p>}
        <div className="idle-clock" ref={clock} />
        {next && (
          <p className="idle-next" data-testid="idle-next">
            {t('schedule.next', { who: next.speaker ? `${next.unit} · ${next.speaker}` : next.unit })}
            {nextAt != null && <span className="idle-next-at">{t('schedule.expected', { time: clockTime(nextAt) })}</span>}
          </p>
        )}
      </header>
      <section className="idle-agenda">
        <h2>{t('display.agenda')}</h2>
        <ol>
          {shown.map((slot) => (
            <li key={slot.id} className={`agenda-${queueStatus(meeting, slot.id)}`}>
              <span className="agenda-unit">{slot.unit}</span>
              <span className="agenda-speaker">{slot.speaker}</span>
              <ExpectedTime at={expected.get(slot.id) ?? null} />
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

const ExpectedTime = ({ at }: { at: number | null }) => (at === null ? null : <span className="agenda-time tabular">{clockTime(at)}</span>);
