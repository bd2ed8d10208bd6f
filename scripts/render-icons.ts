// Writes every icon file to assets/icons/ from assets/icons/rostrum.svg (`npm run icons`). Re-run
// after changing the SVG; a test checks the committed files still match it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIcons, pngName, renderPngs } from './icons/render';

const dir = fileURLToPath(new URL('../assets/icons/', import.meta.url));
const png = renderPngs(readFileSync(join(dir, 'rostrum.svg')));
const { ico, icns } = await encodeIcons(png);
const files = new Map<string, Uint8Array>([...[...png].map(([size, bytes]) => [pngName(size), bytes] as const), ['icon.ico', ico], ['icon.icns', icns]]);
for (const [name, bytes] of files) {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${file}`);
}
