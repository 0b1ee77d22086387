// Link-layer multicast addresses an administrator joins on a device (`ip maddr add`); the
// groups the kernel joins itself follow from the device state (see ip-maddr.ts).
import type { NetError } from '../../shared/services/net';
import { err } from './fib';
import type { Link } from './state';

/**
 * SIOCADDMULTI / SIOCDELMULTI (dev_mc_add_global, dev_mc_del_global): a device without a
 * receive mode to program (the loopback, ifb) refuses; joining twice by hand is joining once,
 * and only an address joined by hand can be left so.
 */
export function changeMulticast(l: Link, op: 'add' | 'del', addr: readonly number[], pos: number): NetError | null {
  if (l.linkType === 'loopback' || l.kind === 'ifb') return err('EINVAL');
  const list = l.mcStatic ?? [];
  const i = list.findIndex((m) => m.addr.length === addr.length && m.addr.every((b, j) => b === addr[j]));
  if (op === 'add') {
    if (i < 0) l.mcStatic = [...list, { addr: [...addr], pos }];
    return null;
  }
  if (i < 0) return err('ENOENT');
  list.splice(i, 1);
  if (list.length === 0) delete l.mcStatic;
  return null;
}
