import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import { rankingBars, rubricMax } from '../../core/charts';
import type { ViewState } from '../../core/views';
import './ranking-bars.css';

/** The bar's box: drawn stretched to its cell, so it holds no text (the score is written beside it). */
const BOX = 1000;
const x = scaleLinear<number>({ domain: [0, 1], range: [0, BOX] });

/**
 * The revealed ranking as bars, best first: rank, unit, a bar as long as the score's share of
 * the rubric's maximum, the score in words and the grade (a word, not only a colour). Only what
 * the view holds, which for the hall is the places revealed so far (locked slots only). Loaded
 * and drawn only between speakers: the display shows results only while no phase clock is up.
 */
export default function RankingBars({ meeting }: { meeting: ViewState }) {
  const { t } = useTranslation();
  const max = rubricMax(meeting.scoring.rubric);
  const bars = rankingBars(meeting.results, max);
  // Revealed from the bottom up: the newest place is the best-ranked one on screen.
  const newest = bars[0]?.slotId;
  return (
    <>
      <ol className="ranking-bars" data-testid="ranking-bars">
        {bars.map((b) => (
          <li key={b.slotId} className={b.slotId === newest ? 'newest' : ''} data-testid="result-row">
            <span className="results-rank tabular">{b.rank}</span>
            <span className="results-unit">{b.unit}</span>
            <span className="ranking-bar">
              <svg viewBox={`0 0 ${BOX} 10`} preserveAspectRatio="none" aria-hidden="true">
                <Bar className="ranking-bar-track" x={0} y={0} width={BOX} height={10} />
                <Bar className={`ranking-bar-fill grade-fill-${b.grade ?? 'none'}`} x={0} y={0} width={x(b.share)} height={10} data-share={b.share} />
              </svg>
            </span>
            <span className="results-final tabular">{b.final}</span>
            <span className={`results-grade grade-${b.grade ?? 'none'}`}>{b.grade && t(`results.grades.${b.grade}`)}</span>
          </li>
        ))}
      </ol>
      <p className="ranking-bars-axis">{t('charts.ranking.axis', { max: max.toString() })}</p>
    </>
  );
}
