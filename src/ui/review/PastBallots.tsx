import { useTranslation } from 'react-i18next';
import { ballotTotal } from '../../core/ballots';
import { own } from '../../core/dict';
import { agenda } from '../../core/queue';
import type { ViewState } from '../../core/views';

/** The reviewer's own ballots so far, newest last; nobody else's ever reaches this phone. */
export function PastBallots({ meeting, reviewerId }: { meeting: ViewState; reviewerId: string }) {
  const { t } = useTranslation();
  const mine = agenda(meeting).flatMap((slot) => {
    const b = own(own(meeting.ballots, slot.id), reviewerId);
    return b ? [{ slot, total: ballotTotal(b.scores).toString(), locked: own(meeting.windows, slot.id) === 'locked' }] : [];
  });
  if (mine.length === 0) return null;
  return (
    <section className="past">
      <h2>{t('review.past')}</h2>
      <ul>
        {mine.map(({ slot, total, locked }) => (
          <li key={slot.id}>
            <span>{slot.unit}</span>
            <span className="tabular">{total}</span>
            <span className="muted">{locked ? t('review.locked') : t('review.changeable')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
