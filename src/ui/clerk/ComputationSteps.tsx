import { useTranslation } from 'react-i18next';
import type { SlotResult } from '../../core/results';
import { formatOvertime } from '../../core/time';

/** Every step from ballots to the final score, so the clerk can explain a result to whoever asks. */
export function ComputationSteps({ result, trimFrom }: { result: SlotResult; trimFrom: number }) {
  const { t } = useTranslation();
  return (
    <ol className="steps" data-testid="steps">
      {result.groups.map((g) => (
        <li key={g.groupId}>
          <strong>{g.name}</strong> ({t('results.weight')} {g.weight}):{' '}
          {g.totals.length === 0 ? (
            t('results.noBallots')
          ) : (
            <>
              {t('results.totals')} {g.totals.join(', ')}
              {g.dropped ? ` — ${t('results.dropped', { n: trimFrom, high: g.dropped.high, low: g.dropped.low })}` : ''} → {t('results.mean')} <span className="tabular">{g.score}</span>
            </>
          )}
        </li>
      ))}
      <li>
        {t('results.weighted')}{t('punct.colon')}<span className="tabular">{result.weighted ?? '—'}</span>
        {result.rescaled && ` (${t('results.rescaled')})`}
      </li>
      <li>
        {t('results.penalty')}{t('punct.colon')}<span className="tabular">{result.penalty}</span>
        {result.overtimeSeconds > 0 && ` (${t('results.overtimeOf', { time: formatOvertime(result.overtimeSeconds) })})`}
        {result.cutoff && ` (${t('control.cutoffRecorded')})`}
      </li>
      <li>
        {t('results.final')} ({t('results.rounding')}): <strong className="tabular">{result.final ?? '—'}</strong>
        {result.provisional && result.final !== null && (
          <span className="badge provisional" data-testid="provisional" title={t('results.provisionalHint')}>
            {t('results.provisional')}
          </span>
        )}
        {result.rank !== null && ` · ${t('results.rank')} ${result.rank}`}
        {result.grade && ` · ${t(`results.grades.${result.grade}`)}`}
      </li>
      {result.unresolved > 0 && <li className="flag">{t('results.unresolved', { count: result.unresolved })}</li>}
    </ol>
  );
}
