import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { farCellXlsx, zipBomb } from '../tests/fixtures/hostile-files';
import { RawPeer } from '../tests/host/raw-socket';
import { BenchClient } from './clients';
import { judged, reported } from './figure';
import type { Figure } from './figure';
import { speak } from './host.bench';
import { HostProcess } from './host-process';
import { benchMeeting } from './meetings';
import { max, percentile, round } from './stats';

/** The heaviest file an import allows: an XLSX of 5,000 rows × 20 columns, 100,000 cells (the cell limit). */
async function worstAllowedXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('议程');
  ws.addRow(['单位', ...Array.from({ length: 19 }, (_, i) => `列${i}`)]);
  for (let r = 1; r < 5_000; r++) ws.addRow(Array.from({ length: 20 }, (_, c) => `单位${r}-${c}`));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Boundaries while the worst files are imported without pause (the heaviest allowed workbook, a
 * 1.6 KB file with a cell at XFD1048576, a zip bomb that lies about its size); then the host's
 * memory while one client that never reads is connected and the meeting changes for a minute.
 */
export async function hostile(o: { speakers: number; seconds: number }): Promise<Figure[]> {
  const files = [
    { name: 'worst.xlsx', bytes: await worstAllowedXlsx() },
    { name: 'far.xlsx', bytes: farCellXlsx() },
    { name: 'bomb.xlsx', bytes: zipBomb(60, true) },
  ];
  const host = await HostProcess.start({ meetingPath: join(await mkdtemp(join(tmpdir(), 'rostrum-bench-')), 'hostile.rostrum.jsonl'), setup: benchMeeting(o.speakers, 0, true, 1) });
  const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
  let importing = true;
  let imports = 0;
  const importer = (async () => {
    while (importing) {
      const file = files[imports++ % files.length];
      if (!file) break;
      await fetch(`${host.ready.origin}/api/v1/import/agenda?file=${file.name}`, { method: 'POST', headers: { authorization: `Bearer ${host.ready.hostToken}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(file.bytes) });
    }
  })();
  for (let i = 0; i < o.speakers; i++) await speak(control, i === 0, 1);
  importing = false;
  await importer;
  const { lateness } = await host.stats();

  // One client completes the upgrade and never reads again; the host changes for a while.
  const before = (await host.stats()).rss;
  const silent = await RawPeer.open(host.ready.origin, host.ready.displayToken, 'display');
  silent.socket.pause();
  const until = Date.now() + o.seconds * 1000;
  let changes = 0;
  while (Date.now() < until) {
    await control.command({ type: 'timer.adjust', deltaMs: changes++ % 2 ? -30_000 : 30_000 });
  }
  const after = (await host.stats()).rss;
  silent.destroy();
  control.close();
  await host.close();
  const mb = (n: number) => round(n / 1024 / 1024, 1);
  return [
    judged('boundary lateness during a hostile import, max', 'ms', round(max(lateness)), 5, `${lateness.length} boundaries while ${imports} imports ran one after another (worst allowed XLSX of 100,000 cells, a cell at XFD1048576, a zip bomb lying about its size); p99 ${round(percentile(lateness, 99))} ms`),
    judged('host RSS growth, one client that never reads', 'MB', mb(after - before), 20, `${o.seconds} s, ${changes} changes; RSS ${mb(before)} → ${mb(after)} MB after GC`),
    reported('host RSS with one client that never reads, after', 'MB', mb(after)),
  ];
}
