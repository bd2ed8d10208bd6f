import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../core/phase-clock';
import type { ViewState } from '../../core/protocol';
import { useConnection } from '../app/context';
import { frameAt, positionOf, upNext } from '../shared/live-phase';
import type { LivePhase } from '../shared/live-phase';
import { useFrame } from '../shared/useFrame';
import { ClockPainter } from './clock-painter';
import { StageIcon } from './StageIcon';
import { local } from '../shared/local-text';

const STAGES: readonly Stage[] = ['ready', 'normal', 'warning', 'danger', 'cutoff', 'overtime', 'paused'];
/** Stages with a shape; every one is in the page, and the stylesheet shows the live stage's. */
const SHAPED: readonly Stage[] = ['warning', 'danger', 'cutoff', 'paused', 'overtime'];

/**
 * The countdown screen. Everything that changes while it runs (the stage, its word, the digits,
 * the bar) is written by a ClockPainter in the animation frame itself, from the anchors and the
 * host-clock estimate; React renders only what the host changes (who speaks, the language).
 * None of those elements has its changing part in the JSX, so a render never undoes a frame.
 */
export function LiveScreen({ meeting, phase }: { meeting: ViewState; phase: LivePhase }) {
  const { t, i18n } = useTranslation();
  const connection = useConnection();
  const root = useRef<HTMLElement>(null);
  const word = useRef<HTMLSpanElement>(null);
  const digits = useRef<HTMLSpanElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const painter = useRef<ClockPainter | null>(null);
  const lang = i18n.language;
  // Seven look-ups, at each render only (renders are the host's changes, not frames).
  const words = Object.fromEntries(STAGES.map((s) => [s, t(`stage.${s}`)])) as Record<Stage, string>;

  useLayoutEffect(() => {
    if (!root.current || !word.current || !digits.current || !box.current || !track.current || !bar.current) return;
    const p = new ClockPainter({ root: root.current, word: word.current, digits: digits.current, box: box.current, track: track.current, bar: bar.current }, words);
    painter.current = p;
    p.measure();
    // Resizes, and the font arriving after the first frame, change what fits.
    const resized = new ResizeObserver(() => p.measure());
    resized.observe(box.current);
    resized.observe(track.current);
    let live = true;
    void document.fonts?.ready.then(() => live && p.measure());
    return () => {
      live = false;
      resized.disconnect();
      painter.current = null;
    };
    // The painter lives as long as its elements; words and phase reach it below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A change from the host (pause, ±time, the language) is painted before the browser shows the
  // render, not a frame later.
  useLayoutEffect(() => {
    painter.current?.setWords(words);
    painter.current?.paint(frameAt(phase, connection.hostNow()));
  });
  useFrame(() => painter.current?.paint(frameAt(phase, connection.hostNow())));

  const next = upNext(meeting);
  const { n, total } = positionOf(meeting, phase.slot.id);
  return (
    <main className="live" ref={root} aria-live="polite">
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
          {SHAPED.map((s) => (
            <span className="stage-shape" data-shape={s} key={s}>
              <StageIcon stage={s} />
            </span>
          ))}
          <span ref={word} />
        </span>
      </section>
      <div className="digits" ref={box}>
        <span className="digits-text" ref={digits} data-testid="digits" />
      </div>
      <div className="progress" ref={track} aria-hidden="true">
        <div className="progress-fill" ref={bar} />
      </div>
      <footer className="live-foot">{next && <span>{t('display.next')}{t('punct.colon')}{next.unit}{next.speaker ? ` · ${next.speaker}` : ''}</span>}</footer>
      {/* Always in the page, shown by the stylesheet in the frame the stage becomes cutoff. */}
      <div className="cutoff" role="alert" data-testid="cutoff">
        <StageIcon stage="cutoff" />
        <div className="cutoff-zh">时间到</div>
        <div className="cutoff-en">Time is up</div>
        <div className="cutoff-digits">0:00</div>
      </div>
    </main>
  );
}
