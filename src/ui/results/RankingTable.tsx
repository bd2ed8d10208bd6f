import { useTranslation } from 'react-i18next';
import type { SlotResult } from '../../core/results';

/** Every scored slot by rank, with each group's score: the clerk's overview and the report's main table. */
export function RankingTable({ results, groups }: { results: SlotResult[]; groups: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const ranked = results.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
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
        {ranked.map((r) => (
          <tr key={r.slotId}>
            <td className="tabular">{r.rank}</td>
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
