// Alternative device names (RTM_NEWLINKPROP / RTM_DELLINKPROP, rtnl_alt_ifname): each is
// looked up like a device's name, so it must be free among names and alternative names alike.
// The names of one request are taken in order; the first that fails ends it, and those before
// it stay done.
import type { NetError } from '../../shared/services/net';
import { err } from './fib';
import { linkByName, type Link, type NetState } from './state';

/** IFLA_ALT_IFNAME is a string of at most ALTIFNAMSIZ - 1 bytes. */
const ALTIFNAMSIZ = 128;

export function changeAltnames(s: NetState, l: Link, op: 'add' | 'del', names: readonly string[]): NetError | null {
  for (const name of names) {
    if (new TextEncoder().encode(name).length > ALTIFNAMSIZ - 1) return err('ERANGE', 'Attribute failed policy validation');
    const owner = linkByName(s, name);
    if (op === 'add') {
      // netdev_name_node_alt_create
      if (owner) return err('EEXIST');
      (l.altnames ??= []).push(name);
      continue;
    }
    // netdev_name_node_alt_destroy: the device's own name, or another device's, is no alternative to drop
    if (!owner) return err('ENOENT');
    if (owner !== l || name === l.name) return err('EINVAL');
    l.altnames = l.altnames!.filter((n) => n !== name);
    if (l.altnames.length === 0) delete l.altnames;
  }
  return null;
}
