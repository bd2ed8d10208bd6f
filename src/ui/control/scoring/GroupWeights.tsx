import { useTranslation } from 'react-i18next';
import type { ReviewerGroup } from '../../../core/scoring.setup';

/** Each reviewer group's weight in the final score. */
export function GroupWeights({ groups, onChange }: { groups: ReviewerGroup[]; onChange(groups: ReviewerGroup[]): void }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('report.groups')}</legend>
      {groups.map((g, i) => (
        <label key={g.id}>
          {g.name}
          <input value={g.weight} size={5} onChange={(e) => onChange(groups.map((x, j) => (j === i ? { ...x, weight: e.target.value.trim() } : x)))} />
        </label>
      ))}
    </fieldset>
  );
}
