import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../core/phase-clock';
import { useConnection, useView } from '../app/context';
import { frameAt, livePhaseOf } from '../shared/live-phase';
import { useFrame } from '../shared/useFrame';
import { StageIcon } from './StageIcon';
import './display.css';

/**
 * A small timer for any screen: the digits in their stage's colour, the stage's shape and word,
 * and who speaks. It is the `/mini` page, and the control view's picture-in-picture window (which
 * passes its own window, so the digits follow that window's frames). It never rings.
 */
export function MiniTimer({ win = window }: { win?: Window }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const connection = useConnection();
  const digits = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Stage | 'idle'>('idle');
  const phase = meeting && livePhaseOf(meeting);
  useFrame(() => {
    const frame = phase ? frameAt(phase, connection.hostNow()) : null;
    const text = frame?.text ?? '–:––';
    if (digits.current && digits.current.textContent !== text) digits.current.textContent = text;
    // The stage is written here, in the frame that changes the digits, not a render later.
    const next = frame?.stage ?? 'idle';
    if (root.current && root.current.dataset['stage'] !== next) {
      root.current.dataset['stage'] = next;
      root.current.className = `mini stage-${next}`;
      setStage(next);
    }
  }, win);
  return (
    <div ref={root} className={`mini stage-${stage}`} data-stage={stage} data-testid="mini">
      <div className="mini-head">
        {stage !== 'idle' && <StageIcon stage={stage} />}
        <span className="mini-word">{stage === 'idle' ? (meeting?.title ?? '') : t(`stage.${stage}`)}</span>
        <span className="mini-unit">{phase?.slot.unit}</span>
      </div>
      <div className="mini-digits" ref={digits} data-testid="mini-digits" />
    </div>
  );
}
