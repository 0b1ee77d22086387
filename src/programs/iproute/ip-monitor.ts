// `ip monitor` (ipmonitor.c): the objects to listen for, `label`, `all-nsid`, `dev DEVICE`
// and `file FILE` are read first (a bad word or device ends ip with 255); `file` replays the
// netlink messages saved in a file (rtnl_from_file), otherwise ip listens until it is killed.
import { isSysError, strerror } from '../../shared/errno';
import type { Ip } from './ip-session';
import { matches } from './ip-util';

const USAGE = `Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]
                  [ dev DEVICE ]
OBJECTS :=  address | link | mroute | neigh | netconf |
            nexthop | nsid | prefix | route | rule | stats
FILE := file FILENAME
`;

/** The objects, in the order ipmonitor.c tries them (`stats` only spelt out in full). */
const OBJECTS = ['label', 'link', 'address', 'route', 'mroute', 'prefix', 'neigh', 'netconf', 'rule', 'nsid', 'nexthop'];

export async function doMonitor(ip: Ip, argv: string[]): Promise<number> {
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (matches(w, 'file')) {
      if (++i >= argv.length) ip.incomplete();
      file = argv[i]!;
    } else if (OBJECTS.some((o) => matches(w, o)) || w === 'stats' || w === 'all' || matches(w, 'all-nsid')) {
      // an object to listen for (all of them when none is named)
    } else if (matches(w, 'help')) {
      ip.fail(USAGE);
    } else if (w === 'dev') {
      if (++i >= argv.length) ip.incomplete();
      if (!(await ip.index(argv[i]!))) ip.invarg('Device does not exist\n', argv[i]!);
    } else {
      ip.fail(`Argument "${w}" is unknown, try "ip monitor help".\n`);
    }
  }
  if (file !== undefined) return replay(ip, file);
  // listen: nothing here announces a change unasked, so ip waits until a signal ends it
  let seq = 0;
  for (;;) {
    await ip.writeChunks();
    const r = await ip.call({ kind: 'wait', afterSeq: seq });
    if (!('seq' in r) || typeof r.seq !== 'number' || r.seq === seq) return 2;
    seq = r.seq;
  }
}

/** rtnl_from_file: nlmsghdr after nlmsghdr until the end of the file. */
async function replay(ip: Ip, file: string): Promise<number> {
  let data: Uint8Array;
  try {
    data = await ip.ctx.sys.readFile(file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    // fopen fails for a missing file; reading a directory fails at the first fread
    if (e.errno !== 'EISDIR') return ip.fail(`Cannot fopen: ${strerror(e.errno)}\n`);
    ip.err(`rtnl_from_file: fread: ${strerror(e.errno)}\n`);
    return 1;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  while (at < data.length) {
    if (data.length - at < 16) return truncated(ip);
    const len = view.getUint32(at, true) | 0;
    const type = view.getUint16(at + 4, true);
    if (len < 16 || len > 16384) {
      ip.err(`!!!malformed message: len=${len} @${at + 16}\n`);
      return 1;
    }
    const body = (len - 16 + 3) & ~3;
    if (data.length - at - 16 < body) return truncated(ip);
    at += 16 + body;
    // NLMSG_NOOP, NLMSG_ERROR and NLMSG_DONE are passed over; what else a file holds is not
    // decoded here
    if (type === 0 || (type > 3 && type < 15)) {
      const flags = view.getUint16(at - 16 - body + 6, true);
      const hex = (n: number): string => n.toString(16).padStart(8, '0');
      ip.err(`Unknown message: type=0x${hex(type)}(${type}) flags=0x${hex(flags)}(${flags}) len=0x${hex(len)}(${len})\n`);
    }
  }
  return 0;
}

function truncated(ip: Ip): number {
  ip.err('rtnl-from_file: truncated message\n');
  return 1;
}
