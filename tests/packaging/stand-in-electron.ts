import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';

/** The marker @electron/fuses looks for in an Electron binary; the fuse wire follows it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A fuse's state on the wire: the characters '1' (on) and '0' (off). */
export const ON = 0x31;
export const OFF = 0x30;

/** The fuses as Electron ships them, before the build flips any. */
const SHIPPED: Record<FuseV1Options, number> = {
  [FuseV1Options.RunAsNode]: ON,
  [FuseV1Options.EnableCookieEncryption]: OFF,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: ON,
  [FuseV1Options.EnableNodeCliInspectArguments]: ON,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: OFF,
  [FuseV1Options.OnlyLoadAppFromAsar]: OFF,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: ON,
};

/**
 * An Electron distribution folder for electron-builder (`electronDist`) where no Electron binary
 * can be downloaded: an executable named `electron` that only says it is a placeholder, carrying a
 * fuse wire as Electron's does, so the build's fuse flipping runs on it and can be read back.
 */
export function standInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const fuses = Object.values(SHIPPED);
  const file = join(dir, 'electron');
  writeFileSync(file, Buffer.concat([Buffer.from(`#!/bin/sh\necho "a stand-in for Electron, to package with"\nexit 1\n# ${SENTINEL}`), Buffer.from([1, fuses.length, ...fuses]), Buffer.from('\n')]));
  chmodSync(file, 0o755);
  return dir;
}
