import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotFields } from '../../core/commands';
import { defaultPhases, speechPhase } from '../../core/meeting';
import type { PhaseSpec, Slot } from '../../core/meeting';
import { DialogButtons } from '../shared/DialogButtons';
import { Modal } from '../shared/Modal';
import { durationText, parseDuration } from './duration';

interface PhaseDraft {
  zh: string;
  en: string;
  duration: string;
  hard: boolean;
  warning: string;
  danger: string;
  sounds: boolean;
}

const toDraft = (p: PhaseSpec): PhaseDraft => ({
  zh: p.name.zh,
  en: p.name.en,
  duration: durationText(p.durationMs),
  hard: p.cutoff === 'hard',
  warning: p.warningMs === null ? '' : durationText(p.warningMs),
  danger: p.dangerMs === null ? '' : durationText(p.dangerMs),
  sounds: p.sounds,
});

/** A blank threshold means "none"; anything else must be a duration. */
function fromDraft(d: PhaseDraft): PhaseSpec | null {
  const durationMs = parseDuration(d.duration);
  const warningMs = d.warning.trim() === '' ? null : parseDuration(d.warning);
  const dangerMs = d.danger.trim() === '' ? null : parseDuration(d.danger);
  if (durationMs === null || (d.warning.trim() !== '' && warningMs === null) || (d.danger.trim() !== '' && dangerMs === null)) return null;
  return { name: { zh: d.zh.trim(), en: d.en.trim() }, durationMs, cutoff: d.hard ? 'hard' : 'soft', warningMs, dangerMs, sounds: d.sounds };
}

interface Props {
  slot: Slot | null;
  onSave(fields: SlotFields): Promise<boolean>;
  onRemove: (() => void) | null;
  onClose(): void;
}

/** Add or edit a speaker: unit, speaker, topic and each phase's timing rules. */
export function SlotEditor({ slot, onSave, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(slot?.unit ?? '');
  const [speaker, setSpeaker] = useState(slot?.speaker ?? '');
  const [topic, setTopic] = useState(slot?.topic ?? '');
  const [phases, setPhases] = useState<PhaseDraft[]>((slot?.phases ?? defaultPhases()).map(toDraft));
  const [error, setError] = useState<string | null>(null);


  const patch = (i: number, p: Partial<PhaseDraft>) => setPhases((all) => all.map((d, j) => (j === i ? { ...d, ...p } : d)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const specs = phases.map(fromDraft);
    if (specs.some((s) => s === null)) return setError(t('control.invalidDuration'));
    if (await onSave({ unit: unit.trim(), speaker: speaker.trim(), topic: topic.trim(), phases: specs as PhaseSpec[] })) onClose();
  };

  return (
    <Modal title={slot ? `${t('control.edit')}${t('punct.colon')}${slot.unit}` : t('control.addSlot')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('control.unit')}
          <input value={unit} onChange={(e) => setUnit(e.target.value)} required maxLength={60} autoFocus name="unit" />
        </label>
        <label>
          {t('control.speaker')}
          <input value={speaker} onChange={(e) => setSpeaker(e.target.value)} maxLength={60} name="speaker" />
        </label>
        <label>
          {t('control.topic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={200} name="topic" />
        </label>
        <fieldset>
          <legend>{t('control.phases')}</legend>
          {phases.map((p, i) => (
            <div className="phase-row" key={i}>
              <input aria-label={t('control.phaseName')} value={p.zh} onChange={(e) => patch(i, { zh: e.target.value })} required maxLength={60} />
              <input aria-label={t('control.phaseNameEn')} value={p.en} onChange={(e) => patch(i, { en: e.target.value })} maxLength={60} placeholder="English" />
              <label>
                {t('control.duration')}
                <input value={p.duration} onChange={(e) => patch(i, { duration: e.target.value })} size={5} name={`duration-${i}`} />
              </label>
              <label>
                {t('control.warningAt')}
                <input value={p.warning} onChange={(e) => patch(i, { warning: e.target.value })} size={5} />
              </label>
              <label>
                {t('control.dangerAt')}
                <input value={p.danger} onChange={(e) => patch(i, { danger: e.target.value })} size={5} />
              </label>
              <label>
                <input type="checkbox" checked={p.hard} onChange={(e) => patch(i, { hard: e.target.checked })} /> {t('control.hard')}
              </label>
              <label>
                <input type="checkbox" checked={p.sounds} onChange={(e) => patch(i, { sounds: e.target.checked })} /> {t('control.sounds')}
              </label>
              {phases.length > 1 && (
                <button type="button" className="link" onClick={() => setPhases((all) => all.filter((_, j) => j !== i))}>
                  {t('control.removePhase')}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="link" onClick={() => setPhases((all) => [...all, toDraft(speechPhase())])}>
            + {t('control.addPhase')}
          </button>
        </fieldset>
        <DialogButtons
          error={error}
          onCancel={onClose}
          start={
            onRemove && (
              <button type="button" className="action tone-danger" onClick={onRemove}>
                {t('control.remove')}
              </button>
            )
          }
        />
      </form>
    </Modal>
  );
}
