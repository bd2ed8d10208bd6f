import { useTranslation } from 'react-i18next';
import { ballotTotal } from '../../core/ballots';
import type { TallyLine } from '../../core/paper';
import type { Reviewer, ReviewerGroup } from '../../core/scoring.setup';
import type { Command } from '../../core/commands';

interface Props {
  slotId: string;
  lines: TallyLine[];
  reviewers: Reviewer[];
  groups: ReviewerGroup[];
  send(command: Command): void;
}

/** Every ballot for the slot, phone and paper, what counts and what is held back and why. */
export function TallyTable({ slotId, lines, reviewers, groups, send }: Props) {
  const { t } = useTranslation();
  const name = (id: string) => reviewers.find((r) => r.id === id)?.name ?? id;
  const group = (id: string) => groups.find((g) => g.id === reviewers.find((r) => r.id === id)?.groupId)?.name ?? '';
  if (lines.length === 0) return <p className="muted">{t('clerk.noBallots')}</p>;
  return (
    <table className="tally" data-testid="tally">
      <thead>
        <tr>
          <th>{t('clerk.reviewer')}</th>
          <th>{t('clerk.group')}</th>
          <th>{t('clerk.source')}</th>
          <th>{t('clerk.scores')}</th>
          <th>{t('review.total')}</th>
          <th>{t('review.comment')}</th>
          <th>{t('clerk.state')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.reviewerId}/${l.source}`} className={l.counted ? '' : 'held'}>
            <td>{name(l.reviewerId)}</td>
            <td className="muted">{group(l.reviewerId)}</td>
            <td>{t(`clerk.sources.${l.source}`)}</td>
            <td className="tabular">
              {l.source === 'paper' ? l.entries.map((e) => <div key={e.entryId}>{e.scores.join(' / ')}</div>) : l.scores.join(' / ')}
            </td>
            <td className="tabular strong">{ballotTotal(l.scores).toString()}</td>
            <td className="comment-cell">{l.comment}</td>
            <td>
              {l.flag ? <span className={`flag-badge flag-${l.flag}`}>{t(`clerk.flags.${l.flag}`)}</span> : <span className="ok-badge">{t('clerk.counted')}</span>}
              {l.source === 'paper' &&
                l.flag !== null &&
                l.entries.map((e, i) => (
                  <button type="button" className="link" key={e.entryId} onClick={() => send({ type: 'paper.discard', slotId, reviewerId: l.reviewerId, entryId: e.entryId })}>
                    {t('clerk.discardEntry', { n: i + 1 })}
                  </button>
                ))}
              {l.source === 'phone' && l.flag === 'conflict' && (
                <button type="button" className="link" onClick={() => send({ type: 'ballot.void', slotId, reviewerId: l.reviewerId })}>
                  {t('clerk.voidPhone')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
