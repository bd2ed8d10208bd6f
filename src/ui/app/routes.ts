import type { ViewKind } from '../connection/client';

const VIEWS: readonly ViewKind[] = ['control', 'display', 'stage', 'review', 'clerk', 'cards', 'report'];

/** The path picks the view: /control, /display, /stage, /review, /clerk, and the printable /cards and /report. */
export function viewFromPath(pathname: string): ViewKind | null {
  const name = pathname.replace(/\/+$/, '').split('/').pop();
  return VIEWS.find((v) => v === name) ?? null;
}
