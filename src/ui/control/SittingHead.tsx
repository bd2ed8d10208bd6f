import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../core/commands';
import type { Sitting } from '../../core/meeting';
import type { SittingForecast } from '../../core/schedule';
import { clockTime } from '../shared/clock-time';

/** How a sitting stands against its plan, in words the host reads at a glance. */
function summary(f: SittingForecast, t: ReturnType<typeof useTranslation>['t']): string {
  const time = clockTime(f.projectedEnd);
  if (f.lateMs === null) return t('schedule.ends', { time });
  const min = Math.round(Math.abs(f.lateMs) / 60_000);
  if (min === 0) return t('schedule.onPlan', { time });
  return f.lateMs > 0 ? t('schedule.late', { time, min }) : t('schedule.early', { time, min });
}

/** A sitting's heading in the running order: its title, planned start (editable) and projected end. */
export function SittingHead({ sitting, forecast, onAdd, send }: { sitting: Sitting; forecast: SittingForecast | undefined; onAdd(): void; send(c: Command): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const setStart = (start: string | null) => {
    send({ type: 'sitting.edit', sittingId: sitting.id, fields: { start } });
    setEditing(null);
  };
  return (
    <li className="sitting-head" role="presentation">
      <div className="sitting-line">
        <span className="sitting-title">{sitting.title}</span>
        <button type="button" className="link" onClick={onAdd}>
          + {t('control.addSlot')}
        </button>
      </div>
      <div className="sitting-plan muted" data-testid={`plan-${sitting.id}`}>
        <button type="button" className="link" onClick={() => setEditing(sitting.start ?? '')}>
          {forecast?.plannedStart != null ? t('schedule.planned', { time: clockTime(forecast.plannedStart) }) : t('schedule.setStart')}
        </button>
        {forecast && forecast.slots.length > 0 && <span className={forecast.lateMs !== null && forecast.lateMs >= 60_000 ? 'behind' : ''}>{summary(forecast, t)}</span>}
      </div>
      {editing !== null && (
        <form
          className="sitting-start-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (editing !== '') setStart(editing);
          }}
        >
          <label>
            {t('schedule.startLabel')} <input type="datetime-local" value={editing} onChange={(e) => setEditing(e.target.value)} required />
          </label>
          <button type="submit" className="action tone-primary">
            {t('schedule.save')}
          </button>
          {sitting.start !== undefined && (
            <button type="button" className="action" onClick={() => setStart(null)}>
              {t('schedule.clear')}
            </button>
          )}
          <button type="button" className="link" onClick={() => setEditing(null)}>
            {t('schedule.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
