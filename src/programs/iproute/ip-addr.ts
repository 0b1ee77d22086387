// `ip address` (ip/ipaddress.c do_ipaddr): add, change, replace, delete, show/list, flush,
// and the binary save/restore forms, which need a file or pipe rather than a terminal.
import { restoreAddresses, saveAddresses, showdumpAddresses } from './ip-addr-dump';
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
  if (matches(cmd, 'save')) return saveAddresses(ip, rest);
  if (matches(cmd, 'showdump')) return showdumpAddresses(ip);
  if (matches(cmd, 'restore')) return restoreAddresses(ip);
  if (matches(cmd, 'help')) usage();
  return ip.fail(`Command "${cmd}" is unknown, try "ip address help".\n`);
}
