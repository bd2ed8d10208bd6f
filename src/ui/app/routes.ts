import type { ViewKind } from '../connection/client';

const VIEWS: readonly ViewKind[] = ['control', 'display', 'stage', 'mini', 'review', 'clerk', 'cards', 'report', 'audit'];

/** The path picks the view: /control, /display, /stage, /mini, /review, /clerk, the printable /cards and /report, and the /audit log. */
export function viewFromPath(pathname: string): ViewKind | null {
  const name = pathname.replace(/\/+$/, '').split('/').pop();
  return VIEWS.find((v) => v === name) ?? null;
}
