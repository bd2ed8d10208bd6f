import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../core/ballots';
import { own } from '../../core/dict';
import type { Slot } from '../../core/meeting';
import type { Rubric } from '../../core/scoring.setup';
import { draftProblem, draftTotal, emptyDraft, normalise, stepScore } from './ballot-draft';
import type { Draft } from './ballot-draft';
import { newSubmissionId } from './outbox';
import type { OutboxApi } from './useOutbox';

interface Props {
  slot: Slot;
  rubric: Rubric;
  mine: Ballot | undefined;
  outbox: OutboxApi;
  /** Where the half-typed ballot is kept, so a phone that reloads the page loses nothing. */
  draftKey: string;
}

const COMMENT_MAX = 500;

function loadDraft(key: string, rubric: Rubric, mine: Ballot | undefined): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    if (saved && Array.isArray(saved.scores) && saved.scores.length === rubric.criteria.length) return saved;
  } catch {
    // An unreadable draft is started afresh.
  }
  return mine ? { scores: mine.scores, comment: mine.comment } : emptyDraft(rubric);
}

/** One slot's ballot: a row per criterion with big −/+ buttons for one thumb, the running total, a comment, submit. */
export function BallotCard({ slot, rubric, mine, outbox, draftKey }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(draftKey, rubric, mine));
  const [tried, setTried] = useState(false);
  useEffect(() => localStorage.setItem(draftKey, JSON.stringify(draft)), [draftKey, draft]);

  const pending = own(outbox.pending, slot.id);
  const refused = own(outbox.refused, slot.id);
  const paced = own(outbox.paced, slot.id);
  const problem = draftProblem(rubric, draft);
  const setScore = (i: number, value: string) => setDraft((d) => ({ ...d, scores: d.scores.map((s, j) => (j === i ? value : s)) }));
  const submit = () => {
    setTried(true);
    if (problem) return;
    outbox.submit({ slotId: slot.id, submissionId: newSubmissionId(), scores: draft.scores.map(normalise), comment: draft.comment.trim() });
  };
  const unchanged = mine !== undefined && mine.comment === draft.comment.trim() && mine.scores.join() === draft.scores.map(normalise).join();

  return (
    <section className="ballot-card" aria-labelledby={`slot-${slot.id}`}>
      <header>
        <h2 id={`slot-${slot.id}`}>{slot.unit}</h2>
        <p className="muted">
          {slot.speaker}
          {slot.topic && ` · ${slot.topic}`}
        </p>
      </header>
      {rubric.criteria.map((c, i) => {
        const bad = tried && problem?.index === i;
        return (
          <div className={`criterion${bad ? ' bad' : ''}`} key={c.id}>
            <label htmlFor={`score-${slot.id}-${c.id}`}>
              {c.name} <span className="muted">0–{c.max}</span>
            </label>
            <div className="stepper">
              <button type="button" aria-label={t('review.less', { name: c.name })} onClick={() => setScore(i, stepScore(draft.scores[i] ?? '', rubric.step, c.max, -1))}>
                −
              </button>
              <input
                id={`score-${slot.id}-${c.id}`}
                inputMode="decimal"
                autoComplete="off"
               
                value={draft.scores[i] ?? ''}
                aria-invalid={bad}
                onChange={(e) => setScore(i, e.target.value)}
              />
              <button type="button" aria-label={t('review.more', { name: c.name })} onClick={() => setScore(i, stepScore(draft.scores[i] ?? '', rubric.step, c.max, 1))}>
                +
              </button>
            </div>
            {bad && <p className="field-error">{t(`review.problem.${problem.message}`, { max: c.max, step: rubric.step })}</p>}
          </div>
        );
      })}
      <label className="comment">
        {t('review.comment')}
        <textarea maxLength={COMMENT_MAX} rows={3} value={draft.comment} onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))} />
        <span className="muted counter">
          {draft.comment.length}/{COMMENT_MAX}
        </span>
      </label>
      {mine && unchanged && !pending && !refused && !paced ? (
        // The reviewer must see at a glance, phone at arm's length, that the ballot is in.
        <div className="ballot-done" role="status" data-testid="ballot-status">
          <strong>{t('review.submitted')}</strong>
          <span>{t('review.received')}</span>
        </div>
      ) : (
        <p className="ballot-status" role="status" data-testid="ballot-status">
          {refused
            ? t('review.refused', { reason: refused })
            : paced
              ? t('review.paced', { seconds: paced })
              : pending
                ? t('review.waiting')
                : mine
                  ? t('review.changed')
                  : ''}
        </p>
      )}
      <div className="submit-bar">
        <div>
          <span className="muted">{t('review.total')}</span> <strong className="tabular total" data-testid="total">{draftTotal(draft)}</strong>
        </div>
        <button type="button" className="primary" onClick={submit} disabled={unchanged && !pending}>
          {mine ? t('review.update') : t('review.submit')}
        </button>
      </div>
    </section>
  );
}
