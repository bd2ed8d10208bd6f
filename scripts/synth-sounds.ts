// Writes the chimes to assets/sounds/ (`npm run sounds`). Re-run after changing the recipe in
// scripts/sounds/synth.ts; a test checks the committed files still match it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHIMES, chimeWav } from './sounds/synth';
import type { ChimeName } from './sounds/synth';

for (const name of Object.keys(CHIMES) as ChimeName[]) {
  const file = fileURLToPath(new URL(`../assets/sounds/${name}.wav`, import.meta.url));
  writeFileSync(file, chimeWav(name));
  console.log(`wrote ${file}`);
}
