import type { Stage } from '../../core/phase-clock';
import type { Frame } from '../shared/live-phase';
import { fitFontSize, shapeOf } from './digit-fit';

/** The elements of a countdown screen that change while it runs. */
export interface ClockParts {
  /** Carries `data-stage`: the stylesheet draws colours, the stage's shape and the cut-off screen from it. */
  root: HTMLElement;
  /** The stage's word ("Warning", 提醒). */
  word: HTMLElement;
  /** The digits' own text box, sized to fit `box`. */
  digits: HTMLElement;
  /** The room the digits may fill. */
  box: HTMLElement;
  track: HTMLElement;
  bar: HTMLElement;
}

const PROBE_PX = 100;

/**
 * Writes each animation frame of a countdown to the DOM, touching only what changes on the
 * screen: the stage (one attribute, in the same frame as the digits it belongs to, never a React
 * render later), the digits' text, the bar only when it moves a whole device pixel, and the
 * digits' size only when the text's shape changes or the box is resized. A frame in which
 * nothing moves writes nothing, so the page costs no more than the digits themselves.
 */
export class ClockPainter {
  private stage: Stage | null = null;
  private text: string | null = null;
  private shape: string | null = null;
  private barPx = -1;
  private trackPx = 0;

  constructor(
    private readonly parts: ClockParts,
    private words: Record<Stage, string>,
    private readonly pixelRatio: () => number = () => window.devicePixelRatio || 1,
  ) {}

  paint(frame: Frame): void {
    const { root, word, digits, bar } = this.parts;
    if (frame.stage !== this.stage) {
      this.stage = frame.stage;
      root.dataset['stage'] = frame.stage;
      word.textContent = this.words[frame.stage];
    }
    if (frame.text !== this.text) {
      this.text = frame.text;
      digits.textContent = frame.text;
      if (shapeOf(frame.text) !== this.shape) this.fit();
    }
    const px = Math.round(frame.progress * this.trackPx);
    if (px !== this.barPx) {
      this.barPx = px;
      bar.style.transform = `scaleX(${this.trackPx > 0 ? px / this.trackPx : frame.progress})`;
    }
  }

  /** The language changed: the next frame writes the stage's word in it. */
  setWords(words: Record<Stage, string>): void {
    this.words = words;
    this.stage = null;
  }

  /** The screen was resized (or its font arrived): measure the track and the digits again. */
  measure(): void {
    this.trackPx = Math.round(this.parts.track.clientWidth * this.pixelRatio());
    this.barPx = -1;
    if (this.text !== null) this.fit();
  }

  /** Sizes the digits to the biggest that fits the box: one layout read, once per shape. */
  private fit(): void {
    const { digits, box } = this.parts;
    digits.style.fontSize = `${PROBE_PX}px`;
    const probe = digits.getBoundingClientRect();
    const size = fitFontSize({ width: box.clientWidth, height: box.clientHeight }, probe, PROBE_PX);
    // A box not laid out yet (0×0) keeps the stylesheet's size and is fitted at the next measure.
    if (size > 0) digits.style.fontSize = `${size}px`;
    else digits.style.removeProperty('font-size');
    this.shape = size > 0 && this.text !== null ? shapeOf(this.text) : null;
  }
}
