import { useTranslation } from 'react-i18next';
import type { AudioOutput } from '../../core/state';
import { useConnection, useView } from '../app/context';
import { useSend } from '../shared/useSend';

const OUTPUTS: AudioOutput[] = ['display', 'stage', 'control'];

/** Volume, mute, which screens ring, and a test chime to check the hall's speakers before starting. */
export function AudioPanel() {
  const { t } = useTranslation();
  const audio = useView((s) => s.meeting?.audio);
  const send = useSend();
  const connection = useConnection();
  const notify = useView((s) => s.notify);
  if (!audio) return null;
  const toggle = (o: AudioOutput) =>
    void send({ type: 'audio.set', outputs: audio.outputs.includes(o) ? audio.outputs.filter((x) => x !== o) : [...audio.outputs, o] });
  return (
    <section className="panel audio" aria-labelledby="audio-title">
      <h2 id="audio-title">{t('control.audio')}</h2>
      <label className="row">
        <span>{t('control.volume')}</span>
        <input
          type="range"
          min={0}
          max={100}
          defaultValue={Math.round(audio.volume * 100)}
          key={audio.volume}
          onPointerUp={(e) => void send({ type: 'audio.set', volume: Number(e.currentTarget.value) / 100 })}
          onKeyUp={(e) => void send({ type: 'audio.set', volume: Number(e.currentTarget.value) / 100 })}
        />
      </label>
      <div className="row">
        <button type="button" className="action" aria-pressed={audio.muted} onClick={() => void send({ type: 'audio.set', muted: !audio.muted })}>
          {audio.muted ? t('control.muted') : t('control.soundOn')}
        </button>
        <button type="button" className="action" onClick={() => connection.testCue().catch((e: Error) => notify(e.message))}>
          {t('control.test')}
        </button>
      </div>
      <fieldset className="row">
        <legend>{t('control.outputs')}</legend>
        {OUTPUTS.map((o) => (
          <label key={o}>
            <input type="checkbox" checked={audio.outputs.includes(o)} onChange={() => toggle(o)} /> {t(`control.output.${o}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
