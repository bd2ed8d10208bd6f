import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { slotById } from '../../core/queue';
import type { ViewState } from '../../core/views';

/**
 * The results the host chose to reveal, and nothing more (the host sends this screen nothing
 * else): one slot's score, or the ranking revealed from the bottom up, the newest place highlighted.
 */
export function ResultsScreen({ meeting }: { meeting: ViewState }) {
  const { t } = useTranslation();
  const reveal = meeting.reveal;
  if (reveal?.kind === 'slot') {
    const r = meeting.results[0];
    const slot = r && slotById(meeting, r.slotId);
    if (!r || !slot) return null;
    return (
      <main className="results results-slot" data-testid="results">
        <p className="unit">{slot.unit}</p>
        <p className="who">{slot.speaker}</p>
        <p className="results-score tabular" data-testid="result-final">
          {r.final}
        </p>
        {r.grade && <p className={`results-grade grade-${r.grade}`}>{t(`results.grades.${r.grade}`)}</p>}
      </main>
    );
  }
  const shown = [...meeting.results].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  // Revealed from the bottom up: the newest place is the best-ranked one on screen.
  const newest = shown[0]?.slotId;
  return (
    // Rows shrink to fit the whole ranking of 20+ units on one screen.
    <main className="results results-ranking" data-testid="results" style={{ '--rows': Math.max(shown.length, 8) } as CSSProperties}>
      <h1>{t('results.title')}</h1>
      <ol>
        {shown.map((r) => (
          <li key={r.slotId} className={r.slotId === newest ? 'newest' : ''} data-testid="result-row">
            <span className="results-rank tabular">{r.rank}</span>
            <span className="results-unit">{r.unit}</span>
            <span className="results-final tabular">{r.final}</span>
            <span className={`results-grade grade-${r.grade ?? 'none'}`}>{r.grade && t(`results.grades.${r.grade}`)}</span>
          </li>
        ))}
      </ol>
    </main>
  );
}
