/**
 * Chime synthesis in plain Node: additive bell tones written as 16-bit PCM WAV. Deterministic
 * (no noise, no randomness), so the committed files can be checked against their recipe.
 */

export const SAMPLE_RATE = 44_100;

export interface Strike {
  /** Seconds from the start of the sound. */
  at: number;
  /** Fundamental frequency in Hz. */
  freq: number;
  gain: number;
  /** Seconds for the fundamental to fall to 1/e; higher partials die faster, as on a real bell. */
  decay: number;
}

export interface ChimeSpec {
  duration: number;
  strikes: Strike[];
}

/**
 * Partials of a struck bell relative to its fundamental. They are inharmonic (2.76, 5.40), which
 * is what makes a bell sound like a bell rather than an organ pipe, and it carries through a
 * noisy hall better than a pure sine.
 */
const PARTIALS = [
  { ratio: 0.5, gain: 0.25, decayScale: 1.4 },
  { ratio: 1, gain: 1, decayScale: 1 },
  { ratio: 2, gain: 0.45, decayScale: 0.6 },
  { ratio: 2.76, gain: 0.3, decayScale: 0.45 },
  { ratio: 5.4, gain: 0.12, decayScale: 0.25 },
];

/** A 4 ms attack: long enough to avoid a click, short enough to still sound struck. */
const ATTACK_S = 0.004;
/** The last 60 ms fade to silence so the file never ends on a cut. */
const RELEASE_S = 0.06;

export function render(spec: ChimeSpec, rate = SAMPLE_RATE): Float32Array {
  const n = Math.round(spec.duration * rate);
  const out = new Float32Array(n);
  for (const strike of spec.strikes) {
    const start = Math.round(strike.at * rate);
    for (let i = start; i < n; i++) {
      const t = (i - start) / rate;
      const attack = Math.min(1, t / ATTACK_S);
      let v = 0;
      for (const p of PARTIALS) {
        v += p.gain * Math.exp(-t / (strike.decay * p.decayScale)) * Math.sin(2 * Math.PI * strike.freq * p.ratio * t);
      }
      out[i] = (out[i] ?? 0) + strike.gain * attack * v;
    }
  }
  const releaseFrom = n - Math.round(RELEASE_S * rate);
  for (let i = Math.max(0, releaseFrom); i < n; i++) out[i] = (out[i] ?? 0) * ((n - i) / (n - releaseFrom));
  return out;
}

/** Scales so the loudest sample sits at `peakDb` below full scale: loud, never clipped. */
export function normalise(samples: Float32Array, peakDb = -1): Float32Array {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const target = 10 ** (peakDb / 20);
  const k = peak === 0 ? 0 : target / peak;
  return samples.map((s) => s * k);
}

/** 16-bit PCM mono WAV (RIFF), the one format every browser's audio decoder reads. */
export function encodeWav(samples: Float32Array, rate = SAMPLE_RATE): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The three cues: one chime at the warning, two at danger, a lower, longer bell at 0:00. */
export const CHIMES = {
  warning: { duration: 1.2, strikes: [{ at: 0, freq: 880, gain: 1, decay: 0.35 }] },
  danger: {
    duration: 1.6,
    strikes: [
      { at: 0, freq: 988, gain: 1, decay: 0.25 },
      { at: 0.38, freq: 988, gain: 1, decay: 0.35 },
    ],
  },
  end: {
    duration: 2.5,
    strikes: [
      { at: 0, freq: 784, gain: 1, decay: 0.4 },
      { at: 0.45, freq: 523.25, gain: 1.1, decay: 0.8 },
    ],
  },
} satisfies Record<'warning' | 'danger' | 'end', ChimeSpec>;

export type ChimeName = keyof typeof CHIMES;

export const chimeWav = (name: ChimeName): Buffer => encodeWav(normalise(render(CHIMES[name])));
