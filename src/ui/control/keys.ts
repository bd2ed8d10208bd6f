import type { KeyBinding } from '../../core/actions';
import { MINI_TIMER_KEY } from '../../core/shell-api';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const NAMES: Record<string, string> = {
  Space: 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  BracketRight: ']',
  BracketLeft: '[',
  Equal: '=',
  Minus: '-',
  Enter: 'Enter',
  Period: '.',
  Comma: ',',
  Slash: '/',
};

/** How a shortcut is written in the shortcut list and on buttons. */
export function keyLabel(k: KeyBinding): string {
  // KeyA → A, Digit1 → 1: the key as printed on it.
  const key = NAMES[k.code] ?? k.code.replace(/^(Key|Digit)/, '');
  return [k.mod ? (isMac ? '⌘' : 'Ctrl') : null, k.alt ? (isMac ? '⌥' : 'Alt') : null, key].filter(Boolean).join('+');
}

/** Key presses typed into a field or a dialog belong to it, not to the meeting. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog') !== null;
}

export const pressOf = (e: KeyboardEvent): Required<KeyBinding> => ({ code: e.code, mod: isMac ? e.metaKey : e.ctrlKey, alt: e.altKey });

/** Ctrl+Shift+M (⌘⇧M): the mini timer, as in the desktop app's Window menu. */
export const isMiniTimerPress = (e: KeyboardEvent): boolean => e.code === MINI_TIMER_KEY.code && (isMac ? e.metaKey : e.ctrlKey) && e.shiftKey && !e.altKey;
export const miniTimerKeyLabel = (): string => (isMac ? '⌘⇧M' : 'Ctrl+Shift+M');
