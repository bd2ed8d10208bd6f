import { useTranslation } from 'react-i18next';
import type { Command } from '../../core/commands';
import { own } from '../../core/dict';
import type { ViewState } from '../../core/views';

const time = (wall: number) => new Date(wall).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Which phone holds each reviewer's card. A card works on the first phone that opens it; when a
 * reviewer changes phone (or the host's copy of a card was opened somewhere), the clerk releases
 * it here and the next phone to open it takes it. Each release is recorded in the audit log.
 */
export function CardClaims({ meeting, send }: { meeting: ViewState; send(command: Command): void }) {
  const { t } = useTranslation();
  const { reviewers, groups } = meeting.scoring;
  return (
    <table className="card-claims" data-testid="card-claims">
      <thead>
        <tr>
          <th>{t('clerk.reviewer')}</th>
          <th>{t('clerk.group')}</th>
          <th>{t('clerk.phone')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {reviewers.map((r) => {
          const claim = own(meeting.claims, r.id);
          return (
            <tr key={r.id} data-testid={`claim-${r.id}`}>
              <td>{r.name}</td>
              <td>{groups.find((g) => g.id === r.groupId)?.name}</td>
              <td className="tabular">{claim ? t('clerk.claimedBy', { device: claim.device, time: time(claim.wall) }) : <span className="muted">{t('clerk.unclaimed')}</span>}</td>
              <td>
                {claim && (
                  <button type="button" onClick={() => send({ type: 'card.release', reviewerId: r.id })}>
                    {t('clerk.release')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
