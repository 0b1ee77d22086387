// `ip route save`, `restore` and `showdump`: the routes a listing selects, written to a pipe or
// file behind iproute2's dump magic, read back and added again (local, then on-link, then
// gatewayed routes, as restore_handler orders them; one already there is reported, not fatal), or
// printed. The dump is the kernel's RTM_NEWROUTE messages after the magic (ip-route-wire.ts).
import { isNetError, RTNH_F, type RouteMsg, type RouteSpec } from '../../shared/services/net';
import { newRouteFilter, printRoute } from './ip-route-print';
import type { Ip } from './ip-session';
import { decodeRoutes, encodeRoute } from './ip-route-wire';

/** route_dump_magic (0x45311224), as its four bytes lie in the file. */
const MAGIC = [0x24, 0x12, 0x31, 0x45];

export async function saveRoutes(ip: Ip, routes: RouteMsg[]): Promise<number> {
  if (ip.ctx.sys.isatty(1)) {
    ip.err('Not sending a binary stream to stdout\n');
    return 1;
  }
  // (the dump request's sequence number is the time; the port id the process's)
  const seq = Math.floor(ip.ctx.sys.now() / 1000);
  await ip.ctx.sys.write(1, new Uint8Array([...MAGIC, ...routes.flatMap((r) => encodeRoute(r, seq, ip.ctx.sys.pid))]));
  return 0;
}

/** The routes of a dump on standard input, or null after saying why there are none. */
async function readDump(ip: Ip): Promise<RouteMsg[] | null> {
  if (ip.ctx.sys.isatty(0)) {
    ip.err("Can't restore route dump from a terminal\n");
    return null;
  }
  const chunks: Uint8Array[] = [];
  for (let c = await ip.ctx.sys.read(0); c !== null; c = await ip.ctx.sys.read(0)) chunks.push(c);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) {
    // fread of the 4-byte magic: whether it got one, and what it read (little-endian)
    const got = bytes.length >= 4;
    const magic = got ? (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0 : 0;
    ip.err(`Magic mismatch (${got ? 1 : 0} elems, ${magic.toString(16)} magic)\n`);
    return null;
  }
  return decodeRoutes(bytes.subarray(4));
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
