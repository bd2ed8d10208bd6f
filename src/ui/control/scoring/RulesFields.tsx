import { useTranslation } from 'react-i18next';
import type { ReviewerGroup, ScoringRules } from '../../../core/scoring.setup';

/** How scores are counted: trimming, overtime and cut-off penalties, the tie-break group, auto-lock. */
export function RulesFields({ rules, groups, onChange }: { rules: ScoringRules; groups: ReviewerGroup[]; onChange(patch: Partial<ScoringRules>): void }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('scoring.trimFrom')}
        <input type="number" min={3} value={rules.trimFrom} onChange={(e) => onChange({ trimFrom: Number(e.target.value) })} />
      </label>
      <label>
        {t('scoring.penaltyPer')}
        <input value={rules.penaltyPerInterval} size={4} onChange={(e) => onChange({ penaltyPerInterval: e.target.value.trim() })} />
      </label>
      <label>
        {t('scoring.interval')}
        <input type="number" min={1} value={rules.penaltyIntervalSeconds} onChange={(e) => onChange({ penaltyIntervalSeconds: Number(e.target.value) })} />
      </label>
      <label>
        {t('scoring.cutoffPenalty')}
        <input value={rules.cutoffPenalty} size={4} onChange={(e) => onChange({ cutoffPenalty: e.target.value.trim() })} />
      </label>
      <label>
        {t('scoring.tieBreak')}
        <select value={rules.tieBreakGroupId ?? ''} onChange={(e) => onChange({ tieBreakGroupId: e.target.value === '' ? null : e.target.value })} data-testid="tie-break">
          <option value="">{t('scoring.tieBreakDefault')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('scoring.autoLock')}
        <input
          type="number"
          min={1}
          value={rules.autoLockMinutes ?? ''}
          placeholder={t('scoring.off')}
          onChange={(e) => onChange({ autoLockMinutes: e.target.value === '' ? null : Number(e.target.value) })}
        />
      </label>
    </>
  );
}
