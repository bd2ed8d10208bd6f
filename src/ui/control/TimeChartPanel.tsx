import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeRows } from '../../core/charts';
import { onDeckSlot, slotById } from '../../core/queue';
import type { ViewState } from '../../core/views';
import { mono } from '../../core/time';
import { useConnection, useView } from '../app/context';
import { TimeChart } from '../charts/TimeChart';
import { useFrame } from '../shared/useFrame';

/**
 * The sitting the host is in: the live speaker's, else the one whose speaker is on deck, else
 * the last sitting anyone spoke in. One sitting (a half-day, about a dozen speakers) keeps the
 * panel compact enough for a 1280×720 laptop.
 */
function currentSitting(meeting: ViewState): string | null {
  const slotId = meeting.live?.slotId ?? onDeckSlot(meeting) ?? Object.keys(meeting.records).at(-1) ?? null;
  return (slotId !== null ? slotById(meeting, slotId)?.sittingId : undefined) ?? meeting.sittings[0]?.id ?? null;
}

/**
 * The host's time chart: each speaker of the sitting, time used against time planned, overruns
 * and cut-offs marked. While a speech runs, its bar grows once a second from the clock's anchors
 * (the chart is drawn again only when the whole second changes, never on every frame).
 */
export function TimeChartPanel() {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const connection = useConnection();
  const [second, setSecond] = useState(0);
  const running = meeting?.live?.mode === 'running';
  useFrame(() => {
    if (!running) return;
    const now = Math.floor(connection.hostNow() / 1000);
    if (now !== second) setSecond(now);
  });
  if (!meeting) return null;
  const sittingId = currentSitting(meeting);
  const sitting = meeting.sittings.find((s) => s.id === sittingId);
  const rows = timeRows(meeting, { ...(sittingId !== null ? { sittingId } : {}), now: mono(running ? second * 1000 : connection.hostNow()) });
  return (
    <section className="panel time-chart-panel" aria-labelledby="time-chart-title">
      <h2 id="time-chart-title">
        {t('charts.time.title')}
        {sitting && <span className="muted"> · {sitting.title}</span>}
      </h2>
      <TimeChart rows={rows} compact />
    </section>
  );
}
