import { z } from 'zod';
import { LocalTextSchema } from './meeting';
import type { LocalText } from './meeting';
import type { Mono } from './time';

/** Where a message to the speaker is shown: the speaker's own monitor, the hall's screen, or both. */
export const MessageTargetSchema = z.enum(['stage', 'display', 'both']);
export type MessageTarget = z.infer<typeof MessageTargetSchema>;

/** A message is read at a glance from the lectern: one short line, never a paragraph. */
export const MessageTextSchema = LocalTextSchema.extend({
  zh: z.string().trim().min(1).max(80),
  en: z.string().trim().max(80),
});

export const MAX_PRESETS = 9;
export const MessagePresetsSchema = z.array(MessageTextSchema).min(1).max(MAX_PRESETS);

/** The longest a timed message may stay: past that, the host hides it by hand. */
export const MAX_MESSAGE_MS = 10 * 60_000;

/** A message on screen. Shown for `durationMs` from `shownAt`, or until hidden when null. */
export interface SpeakerMessage {
  text: LocalText;
  target: MessageTarget;
  flash: boolean;
  shownAt: Mono;
  durationMs: number | null;
}

/** The presets every new meeting starts with; a meeting may edit them. */
export const defaultPresets = (): LocalText[] => [
  { zh: '请抓紧时间', en: 'Please speed up' },
  { zh: '请结束发言', en: 'Please conclude' },
  { zh: '请注意音量', en: 'Please mind your volume' },
];

/**
 * Whether a screen shows the message at this instant of the host's clock. Expiry is worked out
 * by every screen from the same anchor, so screens hide it together with no event at all.
 */
export function messageShown(message: SpeakerMessage | null, screen: 'stage' | 'display', now: Mono): boolean {
  if (message === null || (message.target !== 'both' && message.target !== screen)) return false;
  return message.durationMs === null || now < message.shownAt + message.durationMs;
}

/** Whether the message is still up anywhere: the host's "hide" has something to hide. */
export const messageActive = (message: SpeakerMessage | null, now: Mono): boolean =>
  message !== null && (message.durationMs === null || now < message.shownAt + message.durationMs);

/** Presets as the host edits them: one per line, "中文 | English" or just one language. */
export const presetLines = (presets: readonly LocalText[]): string => presets.map((p) => (p.en ? `${p.zh} | ${p.en}` : p.zh)).join('\n');

/** The lines the host typed, as presets; blank lines are dropped. The command's schema checks lengths. */
export function parsePresetLines(text: string): LocalText[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const bar = line.indexOf('|');
      return bar < 0 ? { zh: line, en: '' } : { zh: line.slice(0, bar).trim(), en: line.slice(bar + 1).trim() };
    });
}
