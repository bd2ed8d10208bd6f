import { expand } from '../core/output-template';
import type { Escape, PlaceholderValues } from '../core/output-template';
import type { HttpTarget, OutputOutcome } from '../core/outputs';
import { failure } from './output-failure';

/** The request for this moment: placeholders filled, each in the escaping its place needs. */
export function webhookRequest(target: HttpTarget, values: PlaceholderValues): { url: string; init: RequestInit } {
  const headers = new Headers();
  for (const h of target.headers) headers.append(h.name, expand(h.value, values));
  const template = target.body.trim();
  const hasBody = template !== '' && target.method !== 'GET';
  // A body that looks like JSON is JSON (a quote in a unit's name must not break it), unless the host said otherwise.
  const looksJson = /^[[{]/.test(template);
  const declared = headers.get('content-type');
  if (hasBody && declared === null) headers.set('content-type', looksJson ? 'application/json' : 'text/plain; charset=utf-8');
  const escape: Escape = (declared ?? (looksJson ? 'json' : '')).includes('json') ? 'json' : 'none';
  return {
    url: expand(target.url, values, 'url'),
    init: { method: target.method, headers, ...(hasBody ? { body: expand(target.body, values, escape) } : {}), redirect: 'manual' },
  };
}

/**
 * Sends one webhook with Node's own fetch: sent on a 2xx (or 3xx) answer, else the status; a target
 * that does not answer within its timeout is given up on. The answer's body is not read.
 */
export async function sendHttp(target: HttpTarget, values: PlaceholderValues): Promise<OutputOutcome> {
  const { url, init } = webhookRequest(target, values);
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(target.timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return res.status < 400 ? { kind: 'sent', status: res.status } : { kind: 'http', status: res.status };
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') return { kind: 'timeout', afterMs: target.timeoutMs };
    return failure(err);
  }
}
