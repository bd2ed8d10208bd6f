import { useTranslation } from 'react-i18next';
import { isRecused } from '../../core/ballots';
import { own } from '../../core/dict';
import { agenda } from '../../core/queue';
import { useView } from '../app/context';
import { LanguageToggle } from '../shared/LanguageToggle';
import { useWakeLock } from '../shared/useWakeLock';
import { BallotCard } from './BallotCard';
import { PastBallots } from './PastBallots';
import { useOutbox } from './useOutbox';
import './review.css';

/**
 * A reviewer's phone: the slot now open for scoring, their ballot for it, and their own past
 * ballots. Works with one thumb at 390×844; a ballot submitted offline is sent when the host is back.
 */
export default function ReviewView({ storageKey }: { storageKey: string }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const outbox = useOutbox(`${storageKey}.outbox`);
  const me = meeting?.scoring.reviewers[0];
  // The phone stays awake while there is a ballot to fill in, and may sleep between speakers.
  useWakeLock(meeting !== null && me !== undefined && agenda(meeting).some((s) => own(meeting.windows, s.id) === 'open' && !isRecused(me, s.unit)));
  if (!meeting || !me) return null;

  const group = meeting.scoring.groups.find((g) => g.id === me.groupId);
  const slots = agenda(meeting);
  // Newest opening first: the speaker who just finished is the one the reviewer is scoring.
  const open = slots
    .filter((s) => own(meeting.windows, s.id) === 'open')
    .sort((a, b) => (own(meeting.openedAt, b.id) ?? 0) - (own(meeting.openedAt, a.id) ?? 0));
  const toScore = open.filter((s) => !isRecused(me, s.unit));
  const ownUnitOpen = open.some((s) => isRecused(me, s.unit));

  return (
    <div className="review-root">
      <header className="review-head">
        <div>
          <strong>{me.name}</strong>
          <span className="muted"> · {group?.name}</span>
        </div>
        <LanguageToggle />
      </header>
      <main>
        {toScore.length === 0 && <p className="review-wait">{ownUnitOpen ? t('review.ownUnit') : t('review.nothingOpen')}</p>}
        {toScore.map((slot) => (
          <BallotCard
            key={slot.id}
            slot={slot}
            rubric={meeting.scoring.rubric}
            mine={own(own(meeting.ballots, slot.id), me.id)}
            outbox={outbox}
            draftKey={`${storageKey}.draft.${slot.id}`}
          />
        ))}
        <PastBallots meeting={meeting} reviewerId={me.id} />
      </main>
    </div>
  );
}
