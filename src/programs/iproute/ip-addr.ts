// `ip address` (ip/ipaddress.c do_ipaddr): add, change, replace, delete, show/list, flush,
// and the binary save/restore forms, which need a file or pipe rather than a terminal.
import { listOrFlush } from './ip-addr-list';
import { modifyAddress } from './ip-addr-modify';
import type { Ip } from './ip-session';
import { ADDR_USAGE } from './ip-usage';
import { matches } from './ip-util';

export async function doAddr(ip: Ip, argv: string[]): Promise<number> {
  const usage = (): never => ip.fail(ADDR_USAGE);
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return listOrFlush(ip, [], 'list', false, usage);
  if (matches(cmd, 'add')) return modifyAddress(ip, rest, false, { create: true, excl: true }, usage);
  if (matches(cmd, 'change') || cmd === 'chg') return modifyAddress(ip, rest, false, { replace: true }, usage);
  if (matches(cmd, 'replace')) return modifyAddress(ip, rest, false, { create: true, replace: true }, usage);
  if (matches(cmd, 'delete')) return modifyAddress(ip, rest, true, {}, usage);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return listOrFlush(ip, rest, 'list', false, usage);
  if (matches(cmd, 'flush')) return listOrFlush(ip, rest, 'flush', false, usage);
  if (matches(cmd, 'save')) {
    if (ip.ctx.sys.isatty(1)) return ip.fail('Not sending a binary stream to stdout\n', 1);
    return 0;
  }
  if (matches(cmd, 'showdump') || matches(cmd, 'restore')) {
    if (ip.ctx.sys.isatty(0)) return ip.fail("Can't restore address dump from a terminal\n");
    return ip.fail('Magic mismatch (0 elems, 0 magic)\n');
  }
  if (matches(cmd, 'help')) usage();
  return ip.fail(`Command "${cmd}" is unknown, try "ip address help".\n`);
}
