import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLog } from '../../src/host/event-log';
import { runHost } from '../../src/host/host-supervisor';
import type { Supervisor } from '../../src/host/host-supervisor';
import type { RunningHost } from '../../src/host/index';
import type { MeetingListing } from '../../src/core/meeting-files';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost, tempDir } from './support';

let supervisor: Supervisor;
let dir: string;
beforeEach(async () => {
  const stub = await startTestHost();
  await stub.close();
  dir = await tempDir();
  supervisor = await runHost({ meetingPath: join(dir, 'first.rostrum.jsonl'), port: 0, uiDir: join(stub.dir, 'ui'), newMeeting: scoredMeeting() });
  const host = supervisor.current();
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  await host.engine.execute({ type: 'ballot.submit', slotId: 'a', submissionId: 'sub-0000001', scores: ['90'], comment: '' }, { role: 'reviewer', reviewerId: 'l1' });
});
afterEach(() => supervisor.close());

const host = (): RunningHost => supervisor.current();
const call = (path: string, body?: object, token = host().tokens.host) =>
  fetch(`${host().origin}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
const switched = () => new Promise<RunningHost>((resolve) => supervisor.onSwitch((h) => resolve(h)));

describe('meeting files', () => {
  it('Save As copies every event to a new file, opens it with the same keys, and leaves the old file as it was', async () => {
    const before = await readFile(join(dir, 'first.rostrum.jsonl'), 'utf8');
    const cardKey = host().tokens.reviewerToken('l1');
    const next = switched();
    const res = await call('/api/v1/meetings/save-as', { name: '三月 述职: 复盘' });
    expect(await res.json()).toEqual({ ok: true, file: '三月 述职- 复盘.rostrum.jsonl' });
    const now = await next;
    expect(now.engine.file).toBe(join(dir, '三月 述职- 复盘.rostrum.jsonl'));
    expect(now.origin).toBe(host().origin);
    expect(now.engine.current().ballots.a?.l1?.scores).toEqual(['90']);
    expect(now.engine.current().live?.mode).toBe('running');
    // The reviewer's card from the first file still works in the copy.
    expect(now.tokens.reviewerToken('l1')).toBe(cardKey);
    await now.engine.execute({ type: 'timer.pause' }, { role: 'host' });
    expect(await readFile(join(dir, 'first.rostrum.jsonl'), 'utf8')).toBe(before);
    expect((await readLog(now.engine.file)).events.at(-1)?.type).toBe('timer.paused');
  });

  it('a template keeps agenda, rubric and reviewers; a meeting made from it starts clean, with new reviewer keys', async () => {
    const oldKey = host().tokens.reviewerToken('l1');
    expect(await (await call('/api/v1/meetings/template', { name: 'Quarterly review' })).json()).toEqual({ ok: true, file: 'Quarterly review.rostrum-template.json' });
    const list = (await (await call('/api/v1/meetings')).json()) as MeetingListing;
    expect(list.templates).toEqual([{ file: 'Quarterly review.rostrum-template.json', title: 'Test meeting 测试会议', slots: 3, reviewers: 5 }]);
    const next = switched();
    await call('/api/v1/meetings/new', { name: 'April review', template: 'Quarterly review.rostrum-template.json' });
    const now = await next;
    const state = now.engine.current();
    expect(state.title).toBe('April review');
    expect(state.slots.map((s) => s.unit)).toEqual(['Unit A', 'Unit B', 'Unit C']);
    expect(state.scoring.reviewers).toHaveLength(5);
    expect(state.ballots).toEqual({});
    expect(state.live).toBeNull();
    expect(now.tokens.reviewerToken('l1')).not.toBe(oldKey);
    expect(now.tokens.host).toBe(host().tokens.host);
  });

  it('lists meetings most recently opened first, under their titles now, and Open goes back to one exactly as it was left', async () => {
    await host().engine.execute({ type: 'meeting.rename', title: 'Renamed 改名' }, { role: 'host' });
    const next = switched();
    await call('/api/v1/meetings/new', { name: 'Second', template: null });
    await next;
    const list = (await (await call('/api/v1/meetings')).json()) as MeetingListing;
    expect(list.current).toBe('Second.rostrum.jsonl');
    expect(list.meetings.map((m) => [m.file, m.title])).toEqual([
      ['Second.rostrum.jsonl', 'Second'],
      ['first.rostrum.jsonl', 'Renamed 改名'],
    ]);
    const back = switched();
    expect((await call('/api/v1/meetings/open', { file: 'first.rostrum.jsonl' })).status).toBe(200);
    const first = await back;
    expect(first.engine.current().ballots.a?.l1?.scores).toEqual(['90']);
    expect(first.engine.current().live?.mode).toBe('running');
  });

  it('a new meeting names its default rubric and groups in the language of the screen that made it; the old meeting keeps its names', async () => {
    const scoring = host().engine.current().scoring;
    await host().engine.execute({ type: 'scoring.amend', reason: 'renamed', scoring: { ...scoring, groups: scoring.groups.map((g) => (g.id === 'users' ? { ...g, name: '群众代表' } : g)) } }, { role: 'host' });
    const next = switched();
    await call('/api/v1/meetings/new', { name: 'English', template: null, language: 'en' });
    const now = (await next).engine.current();
    expect(now.scoring.rubric.criteria.map((c) => c.name)).toEqual(['Total']);
    // A name the host chose is the host's, in any language.
    expect(now.scoring.groups.map((g) => g.name)).toEqual(['Leaders', 'Peer review', '群众代表']);
    const back = switched();
    await call('/api/v1/meetings/open', { file: 'first.rostrum.jsonl' });
    expect((await back).engine.current().scoring.groups.map((g) => g.name)).toEqual(['主要领导', '民主测评', '群众代表']);
  });

  it('opens a meeting damaged after its start read-only, saying where, rather than refusing it', async () => {
    const first = host().engine.file;
    const next = switched();
    await call('/api/v1/meetings/new', { name: 'Second', template: null });
    await next;
    await writeFile(first, (await readFile(first, 'utf8')) + 'garbage\n');
    const back = switched();
    expect((await call('/api/v1/meetings/open', { file: 'first.rostrum.jsonl' })).status).toBe(200);
    expect((await back).engine.readOnly).toMatch(/first\.rostrum\.jsonl, line \d+: not valid JSON/);
  });

  it('refuses bad requests with what and where, and changes nothing', async () => {
    const file = host().engine.file;
    await writeFile(join(dir, 'empty.rostrum.jsonl'), '');
    await writeFile(join(dir, 'header-only.rostrum.jsonl'), '{"format":"rostrum-meeting","version":1,"createdWall":0}\n');
    const cases: [string, object, number, RegExp][] = [
      ['/api/v1/meetings/open', { file: '../../etc/passwd' }, 400, /file: "..\/..\/etc\/passwd" is not a meeting in the meetings folder/],
      ['/api/v1/meetings/open', { file: 'nope.rostrum.jsonl' }, 404, /"nope.rostrum.jsonl" does not exist/],
      ['/api/v1/meetings/open', { file: 'empty.rostrum.jsonl' }, 400, /line 1: the file is empty/],
      ['/api/v1/meetings/open', { file: 'header-only.rostrum.jsonl' }, 400, /line 2: the log holds no meeting/],
      ['/api/v1/meetings/save-as', { name: 'first' }, 409, /"first.rostrum.jsonl" already exists/],
      ['/api/v1/meetings/save-as', { name: '  ' }, 400, /name: a name is needed/],
      ['/api/v1/meetings/new', { name: 'x', template: 'missing.rostrum-template.json' }, 404, /does not exist/],
    ];
    for (const [path, body, status, message] of cases) {
      const res = await call(path, body);
      expect([path, res.status]).toEqual([path, status]);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    expect((await call('/api/v1/meetings', undefined, host().tokens.display)).status).toBe(403);
    expect((await call('/api/v1/meetings/open', { file: 'first.rostrum.jsonl' }, 'wrong')).status).toBe(401);
    expect(host().engine.file).toBe(file);
    // Save As refused: the meeting goes on taking commands.
    expect(await host().engine.execute({ type: 'timer.pause' }, { role: 'host' })).toMatchObject({ ok: true });
  });
});
