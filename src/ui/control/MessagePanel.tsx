import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostAction } from '../../core/actions';
import { messageActive, parsePresetLines, presetLines } from '../../core/speaker-message';
import type { MessageTarget } from '../../core/speaker-message';
import type { LocalText } from '../../core/meeting';
import { mono } from '../../core/time';
import { useConnection, useView } from '../app/context';
import { local } from '../shared/local-text';
import { useFrame } from '../shared/useFrame';
import { useSend } from '../shared/useSend';
import { ActionButton } from './ActionButton';

const TARGETS: MessageTarget[] = ['stage', 'display', 'both'];

/**
 * Messages to the speaker (presets or typed), where they show, for how long, and the projector's
 * blackout for a break. Keys 1–3 send the first presets on both screens until hidden.
 */
export function MessagePanel({ target: selected, perform }: { target: string | null; perform: (a: HostAction) => void }) {
  const { t, i18n } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const notify = useView((s) => s.notify);
  const connection = useConnection();
  const send = useSend();
  const [where, setWhere] = useState<MessageTarget>('both');
  const [flash, setFlash] = useState(false);
  const [seconds, setSeconds] = useState('');
  const [free, setFree] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  // Re-render once when a timed message runs out, so the status line says so.
  const [active, setActive] = useState(false);
  useFrame(() => {
    const now = messageActive(meeting?.message ?? null, mono(connection.hostNow()));
    if (now !== active) setActive(now);
  });
  if (!meeting) return null;

  const show = (text: LocalText) => {
    const s = seconds.trim() === '' ? null : Number(seconds);
    if (s !== null && !(Number.isInteger(s) && s >= 1 && s <= 600)) return notify(t('message.secondsInvalid'));
    void send({ type: 'message.show', text, target: where, flash, durationMs: s === null ? null : s * 1000 });
  };
  const sendFree = () => {
    const text = free.trim();
    if (text === '') return;
    if (text.length > 80) return notify(t('message.tooLong'));
    show({ zh: text, en: '' });
    setFree('');
  };
  const savePresets = async () => {
    if (editing !== null && (await send({ type: 'message.presets', presets: parsePresetLines(editing) }))) setEditing(null);
  };
  const message = meeting.message;
  const status = message === null ? t('message.none') : active ? t('message.showing', { text: local(message.text, i18n.language), where: t(`message.targets.${message.target}`) }) : t('message.expired', { text: local(message.text, i18n.language) });

  return (
    <section className="panel message-panel" aria-labelledby="message-title" data-testid="message-panel">
      <h2 id="message-title">{t('message.title')}</h2>
      {meeting.blackout && (
        <p className="blackout-note" role="status">
          {t('message.blackoutOn')}
        </p>
      )}
      <p className="message-status" data-testid="message-status">
        {status}
      </p>
      <div className="message-presets" aria-label={t('message.presets')}>
        {meeting.messagePresets.map((p, i) => (
          <button key={i} type="button" className="action" onClick={() => show(p)}>
            <span>{local(p, i18n.language)}</span>
            {i < 3 && <kbd>{i + 1}</kbd>}
          </button>
        ))}
      </div>
      <form
        className="message-free"
        onSubmit={(e) => {
          e.preventDefault();
          sendFree();
        }}
      >
        <input aria-label={t('message.free')} placeholder={t('message.freePlaceholder')} value={free} maxLength={80} onChange={(e) => setFree(e.target.value)} />
        <button type="submit" className="action tone-primary" disabled={free.trim() === ''}>
          {t('message.show')}
        </button>
      </form>
      <div className="message-options">
        <fieldset>
          <legend>{t('message.target')}</legend>
          {TARGETS.map((x) => (
            <label key={x}>
              <input type="radio" name="message-target" checked={where === x} onChange={() => setWhere(x)} /> {t(`message.targets.${x}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={flash} onChange={(e) => setFlash(e.target.checked)} /> {t('message.flash')}
        </label>
        <label>
          {t('message.seconds')} <input type="number" min={1} max={600} inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} className="message-seconds" />
        </label>
      </div>
      <div className="message-actions">
        <ActionButton name="hideMessage" target={selected} perform={perform} />
        <ActionButton name="blackout" target={selected} perform={perform} tone={meeting.blackout ? 'primary' : 'plain'} />
        <button type="button" className="link" onClick={() => setEditing(editing === null ? presetLines(meeting.messagePresets) : null)}>
          {t('message.editPresets')}
        </button>
      </div>
      {editing !== null && (
        <div className="message-edit">
          <textarea aria-label={t('message.editPresets')} rows={4} value={editing} onChange={(e) => setEditing(e.target.value)} />
          <p className="muted">{t('message.presetsHelp')}</p>
          <button type="button" className="action tone-primary" onClick={() => void savePresets()}>
            {t('message.savePresets')}
          </button>
        </div>
      )}
    </section>
  );
}
