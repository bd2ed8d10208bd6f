import { lazy, Suspense } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { slotById } from '../../core/queue';
import type { ViewState } from '../../core/views';

// The bars and their chart library load with the first ranking revealed, not with the clock.
const RankingBars = lazy(() => import('./RankingBars'));

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
  return (
    // Rows shrink to fit the whole ranking of 20+ units on one screen.
    <main className="results results-ranking" data-testid="results" style={{ '--rows': Math.max(meeting.results.length, 8) } as CSSProperties}>
      <h1>{t('results.title')}</h1>
      <Suspense fallback={null}>
        <RankingBars meeting={meeting} />
      </Suspense>
    </main>
  );
}
