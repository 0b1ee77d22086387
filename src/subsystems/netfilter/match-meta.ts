// The engine's side of the metadata matches: u32 and bpf run over the packet's headers as
// bytes; cpu, realm, devgroup, policy, connbytes, cluster, socket and rpfilter read what this
// machine knows about the packet (one CPU, no routing realms, every device in group 0, no IPsec).
import type { NfMatch, NfMetaMatch, NfPacket } from '../../shared/services/netfilter';
import { parseAddr } from './addr';
import type { CtLookup } from './conntrack';

/** The packet's network and transport headers as the kernel's skb data would hold them. */
export function packetBytes(p: NfPacket): Uint8Array {
  const v6 = p.family === 'ipv6';
  const l4 = p.proto === 6 ? 20 : p.proto === 17 ? 8 : p.proto === 1 || p.proto === 58 ? 8 : 0;
  const ipLen = v6 ? 40 : 20;
  const total = Math.max(p.length ?? ipLen + l4, ipLen + l4);
  const b = new Uint8Array(total);
  const dv = new DataView(b.buffer);
  const words = (a: string): readonly number[] => parseAddr(a) ?? [];
  if (v6) {
    dv.setUint32(0, 0x60000000);
    dv.setUint16(4, total - 40);
    b[6] = p.proto;
    b[7] = p.ttl ?? 64;
    words(p.src).forEach((w, i) => dv.setUint32(8 + 4 * i, w >>> 0));
    words(p.dst).forEach((w, i) => dv.setUint32(24 + 4 * i, w >>> 0));
  } else {
    b[0] = 0x45;
    dv.setUint16(2, total);
    dv.setUint16(6, 0x4000);
    b[8] = p.ttl ?? 64;
    b[9] = p.proto;
    dv.setUint32(12, (words(p.src)[0] ?? 0) >>> 0);
    dv.setUint32(16, (words(p.dst)[0] ?? 0) >>> 0);
  }
  const t = ipLen;
  if (p.proto === 6 || p.proto === 17) {
    dv.setUint16(t, p.sport ?? 0);
    dv.setUint16(t + 2, p.dport ?? 0);
  }
  if (p.proto === 6) {
    b[t + 12] = 0x50;
    b[t + 13] = p.tcpFlags ?? 0;
    dv.setUint16(t + 14, 64240);
  } else if (p.proto === 17) dv.setUint16(t + 4, total - ipLen);
  else if (p.proto === 1 || p.proto === 58) {
    b[t] = p.icmpType ?? 0;
    b[t + 1] = p.icmpCode ?? 0;
  }
  return b;
}

function read32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** xt_u32's test walk. */
export function u32Matches(m: Extract<NfMatch, { kind: 'u32' }>, b: Uint8Array): boolean {
  const len = b.length;
  for (const t of m.tests) {
    let at = 0;
    let pos = t.loc[0]!.n;
    if (len < 4 || pos > len - 4) return false;
    let val = read32(b, pos);
    for (const l of t.loc.slice(1)) {
      if (l.op === '&') val = (val & l.n) >>> 0;
      else if (l.op === '<<') val = l.n >= 32 ? 0 : (val << l.n) >>> 0;
      else if (l.op === '>>') val = l.n >= 32 ? 0 : val >>> l.n;
      else {
        at += val;
        pos = l.n;
        if (at > 0xffffffff || len < at + 4 || pos > len - at - 4) return false;
        val = read32(b, at + pos);
      }
    }
    if (!t.values.some(([lo, hi]) => val >= lo && val <= hi)) return false;
  }
  return true;
}

/** A classic BPF program's verdict over the packet bytes (non-zero: match). */
export function runBpf(prog: readonly (readonly [number, number, number, number])[], b: Uint8Array): number {
  let A = 0;
  let X = 0;
  const mem = new Uint32Array(16);
  const load = (at: number, size: number): number | null => {
    if (at < 0 || at + size > b.length) return null;
    return size === 4 ? read32(b, at) : size === 2 ? (b[at]! << 8) | b[at + 1]! : b[at]!;
  };
  for (let pc = 0; pc < prog.length; pc++) {
    const [code, jt, jf, k] = prog[pc]!;
    const cls = code & 7;
    const size = [4, 2, 1][(code >> 3) & 3] ?? 4;
    const mode = code & 0xe0;
    const src = code & 8 ? X : k;
    switch (cls) {
      case 0: // LD
      case 1: {
        // LDX
        let v: number | null;
        if (mode === 0x00) v = k;
        else if (mode === 0x20) v = load(k, size);
        else if (mode === 0x40) v = load(X + k, size);
        else if (mode === 0x60) v = mem[k & 15]!;
        else if (mode === 0x80) v = b.length;
        else if (mode === 0xa0) v = ((load(k, 1) ?? 0) & 0xf) * 4;
        else v = 0;
        if (v === null) return 0;
        if (cls === 0) A = v >>> 0;
        else X = v >>> 0;
        break;
      }
      case 2:
        mem[k & 15] = A;
        break;
      case 3:
        mem[k & 15] = X;
        break;
      case 4: {
        const op = code & 0xf0;
        if ((op === 0x30 || op === 0x90) && src === 0) return 0;
        A = [A + src, A - src, Math.imul(A, src), Math.floor(A / (src || 1)), A | src, A & src, src >= 32 ? 0 : A << src, src >= 32 ? 0 : A >>> src, -A, A % (src || 1), A ^ src][op >> 4]! >>> 0;
        break;
      }
      case 5: {
        const op = code & 0xf0;
        if (op === 0x00) {
          pc += k;
          break;
        }
        const hit = op === 0x10 ? A === src : op === 0x20 ? A > src : op === 0x30 ? A >= src : ((A & src) >>> 0) !== 0;
        pc += hit ? jt : jf;
        break;
      }
      case 6:
        return (code & 0x18) === 0x10 ? A : k;
      default:
        if (code & 0x80) A = X;
        else X = A;
    }
  }
  return 0;
}

const BPF_OPS = new Set([0x00, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x60, 0x80, 0x01, 0x61, 0x81, 0xb1, 0x02, 0x03, 0x06, 0x16, 0x07, 0x87, 0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d]);
for (const op of [0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x90, 0xa0]) BPF_OPS.add(0x04 | op).add(0x0c | op);
BPF_OPS.add(0x84);

/** bpf_check_classic: known opcodes, jumps inside the program, constant divisors, a final return. */
export function bpfValid(prog: readonly (readonly [number, number, number, number])[]): boolean {
  const n = prog.length;
  for (let pc = 0; pc < n; pc++) {
    const [code, jt, jf, k] = prog[pc]!;
    if (!BPF_OPS.has(code)) return false;
    if ((code === 0x34 || code === 0x94) && k === 0) return false;
    if ([0x60, 0x61, 0x02, 0x03].includes(code) && k >= 16) return false;
    if (code === 0x05 && (k >= n - pc - 1 || k > 0xffff)) return false;
    if ((code & 7) === 5 && code !== 0x05 && (pc + jt + 1 >= n || pc + jf + 1 >= n)) return false;
  }
  return n > 0 && (prog[n - 1]![0] & 7) === 6;
}

/** The Linux jhash of one 32-bit word. */
function jhash1(a0: number, seed: number): number {
  const rol = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;
  let a = (0xdeadbeef + 4 + seed) >>> 0;
  let b = a;
  let c = a;
  a = (a + a0) >>> 0;
  c = ((c ^ b) - rol(b, 14)) >>> 0;
  a = ((a ^ c) - rol(c, 11)) >>> 0;
  b = ((b ^ a) - rol(a, 25)) >>> 0;
  c = ((c ^ b) - rol(b, 16)) >>> 0;
  a = ((a ^ c) - rol(c, 4)) >>> 0;
  b = ((b ^ a) - rol(a, 14)) >>> 0;
  c = ((c ^ b) - rol(b, 24)) >>> 0;
  return c;
}

const swap32 = (v: number): number => (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;

export function metaMatch(m: NfMetaMatch, p: NfPacket, ct: CtLookup): boolean {
  switch (m.kind) {
    case 'u32':
      return u32Matches(m, packetBytes(p)) !== m.inv;
    case 'bpf':
      return runBpf(m.prog, packetBytes(p)) !== 0;
    // every packet is handled on CPU 0
    case 'cpu':
      return (m.cpu === 0) !== m.inv;
    // no route carries a realm
    case 'realm':
      return ((0 & m.mask) === m.id) !== m.inv;
    // every device is in group 0 ("default")
    case 'devgroup':
      if (m.src && ((0 & m.src[1]) === m.src[0]) === m.srcInv) return false;
      if (m.dst && ((0 & m.dst[1]) === m.dst[0]) === m.dstInv) return false;
      return true;
    // no packet went through IPsec: only "--pol none" matches
    case 'policy':
      return m.none;
    case 'connbytes': {
      const e = ct.entry;
      if (!e && ct.state !== 'NEW') return false;
      const packets = BigInt((e?.packets ?? 0) + 1);
      const bytes = packets * BigInt(p.length ?? 60);
      const what = m.what === 'packets' ? packets : m.what === 'bytes' ? bytes : bytes / packets;
      const from = BigInt(m.from);
      const to = BigInt(m.to);
      return to >= from ? what >= from && what <= to : what < to || what > from;
    }
    case 'cluster': {
      if (ct.state === 'UNTRACKED') return false;
      const src = ct.entry?.orig.src ?? p.src;
      const w = parseAddr(src) ?? [0];
      let word = 0;
      // IPv4: the address as the CPU reads it from the tuple; IPv6: the words folded
      for (const x of w) word = (word ^ swap32(x >>> 0)) >>> 0;
      const hash = jhash1(word, m.seed);
      const node = Number((BigInt(hash) * BigInt(m.total)) >> 32n);
      return ((m.mask & (2 ** node)) !== 0) !== m.inv;
    }
    case 'hl': {
      const hl = p.ttl ?? 64;
      return m.mode === 'eq' ? hl === m.value : m.mode === 'ne' ? hl !== m.value : m.mode === 'lt' ? hl < m.value : hl > m.value;
    }
    // packets here carry no extension headers (no AH) and are never fragments
    case 'frag':
    case 'ah6':
      return false;
    case 'ipv6header': {
      // only the upper-layer header ("protocol") follows the IPv6 header here
      const present = p.proto === 59 ? 0x02 : 0x01;
      return (m.soft ? (present & m.bits) !== 0 : present === m.bits) !== m.inv;
    }
    case 'eui64':
      return false;
    case 'mh':
      return false;
    // every local process sits in the root cgroup, with no net_cls class
    case 'cgroup': {
      // (the kernel's own sockets, which send echo replies and resets, sit there too)
      const local = p.uid !== undefined || p.hook === 'OUTPUT';
      if (m.path !== undefined && local === m.pathInv) return false;
      if (m.classid !== undefined && (local && m.classid === 0) === m.classidInv) return false;
      return true;
    }
    // no socket lookup is made: a packet never finds a socket
    case 'socket':
      return false;
    // the route back to the source is taken to leave by the arrival interface
    case 'rpfilter':
      return !(m.flags & 8);
  }
}
