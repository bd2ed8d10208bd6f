import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/host/clock';
import { readLog } from '../../src/host/event-log';
import { MeetingEngine } from '../../src/host/meeting-engine';
import { shortMeeting } from '../fixtures/meetings';
import { tempDir } from './support';

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

  it('refuses to open a log damaged in the middle, naming the line, and leaves the file untouched', async () => {
    const file = await meetingWithOneStart();
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines.splice(2, 0, 'garbage');
    await writeFile(file, lines.join('\n'));
    const before = await readFile(file, 'utf8');
    await expect(MeetingEngine.open(file, systemClock)).rejects.toThrow(/line 3: not valid JSON/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('refuses an empty file and a file of another format or version', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.jsonl'), '');
    await expect(readLog(join(dir, 'empty.jsonl'))).rejects.toThrow(/line 1: the file is empty/);
    await writeFile(join(dir, 'v9.jsonl'), '{"format":"rostrum-meeting","version":9,"createdWall":0}\n');
    await expect(readLog(join(dir, 'v9.jsonl'))).rejects.toThrow(/line 1: version/);
  });

  it('refuses a log with a missing event rather than replay a gap', async () => {
    const file = await meetingWithOneStart();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, [lines[0], lines[2]].join('\n') + '\n');
    await expect(readLog(file)).rejects.toThrow(/line 2: expected event 1, found 2/);
  });
});
