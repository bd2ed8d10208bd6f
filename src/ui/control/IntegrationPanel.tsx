import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationStatus } from '../../core/integration';
import type { NetworkStatus } from '../../core/network';

type Reply = { ok: true } | { ok: false; text: string };

/**
 * The integration key for control surfaces (Stream Deck, Companion, a script on the LAN): made,
 * shown as plain text with a copy button, and revoked here. Shows where to send HTTP and OSC, and
 * what the OSC input refused last. The host enforces what the key may do; this only hands it out.
 */
export function IntegrationPanel({ token, network }: { token: string; network: NetworkStatus }) {
  const { t, i18n } = useTranslation();
  const status: IntegrationStatus = network.integration;
  const [said, setSaid] = useState<{ error: boolean; text: string } | null>(null);
  const [port, setPort] = useState<number | null>(null);
  const shownPort = port ?? status.oscPort;
  const origin = network.lan[0]?.origin ?? window.location.origin;

  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).catch(() => null);
    if (res?.ok) return { ok: true };
    const data = (await res?.json().catch(() => null)) as { message?: string } | null;
    return { ok: false, text: data?.message ?? res?.statusText ?? t('errors.unavailable') };
  };
  const act = async (method: string, path: string, done: string, body?: unknown) => {
    setSaid(null);
    const reply = await call(method, path, body);
    setSaid(reply.ok ? { error: false, text: done } : { error: true, text: reply.text });
  };
  const copy = async (key: string) => {
    const ok = await navigator.clipboard?.writeText(key).then(
      () => true,
      () => false,
    );
    setSaid(ok ? { error: false, text: t('integration.copied') } : { error: true, text: t('integration.copyFailed') });
  };
  const savePort = (e: FormEvent) => {
    e.preventDefault();
    void act('PUT', '/api/v1/integration', t('network.applied'), { oscPort: shownPort });
  };
  const last = status.lastError;

  return (
    <section className="integration" aria-labelledby="integration-title" data-testid="integration">
      <h3 id="integration-title">{t('integration.title')}</h3>
      {status.key === null ? (
        <>
          <p className="muted">{t('integration.off')}</p>
          <button type="button" className="action tone-primary" onClick={() => void act('POST', '/api/v1/integration/key', t('integration.created'))} data-testid="integration-create">
            {t('integration.create')}
          </button>
        </>
      ) : (
        <>
          <p className="muted small">{t('integration.allowed')}</p>
          <div className="integration-key">
            <label htmlFor="integration-key">{t('integration.key')}</label>
            <input id="integration-key" readOnly value={status.key} onFocus={(e) => e.target.select()} data-testid="integration-key" spellCheck={false} />
            <button type="button" className="action" onClick={() => void copy(status.key ?? '')} data-testid="integration-copy">
              {t('integration.copy')}
            </button>
          </div>
          <p className="small">
            <code>{t('integration.http', { origin })}</code>
          </p>
          <p className="small">{t('integration.osc', { port: status.listening ?? status.oscPort })}</p>
          {!network.setting.lan && <p className="muted small">{t('integration.lanOnly')}</p>}
          <form className="dialog-buttons integration-buttons" onSubmit={savePort}>
            <label className="port">
              {t('integration.oscPort')}
              <input type="number" min={1} max={65535} value={shownPort} onChange={(e) => setPort(Number(e.target.value))} data-testid="osc-port" />
            </label>
            <button type="submit" className="action">
              {t('network.apply')}
            </button>
            <span className="spacer" />
            <button type="button" className="action" onClick={() => void act('POST', '/api/v1/integration/key', t('integration.created'))}>
              {t('integration.replace')}
            </button>
            <button type="button" className="action tone-danger" onClick={() => void act('DELETE', '/api/v1/integration/key', t('integration.revoked'))} data-testid="integration-revoke">
              {t('integration.revoke')}
            </button>
          </form>
          {status.problem !== null && (
            <p className="form-error" role="alert">
              {t('integration.oscProblem', { problem: status.problem })}
            </p>
          )}
          <p className="muted small" data-testid="osc-counts">
            {status.listening === null ? t('integration.oscOff') : t('integration.counts', { received: status.received, accepted: status.accepted, refused: status.refused })}
          </p>
          {last && (
            <p className="form-error small" data-testid="osc-last-error">
              {t('integration.lastError', {
                time: new Date(last.wall).toLocaleTimeString(i18n.language),
                from: last.from,
                reason: t(`integration.reasons.${last.reason}`),
                message: last.message,
              })}
            </p>
          )}
        </>
      )}
      {said && (
        <p className={said.error ? 'form-error' : 'muted'} role="status" data-testid="integration-said">
          {said.text}
        </p>
      )}
    </section>
  );
}
