import { useTranslation } from 'react-i18next';
import { isRecused } from '../../core/ballots';
import { own } from '../../core/dict';
import { agenda } from '../../core/queue';
import type { ViewState } from '../../core/views';

/** Every slot with its scoring window, ballots in versus expected, and anything held back. */
export function SlotList({ meeting, selected, onSelect }: { meeting: ViewState; selected: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const results = new Map(meeting.results.map((r) => [r.slotId, r]));
  return (
    <ul className="slot-list" data-testid="slot-list">
      {agenda(meeting).map((slot, i) => {
        const r = results.get(slot.id);
        const expected = meeting.scoring.reviewers.filter((rv) => !isRecused(rv, slot.unit)).length;
        const window = own(meeting.windows, slot.id);
        const status = own(meeting.status, slot.id);
        return (
          <li key={slot.id}>
            <button type="button" className={selected === slot.id ? 'selected' : ''} onClick={() => onSelect(slot.id)}>
              <span className="muted tabular">{i + 1}</span>
              <span className="slot-unit">{slot.unit}</span>
              {status === 'absent' || status === 'skipped' ? (
                <span className={`badge status-${status}`} data-testid="unheard">
                  {t(`status.${status}`)}
                </span>
              ) : (
                <span className={`badge window-${window ?? 'none'}`}>{t(`clerk.window.${window ?? 'none'}`)}</span>
              )}
              <span className="tabular">
                {r?.ballots ?? 0}/{expected}
              </span>
              {(r?.unresolved ?? 0) > 0 && <span className="flag-badge">{t('clerk.held', { count: r?.unresolved ?? 0 })}</span>}
              <span className="tabular strong">{r?.final ?? ''}</span>
              {r?.provisional && r.final !== null && <span className="badge provisional">{t('results.provisional')}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
