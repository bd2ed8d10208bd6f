import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHIMES, chimeWav, SAMPLE_RATE } from './synth';
import type { ChimeName } from './synth';

const names = Object.keys(CHIMES) as ChimeName[];
const committed = (name: ChimeName) => readFileSync(fileURLToPath(new URL(`../../assets/sounds/${name}.wav`, import.meta.url)));
const samplesOf = (wav: Buffer) => Array.from({ length: (wav.length - 44) / 2 }, (_, i) => wav.readInt16LE(44 + i * 2) / 32768);

/** Loudness per 10 ms window, to find where strikes begin. */
function envelope(samples: number[]): number[] {
  const win = SAMPLE_RATE / 100;
  const out: number[] = [];
  for (let i = 0; i + win <= samples.length; i += win) out.push(Math.max(...samples.slice(i, i + win).map(Math.abs)));
  return out;
}

const onsets = (env: number[]) => env.filter((v, i) => v > 0.3 && v > (env[i - 1] ?? 0) * 1.6).length;

describe.each(names)('the %s chime', (name) => {
  it('is exactly what the recipe makes (assets never drift from scripts/sounds/synth.ts)', () => {
    expect(committed(name).equals(chimeWav(name))).toBe(true);
  });

  it('is a 16-bit mono 44.1 kHz WAV of the intended length', () => {
    const wav = committed(name);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(SAMPLE_RATE);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40) / 2 / SAMPLE_RATE).toBeCloseTo(CHIMES[name].duration, 2);
  });

  it('never clips and starts without a click', () => {
    const s = samplesOf(committed(name));
    expect(Math.max(...s.map(Math.abs))).toBeLessThan(0.95);
    expect(Math.max(...s.slice(0, 20).map(Math.abs))).toBeLessThan(0.05);
    expect(Math.abs(s.at(-1) ?? 1)).toBeLessThan(0.001);
  });
});

describe('the cues are told apart by ear', () => {
  it('warning strikes once, danger twice', () => {
    expect(onsets(envelope(samplesOf(committed('warning'))))).toBe(1);
    expect(onsets(envelope(samplesOf(committed('danger'))))).toBe(2);
  });

  it('the end bell is the longest', () => {
    expect(CHIMES.end.duration).toBeGreaterThan(CHIMES.danger.duration);
    expect(CHIMES.end.duration).toBeGreaterThan(CHIMES.warning.duration);
  });
});
