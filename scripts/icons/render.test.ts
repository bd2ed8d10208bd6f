import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeIcons, ICNS_TYPES, ICO_SIZES, PNG_SIZES, pngName, renderPng } from './render';

const dir = new URL('../../assets/icons/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, dir));
const svg = read('rostrum.svg');

/** The largest difference of any channel of any pixel (anti-aliasing may differ by a step across CPUs). */
function maxDifference(a: Buffer, b: Buffer): number {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)];
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  let max = 0;
  for (let i = 0; i < pa.data.length; i++) max = Math.max(max, Math.abs((pa.data[i] ?? 0) - (pb.data[i] ?? 0)));
  return max;
}

describe('the committed icons are the source SVG, rendered (npm run icons)', () => {
  it.each(PNG_SIZES)('png/%ix… is the SVG at that size', (size) => {
    const committed = read(pngName(size));
    const { width, height } = PNG.sync.read(committed);
    expect([width, height]).toEqual([size, size]);
    expect(maxDifference(committed, renderPng(svg, size))).toBeLessThanOrEqual(2);
  });

  it('the .ico and .icns hold exactly those PNGs', async () => {
    const png = new Map(PNG_SIZES.map((size) => [size, read(pngName(size))]));
    const { ico, icns } = await encodeIcons(png);
    expect(Buffer.from(ico).equals(read('icon.ico'))).toBe(true);
    expect(Buffer.from(icns).equals(read('icon.icns'))).toBe(true);
  });

  it('the .ico lists every Windows size and the .icns every macOS entry', () => {
    const ico = read('icon.ico');
    const count = ico.readUInt16LE(4);
    // ICONDIRENTRY: width and height are one byte each, 0 meaning 256.
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([...ICO_SIZES]);
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(ICNS_TYPES.map(([type]) => type));
  });
});
