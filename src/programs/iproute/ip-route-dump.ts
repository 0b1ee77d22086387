// `ip route save`, `restore` and `showdump`: the routes a listing selects, written to a pipe or
// file behind iproute2's dump magic, read back and added again (local, then on-link, then
// gatewayed routes, as restore_handler orders them; one already there is reported, not fatal), or
// printed. The dump is the kernel's RTM_NEWROUTE messages after the magic (ip-route-wire.ts).
import { isNetError, RTNH_F, type RouteMsg, type RouteSpec } from '../../shared/services/net';
import { newRouteFilter, printRoute } from './ip-route-print';
import type { Ip } from './ip-session';
import { decodeRoutes, encodeRoute } from './ip-route-wire';
import { dumpSeq, readDumpInput } from './netlink-dump';

/** route_dump_magic (0x45311224), as its four bytes lie in the file. */
const MAGIC = [0x24, 0x12, 0x31, 0x45];

export async function saveRoutes(ip: Ip, routes: RouteMsg[]): Promise<number> {
  if (ip.ctx.sys.isatty(1)) {
    ip.err('Not sending a binary stream to stdout\n');
    return 1;
  }
  // (the port id is the process's)
  const seq = dumpSeq(ip);
  await ip.ctx.sys.write(1, new Uint8Array([...MAGIC, ...routes.flatMap((r) => encodeRoute(r, seq, ip.ctx.sys.pid))]));
  return 0;
}

/** The routes of a dump on standard input, or null after saying why there are none. */
async function readDump(ip: Ip): Promise<RouteMsg[] | null> {
  const dump = await readDumpInput(ip, MAGIC, 'route');
  if (typeof dump !== 'string') return decodeRoutes(dump);
  ip.err(dump);
  return null;
}

export async function showdumpRoutes(ip: Ip): Promise<number> {
  const routes = await readDump(ip);
  if (!routes) return 1;
  const f = newRouteFilter();
  f.tb = 0;
  ip.printer.start();
  for (const r of routes) await printRoute(ip, f, r);
  ip.printer.finish();
  return 0;
}

function specOf(r: RouteMsg): RouteSpec {
  const { src: _src, srcLen: _srcLen, iif: _iif, uid: _uid, mark: _mark, expires: _expires, flags, ...rest } = r;
  return { ...rest, flags: flags & RTNH_F.ONLINK };
}

export async function restoreRoutes(ip: Ip): Promise<number> {
  const routes = await readDump(ip);
  if (!routes) return 1;
  // restore_handler's three passes: routes without a gateway (and without a preferred source
  // unless they are default routes), then on-link ones with a source, then gatewayed ones
  const passes = [
    (r: RouteMsg) => r.gateway === undefined && (r.prefsrc === undefined || r.dstLen === 0),
    (r: RouteMsg) => r.gateway === undefined && r.prefsrc !== undefined,
    (r: RouteMsg) => r.gateway !== undefined,
  ];
  for (const pass of passes) {
    for (const r of routes.filter(pass)) {
      const reply = await ip.call({ kind: 'newroute', nlflags: { create: true }, route: specOf(r) });
      // rtnl_talk reports every refusal; one for a route already there does not stop the restore
      if (isNetError(reply)) {
        ip.reportError(reply);
        if (reply.errno !== 'EEXIST') return 2;
      }
    }
  }
  return 0;
}
