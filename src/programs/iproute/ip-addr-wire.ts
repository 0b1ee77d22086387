// The RTM_NEWADDR messages `ip address save` writes and `restore`/`showdump` read: a netlink
// header, struct ifaddrmsg and the attributes the kernel's dump gives (inet_fill_ifaddr and
// inet6_fill_ifaddr order), each padded to 4 bytes, little-endian as on x86.
import { FOREVER, type AddrMsg } from '../../shared/services/net';
import { formatAddr } from '../../shared/services/net-addr';
import { addrBytes, attrs, attr, readU32, u32 } from './netlink-dump';

const RTM_NEWADDR = 20;
const NLM_F_MULTI = 2;
const NLM_F_DUMP_FILTERED = 0x20;
const IFA = { ADDRESS: 1, LOCAL: 2, LABEL: 3, BROADCAST: 4, ANYCAST: 5, CACHEINFO: 6, FLAGS: 8, RT_PRIORITY: 9, PROTO: 11 } as const;




/** IFA_PROTO of the addresses the kernel makes itself: ::1 (kernel_lo), an EUI-64 link-local (kernel_ll). */
function proto(a: AddrMsg): number {
  if (a.family !== 6) return 0;
  const b = addrBytes(a.local);
  if (a.local === '::1') return 1;
  return b[0] === 0xfe && b[1] === 0x80 && b[11] === 0xff && b[12] === 0xfe && a.prefixlen === 64 ? 3 : 0;
}

/** One address as the dump's message. */
export function encodeAddr(a: AddrMsg, seq: number, pid: number, filtered: boolean): number[] {
  const life = [...u32(a.preferredLft === FOREVER ? 0xffffffff : a.preferredLft), ...u32(a.validLft === FOREVER ? 0xffffffff : a.validLft), ...u32(0), ...u32(0)];
  const p = proto(a);
  const body: number[] = [a.family === 4 ? 2 : 10, a.prefixlen, a.flags & 0xff, a.scope, ...u32(a.ifindex)];
  if (a.family === 4) {
    body.push(...attr(IFA.ADDRESS, addrBytes(a.address)), ...attr(IFA.LOCAL, addrBytes(a.local)));
    if (a.broadcast !== undefined) body.push(...attr(IFA.BROADCAST, addrBytes(a.broadcast)));
    if (a.label !== undefined) body.push(...attr(IFA.LABEL, [...new TextEncoder().encode(a.label), 0]));
    if (p) body.push(...attr(IFA.PROTO, [p]));
    body.push(...attr(IFA.FLAGS, u32(a.flags)));
    if (a.metric) body.push(...attr(IFA.RT_PRIORITY, u32(a.metric)));
    body.push(...attr(IFA.CACHEINFO, life));
  } else {
    if (a.address !== a.local) body.push(...attr(IFA.LOCAL, addrBytes(a.local)));
    body.push(...attr(IFA.ADDRESS, addrBytes(a.address)));
    if (a.metric) body.push(...attr(IFA.RT_PRIORITY, u32(a.metric)));
    body.push(...attr(IFA.CACHEINFO, life), ...attr(IFA.FLAGS, u32(a.flags)));
    if (p) body.push(...attr(IFA.PROTO, [p]));
  }
  const len = 16 + body.length;
  // a dump the kernel narrowed to one device says so (NLM_F_DUMP_FILTERED)
  return [...u32(len), RTM_NEWADDR, 0, NLM_F_MULTI | (filtered ? NLM_F_DUMP_FILTERED : 0), 0, ...u32(seq), ...u32(pid), ...body];
}


/** The addresses of a dump's messages (after the magic); a short or odd message ends it. */
export function decodeAddrs(b: Uint8Array): AddrMsg[] {
  const out: AddrMsg[] = [];
  let at = 0;
  while (at + 24 <= b.length) {
    const len = readU32(b, at);
    if (len < 24 || at + len > b.length) break;
    const fam = b[at + 16] === 2 ? 4 : b[at + 16] === 10 ? 6 : 0;
    if (!fam) break;
    const text = (x: Uint8Array): string => formatAddr({ family: fam, bytes: [...x] });
    const a: AddrMsg = { family: fam, prefixlen: b[at + 17]!, flags: b[at + 18]!, scope: b[at + 19]!, ifindex: readU32(b, at + 20), local: '', address: '', validLft: FOREVER, preferredLft: FOREVER };
    attrs(b, at + 24, at + len, (type, data) => {
      if (type === IFA.ADDRESS) a.address = text(data);
      else if (type === IFA.LOCAL) a.local = text(data);
      else if (type === IFA.BROADCAST) a.broadcast = text(data);
      else if (type === IFA.ANYCAST) a.anycast = text(data);
      else if (type === IFA.LABEL) a.label = new TextDecoder().decode(data.subarray(0, Math.max(0, data.indexOf(0) < 0 ? data.length : data.indexOf(0))));
      else if (type === IFA.FLAGS && data.length >= 4) a.flags = readU32(data, 0);
      else if (type === IFA.RT_PRIORITY && data.length >= 4) a.metric = readU32(data, 0);
      else if (type === IFA.CACHEINFO && data.length >= 8) {
        const pref = readU32(data, 0);
        const valid = readU32(data, 4);
        a.preferredLft = pref === 0xffffffff ? FOREVER : pref;
        a.validLft = valid === 0xffffffff ? FOREVER : valid;
      }
    });
    if (!a.local) a.local = a.address;
    if (!a.address) a.address = a.local;
    out.push(a);
    at += (len + 3) & ~3;
  }
  return out;
}
