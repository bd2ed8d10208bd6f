import type { OutputOutcome } from '../core/outputs';

const code = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const found = e?.code ?? e?.cause?.code;
  return typeof found === 'string' ? found : undefined;
};

/** A failed send as the control view says it: refused, not found, or the system's own words. */
export function failure(err: unknown): OutputOutcome {
  switch (code(err)) {
    case 'ECONNREFUSED':
      return { kind: 'refused' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return { kind: 'not-found' };
    default: {
      const e = err as { message?: unknown; cause?: { message?: unknown } } | null;
      const message = [e?.message, e?.cause?.message].filter((m): m is string => typeof m === 'string').join(': ');
      return { kind: 'error', message: (message || String(err)).slice(0, 300) };
    }
  }
}
