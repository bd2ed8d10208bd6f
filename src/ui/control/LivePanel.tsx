import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostAction } from '../../core/actions';
import { own } from '../../core/dict';
import type { Stage } from '../../core/phase-clock';
import { formatCountdown } from '../../core/time';
import { useConnection, useView } from '../app/context';
import { StageIcon } from '../display/StageIcon';
import { frameAt, livePhaseOf } from '../shared/live-phase';
import { local } from '../shared/local-text';
import { useFrame } from '../shared/useFrame';
import { ActionButton } from './ActionButton';

/** Who is at the lectern, their clock, and every timer action with its shortcut. */
export function LivePanel({ target, perform }: { target: string | null; perform: (a: HostAction) => void }) {
  const { t, i18n } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const connection = useConnection();
  const digits = useRef<HTMLSpanElement>(null);
  const [stage, setStage] = useState<Stage>('ready');
  const phase = meeting && livePhaseOf(meeting);

  useFrame(() => {
    if (!phase) return;
    const frame = frameAt(phase, connection.hostNow());
    if (digits.current && digits.current.textContent !== frame.text) digits.current.textContent = frame.text;
    if (frame.stage !== stage) setStage(frame.stage);
  });

  const record = phase && own(meeting?.records, phase.slot.id)?.find((r) => r.phaseIndex === phase.live.phaseIndex);
  return (
    <section className={`panel live-panel control-stage-${phase ? stage : 'idle'}`} aria-labelledby="live-title" data-testid="live-panel">
      <h2 id="live-title">
        {phase ? (
          <>
            <span className="live-unit">{phase.slot.unit}</span> <span className="muted">{phase.slot.speaker}</span>
          </>
        ) : (
          t(meeting && Object.values(meeting.status).every((s) => s !== 'waiting') ? 'control.finished' : 'control.idle')
        )}
      </h2>
      {phase && (
        <div className="live-clock">
          <span className="live-phase-name">
            {local(phase.spec.name, i18n.language)} · {phase.live.phaseIndex + 1}/{phase.slot.phases.length}
          </span>
          <span className="live-digits tabular" ref={digits} data-testid="control-digits" />
          <span className="live-stage">
            <StageIcon stage={stage} /> {t(`stage.${stage}`)}
          </span>
          {phase.live.adjustMs !== 0 && <span className="muted">{t('control.adjusted', { delta: `${phase.live.adjustMs > 0 ? '+' : '−'}${formatCountdown(Math.abs(phase.live.adjustMs))}` })}</span>}
          {record?.cutoff && <span className="badge badge-cutoff" data-testid="cutoff-recorded">{t('control.cutoffRecorded')}</span>}
        </div>
      )}
      <div className="action-grid">
        <ActionButton name="start" target={target} perform={perform} tone="primary" />
        <ActionButton name="pause" target={target} perform={perform} />
        <ActionButton name="resume" target={target} perform={perform} tone="primary" />
        <ActionButton name="removeTime" target={target} perform={perform} />
        <ActionButton name="addTime" target={target} perform={perform} />
        <ActionButton name="letFinish" target={target} perform={perform} />
        <ActionButton name="nextPhase" target={target} perform={perform} />
        <ActionButton name="prevSpeaker" target={target} perform={perform} />
        <ActionButton name="nextSpeaker" target={target} perform={perform} tone="primary" />
        <ActionButton name="skip" target={target} perform={perform} />
        <ActionButton name="absent" target={target} perform={perform} />
        <ActionButton name="undo" target={target} perform={perform} tone="danger" />
      </div>
    </section>
  );
}
