import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/host/clock';
import { readLog } from '../../src/host/event-log';
import { MeetingEngine } from '../../src/host/meeting-engine';
import { snapshotFile } from '../../src/host/snapshot';
import { shortMeeting } from '../fixtures/meetings';
import { startTestHost, tempDir, TestClient } from './support';

async function meetingWithOneStart(): Promise<string> {
  const file = join(await tempDir(), 'm.rostrum.jsonl');
  const engine = await MeetingEngine.open(file, systemClock, shortMeeting());
  await engine.execute({ type: 'timer.start' }, { role: 'host' });
  await engine.close();
  return file;
}

describe('the meeting log on disk', () => {
  it('drops a torn last line with a warning, keeps every complete event, and appends cleanly after it', async () => {
    const file = await meetingWithOneStart();
    await appendFile(file, '{"seq":3,"at":12');
    const engine = await MeetingEngine.open(file, systemClock);
    expect(engine.warnings[0]).toMatch(/line 4: dropped an incomplete last line/);
    expect(engine.current().live?.mode).toBe('running');
    await engine.execute({ type: 'timer.pause' }, { role: 'host' });
    await engine.close();
    const { events, warnings } = await readLog(file);
    expect(warnings).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['meeting.created', 'timer.started', 'timer.paused']);
  });

  it('opens a log damaged in the middle read-only up to the damage, naming the line, and never writes to it', async () => {
    const file = await meetingWithOneStart();
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(2, 0, 'garbage');
    await writeFile(file, lines.join('\n'));
    const before = await readFile(file, 'utf8');
    const engine = await MeetingEngine.open(file, systemClock);
    expect(engine.readOnly).toMatch(/^read-only: .*m\.rostrum\.jsonl, line 3: not valid JSON \(and the log does not match its snapshot\)\. The meeting is shown up to event 1;/);
    expect(engine.current().seq).toBe(1);
    expect(engine.current().slots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(await engine.execute({ type: 'timer.start' }, { role: 'host' })).toEqual({ ok: false, error: { code: 'unavailable', message: engine.readOnly } });
    await engine.close();
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses an empty file and a file of another format or version', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.jsonl'), '');
    await expect(readLog(join(dir, 'empty.jsonl'))).rejects.toThrow(/line 1: the file is empty/);
    await writeFile(join(dir, 'v9.jsonl'), '{"format":"rostrum-meeting","version":9,"createdWall":0}\n');
    await expect(readLog(join(dir, 'v9.jsonl'))).rejects.toThrow(/line 1: version/);
  });

  it('never replays across a gap: a missing first event leaves nothing to show, and the file is refused', async () => {
    const file = await meetingWithOneStart();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, [lines[0], lines[2]].join('\n') + '\n');
    expect((await readLog(file)).damage?.message).toMatch(/line 2: expected event 1, found 2/);
    await expect(MeetingEngine.open(file, systemClock)).rejects.toThrow(/line 2: expected event 1, found 2/);
  });

  it('a log cut short at a line boundary, with no snapshot to say otherwise, is simply shorter: it opens and goes on', async () => {
    const file = await meetingWithOneStart();
    await rm(snapshotFile(file));
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, lines.slice(0, 2).join('\n') + '\n');
    const engine = await MeetingEngine.open(file, systemClock);
    expect(engine.readOnly).toBeNull();
    expect(engine.current().live).toBeNull();
    expect(await engine.execute({ type: 'timer.start' }, { role: 'host' })).toMatchObject({ ok: true, seq: 2 });
    await engine.close();
  });
});

describe('a damaged meeting over the protocol', () => {
  it('tells the control view it is read-only and why, and refuses every command', async () => {
    const file = await meetingWithOneStart();
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(2, 0, '{"seq":2,"type":"nonsense"}');
    await writeFile(file, lines.join('\n'));
    const host = await startTestHost({ meetingPath: file });
    try {
      const control = await TestClient.open(host.origin, host.tokens.host);
      const welcome = await control.next('welcome');
      expect(welcome.readOnly).toMatch(/line 3/);
      expect(await control.command({ type: 'timer.start' })).toMatchObject({ type: 'error', code: 'unavailable', message: /read-only/ });
      control.close();
    } finally {
      await host.close();
    }
  });
});
