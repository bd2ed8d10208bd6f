import { useTranslation } from 'react-i18next';
import type { Reviewer, ReviewerGroup } from '../../../core/scoring.setup';

interface Props {
  reviewers: Reviewer[];
  groups: ReviewerGroup[];
  units: string[];
  onChange(reviewers: Reviewer[]): void;
}

const nextId = (reviewers: Reviewer[]): string => {
  const used = new Set(reviewers.map((r) => r.id));
  let n = reviewers.length + 1;
  while (used.has(`r${n}`)) n++;
  return `r${n}`;
};

/** The reviewers: name, group, and the unit they belong to (they never score it). */
export function ReviewerTable({ reviewers, groups, units, onChange }: Props) {
  const { t } = useTranslation();
  const patch = (i: number, p: Partial<Reviewer>) => onChange(reviewers.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <>
      <table className="reviewer-table">
        <thead>
          <tr>
            <th>{t('clerk.reviewer')}</th>
            <th>{t('clerk.group')}</th>
            <th>{t('scoring.ownUnit')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {reviewers.map((r, i) => (
            <tr key={r.id}>
              <td>
                <input aria-label={t('clerk.reviewer')} value={r.name} maxLength={40} onChange={(e) => patch(i, { name: e.target.value })} />
              </td>
              <td>
                <select aria-label={t('clerk.group')} value={r.groupId} onChange={(e) => patch(i, { groupId: e.target.value })}>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input aria-label={t('scoring.ownUnit')} list="slot-units" value={r.unit} maxLength={60} onChange={(e) => patch(i, { unit: e.target.value })} />
              </td>
              <td>
                <button type="button" className="link" onClick={() => onChange(reviewers.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <datalist id="slot-units">
        {units.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <button type="button" className="link" onClick={() => onChange([...reviewers, { id: nextId(reviewers), name: '', groupId: groups[0]?.id ?? '', unit: '' }])}>
        + {t('scoring.addReviewer')}
      </button>
    </>
  );
}
