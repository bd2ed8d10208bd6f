import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK } from '../src/core/network';
import { loadSettings, saveSettings } from './settings-file';

const dir = () => mkdtempSync(join(tmpdir(), 'rostrum-shell-'));

describe('shell settings', () => {
  it('remember the projector screen across restarts', () => {
    const file = join(dir(), 'shell.json');
    const projector = { id: 2, label: 'EPSON', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
    const network = { lan: true, interface: 'wifi' as const, port: 5000 };
    const mini = { x: 1500, y: 820, width: 300, height: 170 };
    saveSettings(file, { projector, network, mini });
    expect(loadSettings(file)).toEqual({ projector, network, mini });
  });

  it('keep the rest when the mini timer’s bounds are damaged, and drop only those', () => {
    const d = dir();
    for (const [name, mini] of [['a', '{"x": 10, "y": 10, "width": "big", "height": 200}'], ['b', '{"x": 10.5, "y": 10, "width": 300, "height": 200}'], ['c', '{"x": 10, "y": 10, "width": 0, "height": 200}'], ['d', '[1, 2, 3, 4]']] as const) {
      writeFileSync(join(d, `${name}.json`), `{"network": {"lan": true, "interface": "cable", "port": 4400}, "mini": ${mini}}`);
      expect(loadSettings(join(d, `${name}.json`))).toEqual({ projector: null, network: { lan: true, interface: 'cable', port: 4400 }, mini: null });
    }
  });

  it('keep the network setting when the projector part is bad, and the other way round', () => {
    const d = dir();
    writeFileSync(join(d, 'a.json'), '{"projector": {"id": "two"}, "network": {"lan": true, "interface": "cable", "port": 4400}}');
    expect(loadSettings(join(d, 'a.json'))).toEqual({ projector: null, network: { lan: true, interface: 'cable', port: 4400 }, mini: null });
    writeFileSync(join(d, 'b.json'), '{"network": {"lan": "yes", "interface": "cable", "port": 4400}}');
    expect(loadSettings(join(d, 'b.json')).network).toEqual(DEFAULT_NETWORK);
  });

  it('start fresh when the file is missing or damaged', () => {
    const d = dir();
    const fresh = { projector: null, network: DEFAULT_NETWORK, mini: null };
    expect(loadSettings(join(d, 'none.json'))).toEqual(fresh);
    writeFileSync(join(d, 'bad.json'), '{"projector": {"id": "two"}');
    expect(loadSettings(join(d, 'bad.json'))).toEqual(fresh);
    writeFileSync(join(d, 'odd.json'), '{"projector": {"id": "two"}}');
    expect(loadSettings(join(d, 'odd.json'))).toEqual(fresh);
  });
});
