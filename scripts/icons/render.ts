import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import { Resvg } from '@resvg/resvg-js';

/**
 * Every icon file the installers need, from the one source SVG (assets/icons/rostrum.svg): a PNG
 * per size for Linux (electron-builder takes a folder of `NxN.png`), the Windows .ico and the
 * macOS .icns. Each size is rendered from the vector, never scaled down from a bitmap, so the
 * small ones stay sharp; the .ico and .icns hold those same PNG files byte for byte.
 */

/** The Linux set: the freedesktop sizes, up to the 1024 px the macOS icon needs. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** What Windows picks from, up to 256 (the largest an .ico holds). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** The modern .icns entries (PNG data), each with the pixel size it holds (the @2x ones are double). */
export const ICNS_TYPES: readonly (readonly [string, number])[] = [
  ['icp4', 16],
  ['ic11', 32], // 16@2x
  ['icp5', 32],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
];

export const pngName = (size: number): string => `png/${size}x${size}.png`;

export function renderPng(svg: string | Buffer, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export function renderPngs(svg: string | Buffer): Map<number, Uint8Array> {
  return new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)]));
}

/** The .ico and .icns around the given PNGs (by size), embedded as they are. */
export async function encodeIcons(png: ReadonlyMap<number, Uint8Array>): Promise<{ ico: Uint8Array; icns: Uint8Array }> {
  const at = (size: number): Uint8Array => {
    const bytes = png.get(size);
    if (!bytes) throw new Error(`no ${size} px PNG to put in the icon`);
    return bytes;
  };
  const ico = new IconIco();
  // PNG entries (Windows Vista on reads them), the bytes as given: the .ico holds the reviewed PNGs.
  for (const size of ICO_SIZES) await ico.addFromPng(at(size), true, true);
  const icns = new IconIcns();
  for (const [type, size] of ICNS_TYPES) await icns.addFromPng(at(size), [type], true);
  return { ico: ico.encode(), icns: icns.encode() };
}
