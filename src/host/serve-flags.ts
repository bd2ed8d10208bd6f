import { InterfaceChoiceSchema } from '../core/network';
import type { NetworkSetting } from '../core/network';

/**
 * Serve mode's network flags: `--lan` (and `--interface wifi|cable|all`), or `--bind` as before
 * (0.0.0.0 is the LAN on every interface, 127.0.0.1 this machine only). A flag that cannot be
 * understood is an error naming it, never a guess.
 */
export function lanFlags(flags: { lan?: boolean; interface?: string; bind?: string }): Pick<NetworkSetting, 'lan' | 'interface'> {
  const choice = InterfaceChoiceSchema.safeParse(flags.interface ?? 'all');
  if (!choice.success) throw new Error(`--interface: "${flags.interface}" is not one of wifi, cable, all`);
  if (flags.bind !== undefined && flags.bind !== '0.0.0.0' && flags.bind !== '127.0.0.1') {
    throw new Error(`--bind: "${flags.bind}" is not 127.0.0.1 or 0.0.0.0 (to serve one network, use --lan --interface wifi|cable)`);
  }
  if (flags.bind === '127.0.0.1' && (flags.lan || flags.interface !== undefined)) throw new Error('--bind 127.0.0.1 keeps phones out: it cannot go with --lan or --interface');
  return { lan: flags.bind === '0.0.0.0' || flags.lan === true || flags.interface !== undefined, interface: choice.data };
}
