// The RTM_NEWROUTE messages `ip route save` writes and `restore`/`showdump` read: a netlink
// header, struct rtmsg and the attributes of the kernel's dump (fib_dump_info for IPv4,
// rt6_fill_node for IPv6), each padded to 4 bytes, little-endian as on x86.
import type { NexthopMsg, RouteMsg } from '../../shared/services/net';
import { formatAddr, type Family } from '../../shared/services/net-addr';
import { addrBytes, attrs, attr, readU32, u32 } from './netlink-dump';

const RTM_NEWROUTE = 24;
/** NLM_F_MULTI and NLM_F_DUMP_FILTERED: ip asks for a strict dump of its table */
const FLAGS = 0x22;
const RTA = { DST: 1, OIF: 4, GATEWAY: 5, PRIORITY: 6, PREFSRC: 7, METRICS: 8, MULTIPATH: 9, FLOW: 11, CACHEINFO: 12, TABLE: 15, PREF: 20, NH_ID: 30 } as const;




function metricsAttr(r: RouteMsg): number[] {
  const nested: number[] = [];
  const locks = r.metricLocks ?? 0;
  if (locks) nested.push(...attr(1, u32(locks)));
  for (const [k, v] of Object.entries(r.metrics ?? {}).sort((a, b) => Number(a[0]) - Number(b[0]))) nested.push(...attr(Number(k), u32(v)));
  return nested.length ? attr(RTA.METRICS, nested) : [];
}

function multipathAttr(hops: NexthopMsg[]): number[] {
  const body: number[] = [];
  for (const h of hops) {
    const inner = h.gateway !== undefined ? attr(RTA.GATEWAY, addrBytes(h.gateway)) : [];
    const len = 8 + inner.length;
    body.push(len & 0xff, len >> 8, h.flags & 0xff, h.weight - 1, ...u32(h.oif ?? 0), ...inner);
  }
  return attr(RTA.MULTIPATH, body);
}

/** One route as the dump's message. */
export function encodeRoute(r: RouteMsg, seq: number, pid: number): number[] {
  const body: number[] = [r.family === 4 ? 2 : 10, r.dstLen, r.srcLen, r.tos, r.table < 256 ? r.table : 252, r.protocol, r.scope, r.type, ...u32(r.flags)];
  body.push(...attr(RTA.TABLE, u32(r.table)));
  if (r.dst !== undefined && r.dstLen > 0) body.push(...attr(RTA.DST, addrBytes(r.dst)));
  if (r.family === 4) {
    if (r.priority) body.push(...attr(RTA.PRIORITY, u32(r.priority)));
    body.push(...metricsAttr(r));
    if (r.prefsrc !== undefined) body.push(...attr(RTA.PREFSRC, addrBytes(r.prefsrc)));
    // a route by a nexthop object names it, and (nexthop_compat_mode) its next hops too
    if (r.nhid !== undefined) body.push(...attr(RTA.NH_ID, u32(r.nhid)));
    if (r.multipath) body.push(...multipathAttr(r.multipath));
    if (r.gateway !== undefined) body.push(...attr(RTA.GATEWAY, addrBytes(r.gateway)));
    if (r.oif !== undefined) body.push(...attr(RTA.OIF, u32(r.oif)));
    if (r.flow) body.push(...attr(RTA.FLOW, u32(r.flow)));
  } else {
    if (r.prefsrc !== undefined) body.push(...attr(RTA.PREFSRC, addrBytes(r.prefsrc)));
    body.push(...metricsAttr(r));
    body.push(...attr(RTA.PRIORITY, u32(r.priority ?? 0)));
    if (r.multipath) body.push(...multipathAttr(r.multipath));
    if (r.gateway !== undefined) body.push(...attr(RTA.GATEWAY, addrBytes(r.gateway)));
    if (r.oif !== undefined) body.push(...attr(RTA.OIF, u32(r.oif)));
    // struct rta_cacheinfo: only the time left (in USER_HZ ticks) says anything here
    body.push(...attr(RTA.CACHEINFO, [...u32(0), ...u32(0), ...u32((r.expires ?? 0) * 100), ...u32(0), ...u32(0), ...u32(0), ...u32(0), ...u32(0)]));
    body.push(...attr(RTA.PREF, [r.pref ?? 0]));
  }
  const len = 16 + body.length;
  return [...u32(len), RTM_NEWROUTE, 0, FLAGS, 0, ...u32(seq), ...u32(pid), ...body];
}



/** The routes of a dump's messages (after the magic); a short or odd message ends it. */
export function decodeRoutes(b: Uint8Array): RouteMsg[] {
  const out: RouteMsg[] = [];
  let at = 0;
  while (at + 28 <= b.length) {
    const len = readU32(b, at);
    if (len < 28 || at + len > b.length) break;
    const fam: Family | 0 = b[at + 16] === 2 ? 4 : b[at + 16] === 10 ? 6 : 0;
    if (!fam) break;
    const text = (x: Uint8Array): string => formatAddr({ family: fam, bytes: [...x] });
    const r: RouteMsg = { family: fam, dstLen: b[at + 17]!, srcLen: b[at + 18]!, tos: b[at + 19]!, table: b[at + 20]!, protocol: b[at + 21]!, scope: b[at + 22]!, type: b[at + 23]!, flags: readU32(b, at + 24) };
    attrs(b, at + 28, at + len, (type, data) => {
      if (type === RTA.TABLE && data.length >= 4) r.table = readU32(data, 0);
      else if (type === RTA.DST) r.dst = text(data);
      else if (type === RTA.PRIORITY && data.length >= 4) r.priority = readU32(data, 0);
      else if (type === RTA.PREFSRC) r.prefsrc = text(data);
      else if (type === RTA.GATEWAY) r.gateway = text(data);
      else if (type === RTA.OIF && data.length >= 4) r.oif = readU32(data, 0);
      else if (type === RTA.FLOW && data.length >= 4) r.flow = readU32(data, 0);
      else if (type === RTA.NH_ID && data.length >= 4) r.nhid = readU32(data, 0);
      else if (type === RTA.PREF && data.length >= 1) r.pref = data[0]!;
      else if (type === RTA.CACHEINFO && data.length >= 12 && readU32(data, 8)) r.expires = Math.round(readU32(data, 8) / 100);
      else if (type === RTA.METRICS) {
        const metrics: Record<number, number> = {};
        attrs(data, 0, data.length, (k, v) => {
          if (v.length < 4) return;
          if (k === 1) r.metricLocks = readU32(v, 0);
          else metrics[k] = readU32(v, 0);
        });
        if (Object.keys(metrics).length) r.metrics = metrics;
      } else if (type === RTA.MULTIPATH) {
        const hops: NexthopMsg[] = [];
        for (let p = 0; p + 8 <= data.length;) {
          const hlen = data[p]! | (data[p + 1]! << 8);
          if (hlen < 8) break;
          const h: NexthopMsg = { flags: data[p + 2]!, weight: data[p + 3]! + 1, oif: readU32(data, p + 4) };
          attrs(data, p + 8, p + hlen, (t, v) => {
            if (t === RTA.GATEWAY) h.gateway = text(v);
          });
          hops.push(h);
          p += (hlen + 3) & ~3;
        }
        r.multipath = hops;
      }
    });
    if (r.dst === undefined && r.dstLen > 0) r.dst = fam === 4 ? '0.0.0.0' : '::';
    out.push(r);
    at += (len + 3) & ~3;
  }
  return out;
}
