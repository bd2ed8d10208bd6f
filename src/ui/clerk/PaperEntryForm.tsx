import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isRecused } from '../../core/ballots';
import type { Slot } from '../../core/meeting';
import type { ScoringSetup } from '../../core/scoring.setup';
import type { Command } from '../../core/commands';
import { draftProblem, draftTotal, emptyDraft, normalise } from '../review/ballot-draft';
import { newSubmissionId } from '../review/outbox';

/**
 * Types in one paper ballot. A second, blind typing-in of the same ballot (by another person, or
 * later) confirms it: the form never shows what was typed before.
 */
export function PaperEntryForm({ slot, scoring, send }: { slot: Slot; scoring: ScoringSetup; send(command: Command): Promise<boolean> }) {
  const { t } = useTranslation();
  const eligible = scoring.reviewers.filter((r) => !isRecused(r, slot.unit));
  const [reviewerId, setReviewerId] = useState('');
  const [draft, setDraft] = useState(() => emptyDraft(scoring.rubric));
  const [error, setError] = useState<string | null>(null);
  const problem = draftProblem(scoring.rubric, draft);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reviewerId) return setError(t('clerk.pickReviewer'));
    if (problem) return setError(t(`review.problem.${problem.message}`, { max: scoring.rubric.criteria[problem.index ?? 0]?.max ?? '', step: scoring.rubric.step }));
    const ok = await send({ type: 'paper.enter', slotId: slot.id, reviewerId, entryId: newSubmissionId(), scores: draft.scores.map(normalise), comment: draft.comment.trim() });
    if (ok) {
      setDraft(emptyDraft(scoring.rubric));
      setReviewerId('');
      setError(null);
    }
  };

  return (
    <form className="paper-form" onSubmit={(e) => void submit(e)} aria-label={t('clerk.paper')}>
      <h3>{t('clerk.paper')}</h3>
      <p className="muted">{t('clerk.paperHint')}</p>
      <label>
        {t('clerk.reviewer')}
        <select value={reviewerId} onChange={(e) => setReviewerId(e.target.value)} data-testid="paper-reviewer">
          <option value="">—</option>
          {eligible.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {scoring.rubric.criteria.map((c, i) => (
        <label key={c.id}>
          {c.name} <span className="muted">0–{c.max}</span>
          <input
            inputMode="decimal"
            autoComplete="off"
            value={draft.scores[i] ?? ''}
            onChange={(e) => setDraft((d) => ({ ...d, scores: d.scores.map((s, j) => (j === i ? e.target.value : s)) }))}
          />
        </label>
      ))}
      <label className="wide">
        {t('review.comment')}
        <textarea maxLength={500} rows={2} value={draft.comment} onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))} />
      </label>
      <div className="paper-submit">
        <span>
          {t('review.total')} <strong className="tabular">{draftTotal(draft)}</strong>
        </span>
        <button type="submit" className="primary">
          {t('clerk.enter')}
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
