import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultScoring } from '../../src/core/scoring.setup';
import { IMPORT_LIMITS } from '../../src/host/import-limits';
import { previewImport } from '../../src/host/import-preview';
import { ImportThread } from '../../src/host/import-thread';
import { agendaXlsx, farCellXlsx, longSheetXlsx, zipBomb } from '../fixtures/hostile-files';
import { startTestHost } from './support';

let host: Awaited<ReturnType<typeof startTestHost>> | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

type Preview = { ok: boolean; errors?: { row: number; reason: string }[]; slots?: { unit: string }[] };
const upload = async (kind: 'agenda' | 'roster', body: Uint8Array, file: string): Promise<{ status: number; preview: Preview }> => {
  const res = await fetch(`${host?.origin}/api/v1/import/${kind}?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host?.tokens.host}`, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: res.status, preview: (await res.json()) as Preview };
};
const reason = (p: Preview) => p.errors?.[0]?.reason ?? '';
const agenda = (bytes: Uint8Array, fileName: string, limits = IMPORT_LIMITS) => previewImport({ kind: 'agenda', bytes, fileName }, limits) as Promise<Preview>;
const csv = (text: string) => new TextEncoder().encode(text);

describe('hostile files, read in the import thread', () => {
  it('a 1.6 KB XLSX with a cell at XFD1048576 is refused from its size alone, at once', async () => {
    host = await startTestHost();
    const file = farCellXlsx();
    expect(file.length).toBeLessThan(2_000);
    const started = Date.now();
    const { status, preview } = await upload('agenda', file, 'far.xlsx');
    expect(status).toBe(200);
    expect(reason(preview)).toMatch(/row 1048576.*at most 5000 rows \(sheet size limit\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The same host reads a real workbook right after.
    expect((await upload('agenda', agendaXlsx(), 'agenda.xlsx')).preview.slots?.map((s) => s.unit)).toEqual(['科技局', '财政局']);
  }, 30_000);

  it('a zip bomb is refused by what it says it unpacks to, or by what it unpacks to when it lies', async () => {
    host = await startTestHost();
    const honest = zipBomb(60, false);
    const liar = zipBomb(60, true);
    expect(liar.length).toBeLessThan(200_000);
    expect(reason((await upload('agenda', honest, 'bomb.xlsx')).preview)).toMatch(/unpacks to 60.* at most 50 MiB \(uncompressed size limit\)/);
    expect(reason((await upload('agenda', liar, 'liar.xlsx')).preview)).toMatch(/at most 50 MiB \(uncompressed size limit\)/);
    expect(host.engine.current().seq).toBe(1);
  }, 30_000);

  it('a file over the size limit is refused naming it', async () => {
    host = await startTestHost();
    const big = new Uint8Array(IMPORT_LIMITS.fileBytes + 1).fill(0x41);
    expect(reason((await upload('agenda', big, 'big.csv')).preview)).toMatch(/at most 5 MiB \(file size limit\)/);
    const bigger = await upload('agenda', new Uint8Array(IMPORT_LIMITS.fileBytes + 100), 'bigger.csv');
    expect(bigger.status).toBe(413);
  }, 30_000);

  it('a roster of 200,000 reviewers is refused in the preview: a roster holds 500', async () => {
    host = await startTestHost();
    const rows = Array.from({ length: 200_000 }, (_, i) => `评委${i},主要领导`).join('\n');
    const { preview } = await upload('roster', csv(`姓名,评分组\n${rows}\n`), 'roster.csv');
    expect(preview.ok).toBe(false);
    expect(reason(preview)).toMatch(/at most 500 reviewers; this file has 200000/);
  }, 30_000);

  it('an agenda of more speakers, sittings, rows, columns or cells than allowed is refused naming the limit', async () => {
    const speakers = (n: number, sittings = 1) => csv(`场次,单位\n${Array.from({ length: n }, (_, i) => `S${i % sittings},单位${i}`).join('\n')}\n`);
    expect(reason(await agenda(speakers(1_001), 'a.csv'))).toMatch(/at most 1000 speakers; this sheet has 1001/);
    expect(reason(await agenda(speakers(60, 51), 'a.csv'))).toMatch(/at most 50 sittings/);
    const small = { ...IMPORT_LIMITS, rows: 10, columns: 3, cells: 12 };
    expect(reason(await agenda(speakers(20), 'a.csv', small))).toMatch(/at most 10 rows \(sheet size limit\)/);
    expect(reason(await agenda(csv('单位,a,b,c\nX,1,2,3\n'), 'a.csv', small))).toMatch(/at most 3 columns \(sheet size limit\)/);
    expect(reason(await agenda(csv('单位,a,b\n' + 'X,1,2\n'.repeat(5)), 'a.csv', small))).toMatch(/at most 12 \(cell count limit\)/);
  });

  it('a file that takes longer than the time limit is stopped, and the next one is read', async () => {
    const thread = new ImportThread({ ...IMPORT_LIMITS, timeMs: 1 });
    const slow = await thread.preview({ kind: 'agenda', bytes: agendaXlsx(), fileName: 'agenda.xlsx' });
    expect(reason(slow as Preview)).toMatch(/longer than 0.001 s and was stopped \(time limit\)/);
    const roster = await new ImportThread().preview({ kind: 'roster', bytes: csv('姓名,组\n张三,leaders\n'), fileName: 'r.csv', groups: defaultScoring().groups, existing: [] });
    expect(roster).toMatchObject({ ok: true });
  }, 30_000);
});

/** The nice value of each of this process's threads, by thread id (Linux's /proc). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      nices.set(Number(tid), Number(fields[16]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return nices;
}

describe('the import thread yields the cores to the host', () => {
  it.runIf(process.platform === 'linux')('reads a file at the lowest priority while the host’s own thread keeps its own', async () => {
    const before = threadNices();
    const seen = new Set<number>();
    const watch = setInterval(() => threadNices().forEach((nice, tid) => !before.has(tid) && seen.add(nice)), 2);
    // Long enough to read that the thread is seen at work, not only starting and ending.
    const preview = await new ImportThread().preview({ kind: 'agenda', bytes: longSheetXlsx(1_500), fileName: 'long.xlsx' });
    clearInterval(watch);
    expect(reason(preview as Preview)).toMatch(/at most 1000 speakers|time limit/);
    expect(seen).toContain(19);
    expect(threadNices().get(process.pid)).toBe(before.get(process.pid));
  }, 30_000);
});
