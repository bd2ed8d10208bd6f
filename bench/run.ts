import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem, release } from 'node:os';
import { parseArgs } from 'node:util';
import type { Figure } from './figure';
import { displayTruth, lastBallot } from './display.bench';
import { displayEngines } from './display-engines.bench';
import { HostProcess } from './host-process';
import { boundaries, fanout, fullMeeting, startup } from './host.bench';
import { hostile } from './hostile.bench';
import { outputs } from './outputs.bench';

const { values } = parseArgs({ options: { smoke: { type: 'boolean' }, only: { type: 'string' } } });
const smoke = values.smoke ?? false;

/** Full sizes as the issue sets them; the smoke run (CI) proves the benches still run, not the targets. */
const benches: Record<string, () => Promise<Figure[]>> = {
  boundaries: () => boundaries(smoke ? { speakers: 2, phases: 2, clients: 20 } : { speakers: Number(process.env.BENCH_SPEAKERS ?? 42), phases: 8, clients: Number(process.env.BENCH_CLIENTS ?? 500) }),
  fanout: () => fanout(smoke ? { sizes: [10], commands: 10 } : { sizes: [10, 50, 200, 500], commands: 200 }),
  meeting: () => fullMeeting(smoke ? { speakers: 2, reviewers: 20 } : { speakers: 20, reviewers: 500 }),
  display: () => displayTruth(smoke ? { flips: 4, skewFlips: 3 } : { flips: 60, skewFlips: 20 }),
  // BENCH_ENGINES=webkit,firefox runs only those engines.
  engines: () => displayEngines({ ...(smoke ? { countSeconds: 3, costSeconds: 3 } : { countSeconds: 20, costSeconds: Number(process.env.BENCH_COST_SECONDS ?? 10) }), ...(process.env.BENCH_ENGINES ? { only: process.env.BENCH_ENGINES.split(',') } : {}) }),
  'last-ballot': () => lastBallot(smoke ? { slots: 2, reviewers: 10 } : { slots: 20, reviewers: 500 }),
  startup: () => startup({ events: smoke ? 20_000 : 100_000 }),
  outputs: () => outputs(smoke ? { speakers: 2, phases: 2 } : { speakers: Number(process.env.BENCH_SPEAKERS ?? 42), phases: 2 }),
  hostile: () => hostile(smoke ? { speakers: 2, seconds: 3 } : { speakers: Number(process.env.BENCH_SPEAKERS ?? 12), seconds: Number(process.env.BENCH_SECONDS ?? 60) }),
};

await HostProcess.build();
const figures: Figure[] = [];
for (const [name, run] of Object.entries(benches)) {
  if (values.only && !values.only.split(',').includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const got = await run();
  // As each bench ends, so a long run that stops half-way still tells what it measured.
  got.forEach((f) => process.stderr.write(`  ${f.figure}: ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ''}\n`));
  figures.push(...got);
}

const verdict = (f: Figure) => (f.pass === null ? '' : f.pass ? 'pass' : 'MISS');
console.table(figures.map((f) => ({ figure: f.figure, value: f.value, unit: f.unit, target: f.target, result: verdict(f) })));
for (const f of figures.filter((x) => x.note)) console.log(`- ${f.figure}: ${f.note}`);

const machine = { cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${process.platform} ${release()}`, node: process.version };
await mkdir('bench', { recursive: true });
// A run of some benches (--only) keeps the last full run's figures: it writes a file of its own.
const file = smoke ? 'bench/results.smoke.json' : values.only ? 'bench/results.only.json' : 'bench/results.json';
await writeFile(file, JSON.stringify({ date: new Date().toISOString(), smoke, machine, figures }, null, 2) + '\n');
console.log(`written: ${file}`);
process.exit(0);
