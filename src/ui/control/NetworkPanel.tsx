import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterfaceChoice, NetworkProblem, NetworkSetting, NetworkStatus } from '../../core/network';
import { useView } from '../app/context';
import { Modal } from '../shared/Modal';
import { HostRunsWarning } from './HostRunsWarning';
import { IntegrationPanel } from './IntegrationPanel';

const CHOICES: InterfaceChoice[] = ['wifi', 'cable', 'all'];

/** A problem with the network, in the person's language. */
export function ProblemText({ problem }: { problem: NetworkProblem }) {
  const { t } = useTranslation();
  switch (problem.code) {
    case 'port-taken':
      return <>{t('network.portTaken', { wanted: problem.wanted, got: problem.got })}</>;
    case 'interface-missing':
      return <>{t('network.interfaceMissing', { interface: t(`network.${problem.interface}`) })}</>;
    case 'not-applied':
      return <>{t('network.notApplied', { message: problem.message })}</>;
    default:
      return problem satisfies never;
  }
}

/**
 * Who may reach the meeting: the LAN on or off, through which interface, on which port; and the
 * addresses (with QR codes) phones and a stage monitor elsewhere use. A change moves the host's
 * listener, never the meeting; open screens reconnect by themselves.
 */
export function NetworkPanel({ token, onClose }: { token: string; onClose(): void }) {
  const { t } = useTranslation();
  const network = useView((s) => s.network);
  // A host started on "any free port" (port 0) offers the port it got.
  const initial = network ? { ...network.setting, port: network.setting.port || network.port } : null;
  // What the person has changed, else the setting as it is.
  const [edited, setDraft] = useState<NetworkSetting | null>(null);
  const draft = edited ?? initial;
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const apply = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setMessage(null);
    const res = await fetch('/api/v1/network', {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    }).catch(() => null);
    const data = (await res?.json().catch(() => null)) as (NetworkStatus & { message?: string }) | null;
    if (res?.ok) setMessage({ error: false, text: t('network.applied') });
    else setMessage({ error: true, text: data?.message ?? res?.statusText ?? t('errors.unavailable') });
  };

  return (
    <Modal title={t('network.title')} onClose={onClose} className="network-panel" testId="network-panel" closeButton>
      <HostRunsWarning />
      {network?.problems.map((p, i) => (
        <p className="form-error" role="alert" key={i}>
          <ProblemText problem={p} />
        </p>
      ))}
      {network && draft && (
        <form onSubmit={(e) => void apply(e)}>
          <label className="check">
            <input type="checkbox" checked={draft.lan} onChange={(e) => setDraft({ ...draft, lan: e.target.checked })} data-testid="lan" /> {t('network.lan')}
          </label>
          <fieldset className="choices" disabled={!draft.lan}>
            <legend>{t('network.interface')}</legend>
            {CHOICES.map((choice) => {
              const found = network.interfaces.filter((i) => choice === 'all' || i.kind === choice);
              return (
                <label key={choice} className="check">
                  <input type="radio" name="interface" checked={draft.interface === choice} onChange={() => setDraft({ ...draft, interface: choice })} /> {t(`network.${choice}`)}{' '}
                  <span className="muted">{found.length ? found.map((i) => `${i.name} ${i.address}`).join(', ') : t('network.none')}</span>
                </label>
              );
            })}
          </fieldset>
          <div className="dialog-buttons">
            <label className="port">
              {t('network.port')}
              <input type="number" min={1} max={65535} value={draft.port} onChange={(e) => setDraft({ ...draft, port: Number(e.target.value) })} data-testid="port" />
            </label>
            <span className="spacer" />
            <button type="submit" className="action tone-primary">
              {t('network.apply')}
            </button>
          </div>
          {message && (
            <p className={message.error ? 'form-error' : 'muted'} role="status">
              {message.text}
            </p>
          )}
          <p className="muted small">
            {network.remembered ? t('network.remembered') : t('network.fromFlags', { interface: network.setting.interface, port: network.setting.port })} {t('network.firewall')}
          </p>
        </form>
      )}
      {network && !network.setting.lan && <p className="muted">{t('network.off')}</p>}
      <div className="lan-addresses">
        {network?.lan.map((l) => (
          <div className="lan-address" key={l.origin} data-testid="lan-address">
            <figure>
              <div className="qr" dangerouslySetInnerHTML={{ __html: l.phoneQr }} />
              <figcaption>
                <strong>{t('network.phone')}</strong>
                <code>{l.phoneUrl}</code>
                <span className="muted">{t('network.phoneHint')}</span>
              </figcaption>
            </figure>
            <figure>
              <div className="qr" dangerouslySetInnerHTML={{ __html: l.stageQr }} />
              <figcaption>
                <strong>{t('network.stage')}</strong>
                <code>{l.stageUrl.split('#')[0]}</code>
              </figcaption>
            </figure>
          </div>
        ))}
      </div>
      {network && <IntegrationPanel token={token} network={network} />}
    </Modal>
  );
}
