import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OutputOutcome, OutputResult } from '../../core/outputs';

/** HH:MM:SS: a cue's result is read to the second (did the mute go out at 0:00?). */
const time = (wall: number) => new Date(wall).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Why a send failed, in the host's language. */
function why(outcome: Exclude<OutputOutcome, { kind: 'sent' }>, t: TFunction): string {
  switch (outcome.kind) {
    case 'refused':
      return t('outputs.why.refused');
    case 'timeout':
      return t('outputs.why.timeout', { seconds: +(outcome.afterMs / 1000).toFixed(1) });
    case 'http':
      return `HTTP ${outcome.status}`;
    case 'not-found':
      return t('outputs.why.notFound');
    case 'dropped':
      return t('outputs.why.dropped', { count: outcome.count });
    case 'error':
      return outcome.message;
    default:
      return outcome satisfies never;
  }
}

/** An output's last result: sent at 14:05:09 (HTTP 200), or failed at … and why; nothing yet. */
export function OutputResultText({ result }: { result: OutputResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return <span className="muted">{t('outputs.notYet')}</span>;
  const at = time(result.wall);
  const on = result.trigger === 'test' ? t('outputs.test') : t(`outputs.triggers.${result.trigger}`);
  const { outcome } = result;
  if (outcome.kind === 'sent') {
    return (
      <span className="output-sent" data-testid="output-result">
        {t('outputs.sentAt', { time: at, on })}
        {outcome.status !== undefined && ` · HTTP ${outcome.status}`}
      </span>
    );
  }
  return (
    <span className="output-failed" role="status" data-testid="output-result">
      {t('outputs.failedAt', { time: at, on, why: why(outcome, t) })}
    </span>
  );
}
