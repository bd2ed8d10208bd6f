import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { acceptsLocalAddress, chosenInterfaces, classifyInterface, lanInterfaces, loopbackAddresses } from './interfaces';
import type { InterfaceTable } from './interfaces';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, family: 'IPv6', internal: false, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: `${address}/64`, scopeid: 0 });

/** A Windows laptop with Wi-Fi, a cable, a VPN and a virtual switch. */
const windows: InterfaceTable = {
  'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true)],
  'vEthernet (WSL)': [v4('172.22.240.1')],
  以太网: [v4('10.0.0.12'), v6('fe80::1')],
  WLAN: [v4('192.168.1.23'), v6('fe80::2')],
};

/** A Linux laptop whose Wi-Fi has only a link-local address (no DHCP answer yet). */
const linux: InterfaceTable = { lo: [v4('127.0.0.1', true)], enp3s0: [v4('10.1.0.5')], wlp2s0: [v4('169.254.3.4')], docker0: [v4('172.17.0.1')] };

describe('which network an interface is', () => {
  it.each([
    ['wlan0', 'wifi'],
    ['wlp2s0', 'wifi'],
    ['Wi-Fi', 'wifi'],
    ['WLAN 2', 'wifi'],
    ['无线网络连接', 'wifi'],
    ['eth0', 'cable'],
    ['enp3s0', 'cable'],
    ['eno1', 'cable'],
    ['Ethernet', 'cable'],
    ['以太网', 'cable'],
    ['本地连接', 'cable'],
    ['vEthernet (WSL)', 'other'],
    ['docker0', 'other'],
    ['utun3', 'other'],
    ['tailscale0', 'other'],
  ] as const)('%s is %s', (name, kind) => expect(classifyInterface(name, 'linux')).toBe(kind));

  it('takes a MacBook’s en0 for its Wi-Fi, and only on macOS', () => {
    expect(classifyInterface('en0', 'darwin')).toBe('wifi');
    expect(classifyInterface('en5', 'darwin')).toBe('other');
    expect(classifyInterface('en0', 'linux')).toBe('other');
  });
});

describe('the addresses phones can use', () => {
  it('lists each IPv4 address other devices can reach, Wi-Fi first', () => {
    expect(lanInterfaces(windows, 'win32')).toEqual([
      { name: 'WLAN', kind: 'wifi', address: '192.168.1.23' },
      { name: '以太网', kind: 'cable', address: '10.0.0.12' },
      { name: 'vEthernet (WSL)', kind: 'other', address: '172.22.240.1' },
    ]);
  });

  it('leaves out loopback and link-local addresses, which no phone can use', () => {
    expect(lanInterfaces(linux, 'linux').map((i) => i.address)).toEqual(['10.1.0.5', '172.17.0.1']);
  });

  it('serves the chosen kind only, or all', () => {
    const all = lanInterfaces(windows, 'win32');
    expect(chosenInterfaces('wifi', all).map((i) => i.address)).toEqual(['192.168.1.23']);
    expect(chosenInterfaces('cable', all).map((i) => i.address)).toEqual(['10.0.0.12']);
    expect(chosenInterfaces('all', all)).toHaveLength(3);
    // Wi-Fi switched off: nothing to serve, which the host then says.
    expect(chosenInterfaces('wifi', lanInterfaces(linux, 'linux'))).toEqual([]);
  });
});

describe('which connections the host takes', () => {
  const served = chosenInterfaces('wifi', lanInterfaces(windows, 'win32'));
  const loopback = loopbackAddresses(windows);

  it('always those made on this machine', () => {
    expect(acceptsLocalAddress('127.0.0.1', loopback, [])).toBe(true);
    expect(acceptsLocalAddress('::1', loopback, [])).toBe(true);
    expect(acceptsLocalAddress('::ffff:127.0.0.1', loopback, [])).toBe(true);
  });

  it('from the LAN only at an address of the chosen interface', () => {
    expect(acceptsLocalAddress('192.168.1.23', loopback, served)).toBe(true);
    expect(acceptsLocalAddress('::ffff:192.168.1.23', loopback, served)).toBe(true);
    expect(acceptsLocalAddress('10.0.0.12', loopback, served)).toBe(false);
    expect(acceptsLocalAddress('172.22.240.1', loopback, served)).toBe(false);
    expect(acceptsLocalAddress(undefined, loopback, served)).toBe(false);
  });
});
