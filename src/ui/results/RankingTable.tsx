import { useTranslation } from 'react-i18next';
import type { SlotResult } from '../../core/results';

/**
 * Every locked slot by rank, with each group's score: the clerk's overview and the report's main
 * table. With `provisional` (the clerk's), the slots still open follow, marked as provisional.
 */
export function RankingTable({ results, groups, provisional = false }: { results: SlotResult[]; groups: { id: string; name: string }[]; provisional?: boolean }) {
  const { t } = useTranslation();
  const ranked = results.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const open = provisional ? results.filter((r) => r.provisional && r.final !== null) : [];
  return (
    <table className="ranking-table" data-testid="ranking">
      <thead>
        <tr>
          <th>{t('results.rank')}</th>
          <th>{t('control.unit')}</th>
          {groups.map((g) => (
            <th key={g.id}>{g.name}</th>
          ))}
          <th>{t('results.penalty')}</th>
          <th>{t('results.final')}</th>
          <th>{t('results.grade')}</th>
        </tr>
      </thead>
      <tbody>
        {[...ranked, ...open].map((r) => (
          <tr key={r.slotId} className={r.provisional ? 'provisional' : undefined}>
            <td className="tabular">{r.rank ?? <span className="badge provisional">{t('results.provisional')}</span>}</td>
            <td>
              {r.unit}
              {r.rescaled && <span className="flag" title={t('results.rescaledHint')}> *</span>}
            </td>
            {r.groups.map((g) => (
              <td key={g.groupId} className="tabular">
                {g.score ?? '—'}
              </td>
            ))}
            <td className="tabular">{r.penalty === '0' ? '' : `−${r.penalty}`}</td>
            <td className="tabular strong">{r.final}</td>
            <td>{r.grade && t(`results.grades.${r.grade}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
