import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scoredMeeting } from '../fixtures/meetings';
import type { RunningHost } from '../../src/host/index';
import { startHost } from '../../src/host/index';
import { startTestHost, tempDir, TestClient } from './support';

let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

const stateAs = (origin: string, key: string) => fetch(`${origin}/api/v1/state`, { headers: { authorization: `Bearer ${key}` } });

describe('a reviewer’s code from the card', () => {
  it('is eight characters without 0/O/1/I/L, and lets the reviewer in however it is typed', async () => {
    host = await startTestHost({ newMeeting: scoredMeeting() });
    const code = host.tokens.reviewerToken('l1') ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`;
    expect((await stateAs(host.origin, typed)).status).toBe(200);
    expect((await stateAs(host.origin, `${code.slice(0, 4)} ${code.slice(4)}`)).status).toBe(200);
    const phone = await TestClient.open(host.origin, typed, 'review');
    const welcome = await phone.next('welcome');
    expect(welcome.role).toBe('reviewer');
    expect(welcome.state.scoring.reviewers.map((r) => r.id)).toEqual(['l1']);
    phone.ws.close();
    // One wrong character is a wrong code.
    const wrong = code.slice(0, 7) + (code[7] === 'A' ? 'B' : 'A');
    expect((await stateAs(host.origin, wrong)).status).toBe(401);
  });

  it('an older meeting’s long key keeps working, exactly as printed', async () => {
    const dir = await tempDir();
    const meetingPath = join(dir, 'meeting.rostrum.jsonl');
    await writeFile(`${meetingPath}.tokens.json`, JSON.stringify({ reviewers: { l1: 'aB3dE_fGh9kLmNoP' } }));
    await mkdir(join(dir, 'ui'));
    await writeFile(join(dir, 'ui', 'index.html'), '<!doctype html><title>stub</title>');
    host = await startHost({ meetingPath, port: 0, uiDir: join(dir, 'ui'), newMeeting: scoredMeeting() });
    expect(host.tokens.reviewerToken('l1')).toBe('aB3dE_fGh9kLmNoP');
    expect((await stateAs(host.origin, 'aB3dE_fGh9kLmNoP')).status).toBe(200);
    expect((await stateAs(host.origin, 'ab3de_fgh9klmnop')).status).toBe(401);
    expect(host.tokens.reviewerToken('l2')).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });
});
