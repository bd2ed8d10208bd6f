import type { ViewWindow } from '../src/core/shell-api';
import type { HostAddress } from './host-process';

/** The host's own key, as the control window's address carries it (in the fragment, never sent to a server log). */
const hostKey = (address: HostAddress): string => new URLSearchParams(new URL(address.controlUrl).hash.slice(1)).get('token') ?? '';

/**
 * Where each view window opens. The clerk's pages (clerk, report) carry no key: they ask for the
 * clerk's PIN, so the host's laptop alone never shows ballots. The QR cards and the audit log are
 * the host's own pages.
 */
export function viewUrl(view: ViewWindow, address: HostAddress): string {
  switch (view) {
    case 'clerk':
    case 'report':
      return `${address.origin}/${view}`;
    case 'cards':
    case 'audit':
      return `${address.origin}/${view}#token=${hostKey(address)}`;
    // The mini timer is a small display: it reads with the display's key.
    case 'mini': {
      const url = new URL(address.displayUrl);
      url.pathname = '/mini';
      return url.href;
    }
    default:
      return view satisfies never;
  }
}
