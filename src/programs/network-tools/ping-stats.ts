// ping's numbers as iputils 20221126 prints them: reply times with precision shrinking as they
// grow, the statistics block (loss with %g of a float, the run time of the sends, integer
// microsecond arithmetic for avg and mdev), and the ICMP error texts.

/** Round-trip time as the reply line shows it (microseconds in). */
export function formatRtt(us: number): string {
  if (us >= 100000 - 50) return `${Math.floor((us + 500) / 1000)}`;
  if (us >= 10000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)}`;
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

/** printf's %g (six significant digits, no trailing zeros) for the small numbers ping prints. */
export function formatG(x: number): string {
  if (x === 0) return '0';
  let s = x.toPrecision(6);
  if (s.includes('e')) return s;
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

const ms3 = (us: bigint): string => `${us / 1000n}.${String(us % 1000n).padStart(3, '0')}`;

/** Integer square root by Newton's method (the same floor ping computes). */
function isqrt(a: bigint): bigint {
  if (a <= 0n) return 0n;
  let prev = -1n;
  let x = a;
  while (prev < 0n || x < prev) {
    prev = x;
    x = (x + a / x) / 2n;
  }
  return prev < x ? prev : x;
}

export interface PingCounts {
  transmitted: number;
  received: number;
  errors: number;
  /** microsecond round trips of the replies */
  rtts: number[];
  /** the most packets ever in flight when an answer came */
  pipe: number;
  /** milliseconds from the start to the last send */
  elapsedMs: number;
  /** replies carried a time stamp (-s 16 or more) */
  timing: boolean;
}

export function statistics(host: string, c: PingCounts): string {
  let out = `\n--- ${host} ping statistics ---\n${c.transmitted} packets transmitted, ${c.received} received`;
  if (c.errors) out += `, +${c.errors} errors`;
  if (c.transmitted) {
    const loss = Math.fround(((c.transmitted - c.received) * 100.0) / c.transmitted);
    out += `, ${formatG(loss)}% packet loss, time ${Math.round(c.elapsedMs)}ms`;
  }
  out += '\n';
  let comma = '';
  if (c.received && c.timing && c.rtts.length) {
    const total = BigInt(c.rtts.length);
    const sum = c.rtts.reduce((a, b) => a + BigInt(b), 0n);
    const sum2 = c.rtts.reduce((a, b) => a + BigInt(b) * BigInt(b), 0n);
    const avg = sum / total;
    const variance = (sum2 - (sum * sum) / total) / total;
    const min = BigInt(Math.min(...c.rtts));
    const max = BigInt(Math.max(...c.rtts));
    out += `rtt min/avg/max/mdev = ${ms3(min)}/${ms3(avg)}/${ms3(max)}/${ms3(isqrt(variance))} ms`;
    comma = ', ';
  }
  if (c.pipe > 1) out += `${comma}pipe ${c.pipe}`;
  return `${out}\n`;
}

const UNREACH: readonly string[] = [
  'Destination Net Unreachable', 'Destination Host Unreachable', 'Destination Protocol Unreachable', 'Destination Port Unreachable',
  'Frag needed and DF set (mtu = 0)', 'Source Route Failed', 'Destination Net Unknown', 'Destination Host Unknown', 'Source Host Isolated',
  'Destination Net Prohibited', 'Destination Host Prohibited', 'Destination Net Unreachable for Type of Service',
  'Destination Host Unreachable for Type of Service', 'Packet filtered', 'Precedence Violation', 'Precedence Cutoff',
];

/** The text after `From ADDR icmp_seq=N ` for an ICMP error. */
export function icmpText(type: number, code: number): string {
  if (type === 3) return UNREACH[code] ?? `Dest Unreachable, Bad Code: ${code}`;
  if (type === 11) return code === 0 ? 'Time to live exceeded' : code === 1 ? 'Frag reassembly time exceeded' : `Time exceeded, Bad Code: ${code}`;
  return `Bad ICMP type: ${type}`;
}

const UNREACH6: Readonly<Record<number, string>> = { 0: 'No route', 1: 'Administratively prohibited', 2: 'Beyond scope of source address', 3: 'Address unreachable', 4: 'Port unreachable' };

/** An ICMPv6 error as ping -6 describes it. */
export function icmp6Text(type: number, code: number): string {
  switch (type) {
    case 1: return `Destination unreachable: ${UNREACH6[code] ?? `Unknown code ${code}`}`;
    case 3: return `Time exceeded: ${code === 0 ? 'Hop limit' : code === 1 ? 'Defragmentation failure' : `code ${code}`}`;
    default: return `Unknown icmp type: ${type}`;
  }
}
