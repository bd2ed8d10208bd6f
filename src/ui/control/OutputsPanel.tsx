import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { own } from '../../core/dict';
import type { Output } from '../../core/outputs';
import { useConnection, useView } from '../app/context';
import { HostError } from '../connection/client';
import { Modal } from '../shared/Modal';
import { useSend } from '../shared/useSend';
import { blankOutput, OutputEditor } from './OutputEditor';
import { OutputResultText } from './OutputResultText';

/** Where an output goes, in one line: `OSC 192.168.1.20:10023 /ch/01/mix/on 0`, `POST http://…`. */
const whereTo = (o: Output): string =>
  o.target.kind === 'osc' ? `OSC ${o.target.host}:${o.target.port} ${o.target.address} ${o.target.args.map((a) => a.value).join(' ')}`.trim() : `${o.target.method} ${o.target.url}`;

/** Ids for new outputs: random, so two control windows adding at once do not collide. */
const newId = () => `o${Array.from(crypto.getRandomValues(new Uint8Array(5)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * The meeting's outputs (signals to the mixer, Companion, any webhook): add, edit, switch on and
 * off, delete, and test each against its target, with what came of its last send.
 */
export function OutputsPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const outputs = useView((s) => s.meeting?.outputs ?? []);
  const results = useView((s) => s.outputResults);
  const notify = useView((s) => s.notify);
  const connection = useConnection();
  const send = useSend();
  const [editing, setEditing] = useState<Output | null>(null);

  const save = (list: Output[]) => send({ type: 'outputs.configure', outputs: list });
  const saveOne = (o: Output) => save(outputs.some((x) => x.id === o.id) ? outputs.map((x) => (x.id === o.id ? o : x)) : [...outputs, o]);
  const remove = (o: Output) => {
    if (window.confirm(t('outputs.removeConfirm', { name: o.name }))) void save(outputs.filter((x) => x.id !== o.id));
  };
  const test = (o: Output) =>
    void connection.testOutput(o.id).catch((err: Error) => notify(`${t(`errors.${err instanceof HostError ? err.code : 'unavailable'}`)}: ${err.message}`));

  return (
    <Modal title={t('outputs.title')} onClose={onClose} className="outputs-panel" testId="outputs-panel" closeButton>
      {/* While editing, the form has the room (a 720-pixel laptop screen shows it whole). */}
      {!editing && <p className="muted small">{t('outputs.intro')}</p>}
      {editing ? (
        <OutputEditor key={editing.id} output={editing} onSave={saveOne} onCancel={() => setEditing(null)} />
      ) : (
        <>
          {outputs.length === 0 && <p className="muted">{t('outputs.none')}</p>}
          <ul className="output-list">
            {outputs.map((o) => (
              <li key={o.id} className={o.enabled ? 'output-item' : 'output-item output-off'} data-testid="output-item">
                <div className="output-head">
                  <label className="check">
                    <input type="checkbox" checked={o.enabled} onChange={(e) => void save(outputs.map((x) => (x.id === o.id ? { ...x, enabled: e.target.checked } : x)))} aria-label={t('outputs.enabled')} />
                    <strong>{o.name}</strong>
                  </label>
                  <span className="spacer" />
                  <button type="button" className="action" onClick={() => test(o)} data-testid="output-test">
                    {t('outputs.test')}
                  </button>
                  <button type="button" className="action" onClick={() => setEditing(o)}>
                    {t('outputs.edit')}
                  </button>
                  <button type="button" className="action tone-danger" onClick={() => remove(o)}>
                    {t('outputs.delete')}
                  </button>
                </div>
                <code className="output-where">{whereTo(o)}</code>
                <div className="output-meta">
                  <span className="muted">{o.on.map((x) => t(`outputs.triggers.${x}`)).join(' · ')}</span>
                  <OutputResultText result={own(results, o.id)} />
                </div>
              </li>
            ))}
          </ul>
          <div className="dialog-buttons">
            <button type="button" className="action" onClick={() => setEditing(blankOutput('osc', newId()))} data-testid="add-osc">
              {t('outputs.addOsc')}
            </button>
            <button type="button" className="action" onClick={() => setEditing(blankOutput('http', newId()))} data-testid="add-http">
              {t('outputs.addHttp')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
