import { describe, expect, it } from 'vitest';
import { lanFlags } from './serve-flags';

describe('serve mode’s network flags', () => {
  it('keep the host on this machine unless told otherwise', () => {
    expect(lanFlags({})).toEqual({ lan: false, interface: 'all' });
    expect(lanFlags({ bind: '127.0.0.1' })).toEqual({ lan: false, interface: 'all' });
  });

  it('open the LAN with --lan, --interface or --bind 0.0.0.0', () => {
    expect(lanFlags({ lan: true })).toEqual({ lan: true, interface: 'all' });
    expect(lanFlags({ interface: 'wifi' })).toEqual({ lan: true, interface: 'wifi' });
    expect(lanFlags({ bind: '0.0.0.0', interface: 'cable' })).toEqual({ lan: true, interface: 'cable' });
  });

  it('refuse what they cannot understand, naming the flag', () => {
    expect(() => lanFlags({ interface: 'wlan0' })).toThrow('--interface: "wlan0" is not one of wifi, cable, all');
    expect(() => lanFlags({ bind: '192.168.1.5' })).toThrow(/--bind: "192.168.1.5".*--lan --interface/);
    expect(() => lanFlags({ bind: '127.0.0.1', lan: true })).toThrow('--bind 127.0.0.1 keeps phones out');
  });
});
