import type { ViewKind } from '../connection/client';

/** The path picks the view: /control, /display, /stage. */
export function viewFromPath(pathname: string): ViewKind | null {
  const name = pathname.replace(/\/+$/, '').split('/').pop();
  return name === 'control' || name === 'display' || name === 'stage' ? name : null;
}
