import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../core/commands';
import type { ScoringChange } from '../../core/state';

/**
 * A locked slot opens again only with a reason, said here and recorded (the host keeps it with
 * who and when, and the report prints it); the slot's earlier reopenings are listed below.
 */
export function ReopenForm({ slotId, unit, locked, changes, send }: { slotId: string; unit: string; locked: boolean; changes: ScoringChange[]; send(c: Command): Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const mine = changes.filter((c) => c.kind === 'reopened' && c.slotId === slotId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await send({ type: 'scoring.reopen', slotId, reason: reason.trim() })) {
      setAsking(false);
      setReason('');
    }
  };
  return (
    <div className="reopen" data-testid="reopen">
      {!locked ? null : asking ? (
        <form onSubmit={(e) => void submit(e)}>
          <label>
            {t('clerk.reopenReason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} maxLength={300} required autoFocus />
          </label>
          <button type="submit">{t('clerk.reopenConfirm')}</button>
        </form>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t('clerk.reopen')}
        </button>
      )}
      {mine.map((c) => (
        <p key={c.seq} className="muted">
          {t('report.reopened', { time: new Date(c.wall).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }), role: t(`report.roles.${c.role}`), reason: c.reason, unit })}
        </p>
      ))}
    </div>
  );
}
