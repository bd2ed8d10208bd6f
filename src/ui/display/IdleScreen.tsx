import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from '../../core/protocol';
import { agenda, queueStatus } from '../../core/queue';
import { useFrame } from '../shared/useFrame';

const clockText = (d: Date) => `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Between speakers: the meeting, the sitting, the time of day and the agenda. */
export function IdleScreen({ meeting }: { meeting: ViewState }) {
  const { t } = useTranslation();
  const clock = useRef<HTMLDivElement>(null);
  useFrame(() => {
    const text = clockText(new Date());
    if (clock.current && clock.current.textContent !== text) clock.current.textContent = text;
  });
  const order = agenda(meeting);
  const nextIndex = order.findIndex((s) => meeting.status[s.id] === 'waiting');
  const sitting = meeting.sittings.find((s) => s.id === order[Math.max(0, nextIndex)]?.sittingId) ?? meeting.sittings[0];
  const shown = order.filter((s) => s.sittingId === sitting?.id);
  return (
    <main className="idle" data-testid="idle">
      <header>
        <h1 className="idle-title">{meeting.title}</h1>
        {sitting && <p className="idle-sitting">{sitting.title}</p>}
        <div className="idle-clock" ref={clock} />
      </header>
      <section className="idle-agenda">
        <h2>{t('display.agenda')}</h2>
        <ol>
          {shown.map((slot) => (
            <li key={slot.id} className={`agenda-${queueStatus(meeting, slot.id)}`}>
              <span className="agenda-unit">{slot.unit}</span>
              <span className="agenda-speaker">{slot.speaker}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
