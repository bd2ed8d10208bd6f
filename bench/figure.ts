/** One measured figure as the table and bench/results.json report it. */
export interface Figure {
  figure: string;
  unit: string;
  value: number;
  /** What it must be, e.g. "≤ 2"; empty when the figure is reported for comparison only. */
  target: string;
  /** null: reported, not judged (a baseline, a p50 beside the p99 that is judged). */
  pass: boolean | null;
  note?: string;
}

export const judged = (figure: string, unit: string, value: number, limit: number, note?: string): Figure => ({
  figure,
  unit,
  value,
  target: `≤ ${limit}`,
  pass: value <= limit,
  ...(note ? { note } : {}),
});

export const reported = (figure: string, unit: string, value: number, note?: string): Figure => ({ figure, unit, value, target: '', pass: null, ...(note ? { note } : {}) });

/** A figure that must reach a floor (frames a second). */
export const judgedAtLeast = (figure: string, unit: string, value: number, floor: number, note?: string): Figure => ({
  figure,
  unit,
  value,
  target: `≥ ${floor}`,
  pass: value >= floor,
  ...(note ? { note } : {}),
});
