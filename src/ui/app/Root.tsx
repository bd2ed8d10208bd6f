import { useState } from 'react';
import type { ViewKind } from '../connection/client';
import { ClerkGate, clerkSessionToken } from '../clerk/ClerkGate';
import { CodeEntry } from '../review/CodeEntry';
import { App, NoToken } from './App';
import { startView } from './start-view';
import { useTabTitle } from './useTabTitle';
import type { ViewContextValue } from './context';

/** Views whose key comes from the clerk's PIN, not from the address. */
const CLERK_VIEWS: ReadonlySet<ViewKind> = new Set<ViewKind>(['clerk', 'report']);

/** The page's key: in the address, or for the clerk's pages, from this tab's PIN session. */
export const pageKey = (view: ViewKind, fromAddress: string | null): string | null => fromAddress ?? (CLERK_VIEWS.has(view) ? clerkSessionToken() : null);

type Started = { ctx: ViewContextValue; token: string };

export function Root({ view, started }: { view: ViewKind | null; started: Started | null }) {
  const [page, setPage] = useState(started);
  useTabTitle(view);
  if (view === null) return <NoToken />;
  if (page) return <App view={view} ctx={page.ctx} token={page.token} />;
  if (view === 'review') return <CodeEntry onCode={(key) => setPage({ ctx: startView(view, key, false), token: key })} />;
  if (CLERK_VIEWS.has(view)) return <ClerkGate onToken={(key) => setPage({ ctx: startView(view, key, false), token: key })} />;
  return <NoToken />;
}
