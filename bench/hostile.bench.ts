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

/** Changes the meeting (±30 s) as fast as the control client is answered, for a while; how many. */
async function change(control: BenchClient, seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let changes = 0;
  while (Date.now() < until) await control.command({ type: 'timer.adjust', deltaMs: changes++ % 2 ? -30_000 : 30_000 });
  return changes;
}

/**
 * First, on a fresh host, its memory over the same stretch of changes twice: with only the control
 * client, then with one more client that never reads, so the meeting's own growth is told from the
 * silent client's (measured before any import: a finished import's memory, given back over the
 * next seconds, would otherwise shrink the first stretch). Then boundaries with nothing else
 * running (on a shared machine, what the machine gives today), and the same number while the worst
 * files are imported without pause: the heaviest allowed workbook, a 1.6 KB file with a cell at
 * XFD1048576, a zip bomb that lies about its size.
 */
export async function hostile(o: { speakers: number; seconds: number }): Promise<Figure[]> {
  const files = [
    { name: 'worst.xlsx', bytes: await worstAllowedXlsx() },
    { name: 'far.xlsx', bytes: farCellXlsx() },
    { name: 'bomb.xlsx', bytes: zipBomb(60, true) },
  ];
  const host = await HostProcess.start({ meetingPath: join(await mkdtemp(join(tmpdir(), 'rostrum-bench-')), 'hostile.rostrum.jsonl'), setup: benchMeeting(2 * o.speakers + 1, 0, true, 1) });
  const control = await BenchClient.open(host.ready.origin, host.ready.hostToken, 'control', true);
  // A speaker past 0:00, so every adjustment is a change every view is sent.
  await speak(control, true, 1);

  const mb = (n: number) => round(n / 1024 / 1024, 1);
  const first = await host.stats();
  const alone = await change(control, o.seconds);
  const second = await host.stats();
  const silent = await RawPeer.open(host.ready.origin, host.ready.displayToken, 'display');
  silent.socket.pause();
  const withSilent = await change(control, o.seconds);
  const third = await host.stats();
  silent.destroy();
  const [start, between, end] = [first.rss, second.rss, third.rss];
  // What the host keeps, without the runtime's sizing: RSS after GC moves by tens of MB between
  // two identical stretches (V8's reserved heap, pages the allocator keeps or gives back).
  const kept = (s: typeof first) => s.heapUsed + s.external;

  await host.stats();
  for (let i = 0; i < o.speakers; i++) await speak(control, false, 1);
  const bare = await host.stats();
  let importing = true;
  let imports = 0;
  const importer = (async () => {
    while (importing) {
      const file = files[imports++ % files.length];
      if (!file) break;
      await fetch(`${host.ready.origin}/api/v1/import/agenda?file=${file.name}`, { method: 'POST', headers: { authorization: `Bearer ${host.ready.hostToken}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(file.bytes) });
    }
  })();
  for (let i = 0; i < o.speakers; i++) await speak(control, false, 1);
  importing = false;
  await importer;
  const during = await host.stats();
  control.close();
  await host.close();

  const late = (s: typeof bare) => `max ${round(max(s.lateness))}, p99 ${round(percentile(s.lateness, 99))} ms over ${s.lateness.length} boundaries; host event-loop delay max ${round(s.loopDelayMaxMs)} ms; its main thread ran ${round(s.mainCpuMs)} ms and waited ${round(s.mainWaitMs)} ms for a core`;
  return [
    judged('boundary lateness during a hostile import, max', 'ms', round(max(during.lateness)), 5, `${late(during)}; ${imports} imports ran one after another (worst allowed XLSX of 100,000 cells, a cell at XFD1048576, a zip bomb lying about its size)`),
    reported('boundary lateness, same run, no import, max', 'ms', round(max(bare.lateness)), late(bare)),
    judged('host RSS growth, one client that never reads', 'MB', mb(end - between - (between - start)), 20, `${o.seconds} s of changes with it (${withSilent} changes, RSS ${mb(between)} → ${mb(end)} MB after GC) less ${o.seconds} s without it just before (${alone} changes, ${mb(start)} → ${mb(between)} MB)`),
    reported('host RSS with one client that never reads, after', 'MB', mb(end)),
    reported('host heap and external memory in use, growth with the client that never reads, less without', 'MB', mb(kept(third) - kept(second) - (kept(second) - kept(first)))),
  ];
}
