import { useTranslation } from 'react-i18next';
import type { HostAction } from '../../core/actions';
import { scoringTarget } from '../../core/actions';
import { isRecused } from '../../core/ballots';
import { own } from '../../core/dict';
import { slotById } from '../../core/queue';
import { canReveal } from '../../core/rules';
import { useView } from '../app/context';
import { ActionButton } from './ActionButton';

/**
 * Scoring at a glance for the host: the slot being scored, who has handed in a ballot and who has
 * not (names only: the scores stay with the clerk), opening and locking, and revealing results.
 */
export function ScoringPanel({ target, perform, token, onSetup }: { target: string | null; perform: (a: HostAction) => void; token: string; onSetup(): void }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  if (!meeting) return null;
  const slotId = scoringTarget(meeting, target);
  const slot = slotId ? slotById(meeting, slotId) : undefined;
  const window = slotId ? own(meeting.windows, slotId) : undefined;
  const expected = slot ? meeting.scoring.reviewers.filter((r) => !isRecused(r, slot.unit)) : [];
  const done = new Set(slotId ? (own(meeting.submitted, slotId) ?? []) : []);
  const missing = expected.filter((r) => !done.has(r.id));
  const result = meeting.results.find((r) => r.slotId === slotId);

  return (
    <section className="panel scoring-panel" aria-labelledby="scoring-title" data-testid="scoring-panel">
      <div className="panel-head">
        <h2 id="scoring-title">{t('scoring.title')}</h2>
        <button type="button" className="link" onClick={onSetup}>
          {t('scoring.setup')}
        </button>
        <a className="link" href={`/cards#token=${token}`} target="_blank" rel="noopener">
          {t('scoring.cards')}
        </a>
        <a className="link" href="/clerk" target="_blank" rel="noopener">
          {t('scoring.clerk')}
        </a>
      </div>
      {slot ? (
        <p>
          <strong>{slot.unit}</strong> <span className={`badge window-${window ?? 'none'}`}>{t(`clerk.window.${window ?? 'none'}`)}</span>{' '}
          <span className="tabular" data-testid="submitted-count">
            {t('scoring.submitted', { done: expected.length - missing.length, total: expected.length })}
          </span>
          {result?.final && <span className="muted"> · {t('scoring.unrevealed')}</span>}
        </p>
      ) : (
        <p className="muted">{t('scoring.noSlot')}</p>
      )}
      {slot && missing.length > 0 && (
        <p className="muted missing" data-testid="missing-reviewers">
          {t('clerk.missing')}{t('punct.colon')}{missing.map((r) => r.name).join('、')}
        </p>
      )}
      {!canReveal(meeting) && meeting.results.some((r) => r.final !== null) && (
        <p className="muted" data-testid="reveal-blocked">
          {t('scoring.revealBlocked')}
        </p>
      )}
      <div className="action-grid">
        <ActionButton name="openScoring" target={target} perform={perform} />
        <ActionButton name="lockScoring" target={target} perform={perform} />
        <ActionButton name="revealSlot" target={target} perform={perform} />
        <ActionButton name="revealNext" target={target} perform={perform} />
        <ActionButton name="revealAll" target={target} perform={perform} />
        <ActionButton name="hideResults" target={target} perform={perform} />
      </div>
    </section>
  );
}
