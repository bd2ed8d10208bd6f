import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../core/phase-clock';
import type { ViewState } from '../../core/protocol';
import { useConnection } from '../app/context';
import { frameAt, positionOf, upNext } from '../shared/live-phase';
import type { LivePhase } from '../shared/live-phase';
import { useFrame } from '../shared/useFrame';
import { StageIcon } from './StageIcon';
import { local } from '../shared/local-text';

/**
 * The countdown screen. Digits and progress are written to the DOM on every animation frame
 * from the anchors and the host-clock estimate; React re-renders only when the stage changes.
 */
export function LiveScreen({ meeting, phase, compact = false }: { meeting: ViewState; phase: LivePhase; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const connection = useConnection();
  const digits = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Stage>(() => frameAt(phase, connection.hostNow()).stage);

  useFrame(() => {
    const frame = frameAt(phase, connection.hostNow());
    if (digits.current && digits.current.textContent !== frame.text) digits.current.textContent = frame.text;
    if (bar.current) bar.current.style.transform = `scaleX(${frame.progress})`;
    if (frame.stage !== stage) setStage(frame.stage);
  });

  const next = upNext(meeting);
  const { n, total } = positionOf(meeting, phase.slot.id);
  const lang = i18n.language;
  return (
    <main className={`live stage-${stage}${compact ? ' compact' : ''}`} data-stage={stage} aria-live="polite">
      <header className="live-head">
        <h1 className="unit">{phase.slot.unit}</h1>
        <p className="who">
          {phase.slot.speaker && <span>{phase.slot.speaker}</span>}
          {phase.slot.topic && <span className="topic">{phase.slot.topic}</span>}
        </p>
        <p className="position">{t('display.of', { n, total })}</p>
      </header>
      <section className="live-phase">
        <span className="phase-name">{local(phase.spec.name, lang)}</span>
        <span className="stage-label" data-testid="stage-label">
          <StageIcon stage={stage} />
          {t(`stage.${stage}`)}
        </span>
      </section>
      <div className="digits" ref={digits} data-testid="digits" />
      <div className="progress" aria-hidden="true">
        <div className="progress-fill" ref={bar} />
      </div>
      <footer className="live-foot">{next && <span>{t('display.next')}{t('punct.colon')}{next.unit}{next.speaker ? ` · ${next.speaker}` : ''}</span>}</footer>
      {stage === 'cutoff' && (
        <div className="cutoff" role="alert" data-testid="cutoff">
          <StageIcon stage="cutoff" />
          <div className="cutoff-zh">时间到</div>
          <div className="cutoff-en">Time is up</div>
          <div className="cutoff-digits">0:00</div>
        </div>
      )}
    </main>
  );
}
