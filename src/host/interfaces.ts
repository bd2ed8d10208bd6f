import type { NetworkInterfaceInfo } from 'node:os';
import type { InterfaceChoice, InterfaceKind } from '../core/network';

/** What `os.networkInterfaces()` gives: interface name → its addresses. */
export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** One IPv4 address of this machine that other devices may use. */
export interface LanInterface {
  name: string;
  kind: InterfaceKind;
  address: string;
}

// The OS tells no interface's medium, only its name. Names seen: Linux wlan0/wlp2s0, eth0/enp3s0/eno1;
// Windows "Wi-Fi"/"WLAN"/"无线网络连接", "Ethernet"/"以太网"/"本地连接"; macOS en0 is the Wi-Fi of
// every MacBook (desktop Macs and adapters add en1…, told apart by nothing): those count as other.
const VIRTUAL = /^(docker|br-|veth|virbr|vbox|vmnet|vethernet|utun|tun|tap|tailscale|zt|wg|llw|awdl|bridge)/i;
const WIFI = /wi-?fi|wlan|^wl|airport|wireless|无线/i;
const CABLE = /ethernet|^eth|^en[opsx]|^em\d|以太网|本地连接|local area connection/i;

/** Wi-Fi, cable or other, by the interface's name (`platform` as in `process.platform`). */
export function classifyInterface(name: string, platform: NodeJS.Platform): InterfaceKind {
  if (VIRTUAL.test(name)) return 'other';
  if (WIFI.test(name)) return 'wifi';
  if (CABLE.test(name)) return 'cable';
  if (platform === 'darwin' && name === 'en0') return 'wifi';
  return 'other';
}

/** Wi-Fi first, then cable, then the rest: the likeliest network of the hall's phones leads. */
const ORDER: Record<InterfaceKind, number> = { wifi: 0, cable: 1, other: 2 };

/** The machine's IPv4 addresses other devices can reach (not loopback, not link-local), best first. */
export function lanInterfaces(table: InterfaceTable, platform: NodeJS.Platform): LanInterface[] {
  return Object.entries(table)
    .flatMap(([name, infos]) =>
      (infos ?? []).flatMap((i) => (i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.') ? [{ name, kind: classifyInterface(name, platform), address: i.address }] : [])),
    )
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** The interfaces a choice serves: all of them, or those of its kind. */
export function chosenInterfaces(choice: InterfaceChoice, all: readonly LanInterface[]): LanInterface[] {
  return choice === 'all' ? [...all] : all.filter((i) => i.kind === choice);
}

/** This machine's own loopback addresses, from the same table (127.0.0.1, ::1). */
export function loopbackAddresses(table: InterfaceTable): string[] {
  return Object.values(table).flatMap((infos) => (infos ?? []).filter((i) => i.internal).map((i) => i.address));
}

/**
 * Whether a connection that arrived at `localAddress` (the address it was sent to) is welcome:
 * always on loopback; on the LAN only at an address of a chosen interface. The host listens on
 * every address when the LAN is on, so this is what keeps it off the networks not chosen.
 */
export function acceptsLocalAddress(localAddress: string | undefined, loopback: readonly string[], served: readonly LanInterface[]): boolean {
  if (!localAddress) return false;
  const address = localAddress.startsWith('::ffff:') ? localAddress.slice(7) : localAddress;
  return address === '127.0.0.1' || address === '::1' || loopback.includes(address) || served.some((i) => i.address === address);
}
