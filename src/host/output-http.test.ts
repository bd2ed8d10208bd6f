import { describe, expect, it } from 'vitest';
import { SAMPLE_VALUES } from '../core/output-template';
import type { HttpTarget } from '../core/outputs';
import { webhookRequest } from './output-http';

const target: HttpTarget = { kind: 'http', method: 'POST', url: 'http://127.0.0.1:8000/hook?unit={unit}', headers: [], body: '', timeoutMs: 2000 };
const values = { ...SAMPLE_VALUES, unit: '社会事业局 & "B"' };
const headers = (init: RequestInit) => new Headers(init.headers);

describe('webhook requests', () => {
  it('a value in the URL is URL-encoded', () => {
    expect(webhookRequest(target, values).url).toBe(`http://127.0.0.1:8000/hook?unit=${encodeURIComponent('社会事业局 & "B"')}`);
  });

  it('a body that looks like JSON is sent as JSON, its values escaped inside strings', () => {
    const { init } = webhookRequest({ ...target, body: '{"unit":"{unit}"}' }, values);
    expect(headers(init).get('content-type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ unit: '社会事业局 & "B"' });
  });

  it('a Content-Type the host gives wins: a plain-text body keeps its values as they are', () => {
    const { init } = webhookRequest({ ...target, headers: [{ name: 'Content-Type', value: 'text/plain' }], body: '{unit} is speaking' }, values);
    expect(headers(init).get('content-type')).toBe('text/plain');
    expect(init.body).toBe('社会事业局 & "B" is speaking');
  });

  it('a GET sends no body, and no body means no Content-Type', () => {
    expect(webhookRequest({ ...target, method: 'GET', body: '{"a":1}' }, values).init.body).toBeUndefined();
    expect(headers(webhookRequest(target, values).init).get('content-type')).toBeNull();
  });
});
