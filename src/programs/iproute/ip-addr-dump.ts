// `ip address save`, `restore` and `showdump`: every address of the family (of one device when
// one is named) written to a pipe or file behind iproute2's address dump magic, added back from
// one (an address already there is reported, not fatal), or printed each after `ifN:`. The
// dump is the kernel's RTM_NEWADDR messages after the magic (ip-addr-wire.ts).
import { FOREVER, IFA_F, isNetError, type AddrMsg, type AddrSpec } from '../../shared/services/net';
import { printAddr } from './ip-addr-print';
import { decodeAddrs, encodeAddr } from './ip-addr-wire';
import type { Ip } from './ip-session';
import { AF, IpExit } from './ip-util';
import { dumpSeq, readDumpInput } from './netlink-dump';

/** ipadd_dump_magic (0x47361222), as its four bytes lie in the file. */
const MAGIC = [0x22, 0x12, 0x36, 0x47];

/** The flags a new address takes from its message; the others the kernel works out itself. */
const SETTABLE = IFA_F.NODAD | IFA_F.OPTIMISTIC | IFA_F.HOMEADDRESS | IFA_F.MANAGETEMPADDR | IFA_F.NOPREFIXROUTE | IFA_F.MCAUTOJOIN;

/** The words of ip address's selectors (a bare word that is none of them names the device). */
const SELECTORS = new Set(['to', 'scope', 'label', 'up', 'dynamic', 'permanent', 'primary', 'secondary', 'tentative', '-tentative', 'deprecated', '-deprecated', 'dadfailed', '-dadfailed', 'temporary', 'master', 'vrf', 'type', 'group', 'nomaster', 'noprefixroute', 'home', 'mngtmpaddr', 'autojoin']);

export async function saveAddresses(ip: Ip, argv: string[]): Promise<number> {
  if (ip.ctx.sys.isatty(1)) return ip.fail('Not sending a binary stream to stdout\n', 1);
  // only the device narrows the dump (ipaddr_dump_filter); the other selectors do not apply
  let ifindex = 0;
  const at = argv.indexOf('dev');
  const dev = at >= 0 ? argv[at + 1] : argv[0] !== undefined && !SELECTORS.has(argv[0]) ? argv[0] : undefined;
  if (dev !== undefined) {
    ifindex = await ip.index(dev);
    if (!ifindex) return ip.fail(`Device "${dev}" does not exist.\n`, 1);
  }
  const reply = await ip.call({ kind: 'getaddrs', ...(ip.family === AF.INET ? { family: 4 } : ip.family === AF.INET6 ? { family: 6 } : {}) });
  const addrs = ('addrs' in reply ? reply.addrs : []).filter((a) => !ifindex || a.ifindex === ifindex);
  // (the port id is the process's)
  const seq = dumpSeq(ip);
  const bytes = [...MAGIC, ...addrs.flatMap((a) => encodeAddr(a, seq, ip.ctx.sys.pid, ifindex !== 0))];
  await ip.ctx.sys.write(1, new Uint8Array(bytes));
  return 0;
}

/** ipadd_dump_check_magic, then the dump's addresses. */
async function readDump(ip: Ip): Promise<AddrMsg[]> {
  const dump = await readDumpInput(ip, MAGIC, 'address');
  return typeof dump === 'string' ? ip.fail(dump) : decodeAddrs(dump);
}

export async function showdumpAddresses(ip: Ip): Promise<number> {
  for (const a of await readDump(ip)) {
    ip.printer.fp(`if${a.ifindex}:\n`);
    printAddr(ip, a, undefined);
  }
  return 0;
}

export async function restoreAddresses(ip: Ip): Promise<number> {
  for (const a of await readDump(ip)) {
    const { validLft, preferredLft, flags, ...rest } = a;
    const spec: AddrSpec = { ...rest, flags: flags & SETTABLE };
    if (validLft !== FOREVER || preferredLft !== FOREVER) {
      spec.validLft = validLft;
      spec.preferredLft = preferredLft;
    }
    const reply = await ip.call({ kind: 'newaddr', nlflags: { create: true }, addr: spec });
    if (isNetError(reply)) {
      ip.reportError(reply);
      if (reply.errno !== 'EEXIST') throw new IpExit(2);
    }
  }
  return 0;
}
