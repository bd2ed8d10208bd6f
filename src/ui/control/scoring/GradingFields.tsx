import { useTranslation } from 'react-i18next';
import type { ScoringRules } from '../../../core/scoring.setup';

type Grading = ScoringRules['grading'];

/** How grades are given: by quota (shares of the ranking) or by score thresholds. */
export function GradingFields({ grading, onChange }: { grading: Grading; onChange(grading: Grading): void }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('results.grade')}
        <select
          value={grading.mode}
          onChange={(e) =>
            onChange(e.target.value === 'quota' ? { mode: 'quota', excellentShare: '0.2', needsWorkShare: '0.1' } : { mode: 'thresholds', excellentFrom: '90', goodFrom: '80', passFrom: '60' })
          }
        >
          <option value="quota">{t('scoring.quota')}</option>
          <option value="thresholds">{t('scoring.thresholds')}</option>
        </select>
      </label>
      {grading.mode === 'quota' ? (
        <>
          <label>
            {t('scoring.excellentShare')}
            <input value={grading.excellentShare} size={4} onChange={(e) => onChange({ ...grading, excellentShare: e.target.value.trim() })} />
          </label>
          <label>
            {t('scoring.needsWorkShare')}
            <input value={grading.needsWorkShare} size={4} onChange={(e) => onChange({ ...grading, needsWorkShare: e.target.value.trim() })} />
          </label>
        </>
      ) : (
        (['excellentFrom', 'goodFrom', 'passFrom'] as const).map((k) => (
          <label key={k}>
            {t(`scoring.${k}`)}
            <input value={grading[k]} size={4} onChange={(e) => onChange({ ...grading, [k]: e.target.value.trim() })} />
          </label>
        ))
      )}
    </>
  );
}
