import { VIEW_WINDOWS } from '../src/core/shell-api';
import type { ViewWindow } from '../src/core/shell-api';
import { DEVTOOLS_ALLOWED } from './build-flags';

/**
 * The security rules of the shell (Electron's checklist), as small pure functions with their own
 * tests. Every window shows pages of the host's own origin and nothing else.
 */

export function secureWebPreferences(preload: string, opts: { background?: boolean } = {}) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: DEVTOOLS_ALLOWED,
    /** The projector must never be throttled: a hidden or unfocused window still renders every frame. */
    backgroundThrottling: opts.background ?? true,
    /** The projector rings at the warning without anyone having clicked in it first. */
    autoplayPolicy: 'no-user-gesture-required' as const,
  };
}

/** Exactly the host's origin: same scheme, host and port; no credentials trick, no other scheme. */
export function isSameOrigin(url: string, hostOrigin: string): boolean {
  try {
    const u = new URL(url);
    const h = new URL(hostOrigin);
    return u.username === '' && u.password === '' && u.protocol === h.protocol && u.host === h.host;
  } catch {
    return false;
  }
}

/** Navigation is allowed only within the host's pages (e.g. control ↔ display); everything else is refused. */
export const isAllowedNavigation = (url: string, hostOrigin: string): boolean => isSameOrigin(url, hostOrigin);

/** IPC is answered only for the top frame of one of our pages, never for an embedded or foreign one. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, hostOrigin: string): boolean {
  return isMainFrame && frameUrl !== undefined && isSameOrigin(frameUrl, hostOrigin);
}

const pathOf = (url: string): string => new URL(url).pathname.replace(/\/+$/, '');

/**
 * The one kind of new window a page may ask for: one of the host's own views that is meant to be a
 * window of its own (clerk, QR cards, report, audit log, mini timer), at the host's origin. Anything else —
 * another site, another path, the control or display page a second time — is refused.
 */
export function openableView(url: string, hostOrigin: string): ViewWindow | null {
  if (!isSameOrigin(url, hostOrigin)) return null;
  const path = pathOf(url);
  return VIEW_WINDOWS.find((v) => path === `/${v}`) ?? null;
}

/** Only the printable pages may ask to be saved as a PDF. */
export function isPrintablePage(url: string | undefined, hostOrigin: string): boolean {
  const view = url === undefined ? null : openableView(url, hostOrigin);
  return view === 'report' || view === 'cards';
}
