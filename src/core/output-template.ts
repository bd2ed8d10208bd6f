/**
 * Placeholders in an output's address, arguments, URL, headers and body: `{unit}` is replaced by
 * the unit at the lectern when the output fires. Only `{word}` with a known word is one, so a
 * JSON body (`{"unit":"{unit}"}`) needs no escaping of its own braces.
 */
export const PLACEHOLDERS = ['event', 'meeting', 'slotId', 'unit', 'speaker', 'topic', 'phase', 'phaseEn', 'phaseNo', 'remainingS', 'overtimeS'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);
const PATTERN = /\{(\w+)\}/g;

/** The `{names}` in a template that are not placeholders: a typo the host hears of when saving. */
export const unknownPlaceholders = (text: string): string[] => [...text.matchAll(PATTERN)].map((m) => m[1]!).filter((name) => !KNOWN.has(name));

/**
 * How a value is written into its place: as it is (OSC, a plain body), as a URL component (a
 * unit's name in a query), or inside a JSON string (a quote in a topic must not break the body).
 */
export type Escape = 'none' | 'url' | 'json';

const escapers: Record<Escape, (value: string) => string> = {
  none: (v) => v,
  url: encodeURIComponent,
  json: (v) => JSON.stringify(v).slice(1, -1),
};

export function expand(text: string, values: PlaceholderValues, escape: Escape = 'none'): string {
  return text.replace(PATTERN, (whole, name: string) => (KNOWN.has(name) ? escapers[escape](values[name as Placeholder]) : whole));
}

/** Values for the Test button and the editor's preview, when no speaker is at the lectern. */
export const SAMPLE_VALUES: PlaceholderValues = {
  event: 'test',
  meeting: '',
  slotId: '',
  unit: '',
  speaker: '',
  topic: '',
  phase: '',
  phaseEn: '',
  phaseNo: '0',
  remainingS: '0',
  overtimeS: '0',
};
