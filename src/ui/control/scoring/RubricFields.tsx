import { useTranslation } from 'react-i18next';
import { rubricPresets } from '../../../core/scoring.setup';
import type { Rubric } from '../../../core/scoring.setup';
import { currentLang } from '../../i18n';

/** The rubric: one total out of 100 or the four criteria, and the step a score moves by. */
export function RubricFields({ rubric, onChange }: { rubric: Rubric; onChange(rubric: Rubric): void }) {
  const { t, i18n } = useTranslation();
  // A preset chosen now is named in the language of the screen it is chosen on.
  const presets = rubricPresets(currentLang(i18n.language));
  return (
    <fieldset>
      <legend>{t('report.rubric')}</legend>
      <label>
        {t('scoring.preset')}
        <select
          value={rubric.criteria.length === 4 ? 'four' : 'total'}
          onChange={(e) => onChange({ ...presets[e.target.value as keyof typeof presets], step: rubric.step })}
          data-testid="rubric-preset"
        >
          <option value="total">{t('scoring.presetTotal')}</option>
          <option value="four">{t('scoring.presetFour')}</option>
        </select>
      </label>
      <label>
        {t('scoring.step')}
        <select value={rubric.step} onChange={(e) => onChange({ ...rubric, step: e.target.value as '0.5' | '1' })}>
          <option value="0.5">0.5</option>
          <option value="1">1</option>
        </select>
      </label>
      <span className="muted">{rubric.criteria.map((c) => `${c.name} ${c.max}`).join(t('punct.list'))}</span>
    </fieldset>
  );
}
