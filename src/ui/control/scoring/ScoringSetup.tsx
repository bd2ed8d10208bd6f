import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { firstIssue } from '../../../core/issues';
import { ScoringSetupSchema } from '../../../core/scoring.setup';
import type { ScoringSetup as Setup } from '../../../core/scoring.setup';
import { DialogButtons } from '../../shared/DialogButtons';
import { Modal } from '../../shared/Modal';
import { GradingFields } from './GradingFields';
import { GroupWeights } from './GroupWeights';
import { ReviewerRoster } from './ReviewerRoster';
import { RubricFields } from './RubricFields';
import { RulesFields } from './RulesFields';

interface Props {
  scoring: Setup;
  units: string[];
  token: string;
  /** Ballots are in: the rules are frozen, and changing them needs a reason (it goes into the report). */
  frozen: boolean;
  onSave(scoring: Setup, reason: string | null): Promise<boolean>;
  onClose(): void;
}

/**
 * The meeting's scoring rules, edited as one draft and saved as one command: rubric, groups and
 * weights, reviewers, counting rules, grades. Each part is a file of its own beside this one.
 */
export function ScoringSetup({ scoring, units, token, frozen, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Setup>(scoring);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const setRules = (p: Partial<Setup['rules']>) => setDraft((d) => ({ ...d, rules: { ...d.rules, ...p } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = ScoringSetupSchema.safeParse(draft);
    if (!parsed.success) {
      const { path, message } = firstIssue(parsed.error);
      return setError(path ? `${path}: ${message}` : message);
    }
    if (await onSave(parsed.data, frozen && reason.trim() !== '' ? reason.trim() : null)) onClose();
  };

  return (
    <Modal title={t('scoring.setupTitle')} onClose={onClose} className="scoring-setup">
      <form onSubmit={(e) => void submit(e)}>
        {frozen && (
          <p className="form-note" role="note" data-testid="rules-frozen">
            {t('scoring.frozen')}
          </p>
        )}
        <RubricFields rubric={draft.rubric} onChange={(rubric) => setDraft((d) => ({ ...d, rubric }))} />
        <GroupWeights groups={draft.groups} onChange={(groups) => setDraft((d) => ({ ...d, groups }))} />
        <ReviewerRoster reviewers={draft.reviewers} groups={draft.groups} units={units} token={token} onChange={(reviewers) => setDraft((d) => ({ ...d, reviewers }))} />
        <fieldset>
          <legend>{t('report.rules')}</legend>
          <RulesFields rules={draft.rules} groups={draft.groups} onChange={setRules} />
          <GradingFields grading={draft.rules.grading} onChange={(grading) => setRules({ grading })} />
        </fieldset>
        {frozen && (
          <label className="reason">
            {t('scoring.reason')}
            <textarea value={reason} rows={2} maxLength={300} onChange={(e) => setReason(e.target.value)} data-testid="rules-reason" />
          </label>
        )}
        <DialogButtons error={error} onCancel={onClose} />
      </form>
    </Modal>
  );
}
