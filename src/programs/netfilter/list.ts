// `iptables -L`: chain headers and rule lines in xtables' table layout (print_header,
// print_rule_details and friends), with -n, -v, -x and --line-numbers; and the one-line
// form -v prints for a rule it adds or deletes (FMT_NOTABLE).
import type { NfAddr, NfChain, NfFamily, NfRule } from '../../shared/services/netfilter';
import { printMatch, printTarget, targetLabel } from './ext/registry';
import type { PrintEnv } from './ext/types';
import { addrName, isAnyMask, maskSuffix } from './ip-parse';
import type { NetDb } from './netdb';
import { protoName } from './proto';
import { roundThousand, u64, u64Text } from './u64';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  /** -x: exact counters */
  expanded: boolean;
  lineNumbers: boolean;
  /** one-line form for -v on rule commands */
  notable?: boolean;
  /** where warnings an extension prints while a rule is printed go */
  warn?: (text: string) => void;
}

const padEnd = (s: string, n: number): string => s.padEnd(n);
const padStart = (s: string, n: number): string => s.padStart(n);

/** xtables_print_num */
export function printNum(n: number, f: ListFormat, notable = f.notable === true): string {
  const exact = u64Text(n);
  if (!f.expanded) {
    let v = u64(n);
    if (v <= 99999n) return notable ? `${exact} ` : `${padStart(exact, 5)} `;
    for (const unit of ['K', 'M', 'G']) {
      v = roundThousand(v);
      if (v <= 9999n) return notable ? `${v}${unit} ` : `${padStart(String(v), 4)}${unit} `;
    }
    v = roundThousand(v);
    return notable ? `${v}T ` : `${padStart(String(v), 4)}T `;
  }
  return notable ? `${exact} ` : `${padStart(exact, 8)} `;
}

export function chainHeader(c: NfChain, refs: number, f: ListFormat): string {
  let s = `Chain ${c.name}`;
  if (c.builtin) {
    const pol = c.present ? c.policy : 'ACCEPT';
    const ctr = c.present ? c.counters : { packets: 0, bytes: 0 };
    s += ` (policy ${pol}`;
    if (f.verbose) s += ` ${printNum(ctr.packets, f, true)}packets, ${printNum(ctr.bytes, f, true)}bytes`;
    s += ')\n';
  } else s += refs < 0 ? ' (ERROR obtaining refs)\n' : ` (${refs} references)\n`;
  if (f.lineNumbers) s += 'num  ';
  if (f.verbose) s += f.expanded ? '    pkts      bytes ' : ' pkts bytes ';
  s += 'target     prot opt';
  if (f.verbose) s += ' in     out    ';
  s += ' source               destination         \n';
  return s;
}

function addrText(family: NfFamily, a: NfAddr, numeric: boolean, db: NetDb): string {
  const unspecified = family === 'ipv4' ? isAnyMask(a) : a.addr === '::';
  if (unspecified && !numeric) return 'anywhere';
  return (numeric ? a.addr : addrName(family, a.addr, db)) + maskSuffix(family, a.mask);
}

/** One rule line (or, with notable, the one-line verbose form), newline included. */
export function ruleLine(r: NfRule, num: number, family: NfFamily, f: ListFormat, db: NetDb): string {
  const nt = f.notable === true;
  let s = '';
  if (f.lineNumbers) s += nt ? `${num} ` : padEnd(String(num), 4) + ' ';
  if (f.verbose && !nt) s += printNum(r.counters.packets, f) + printNum(r.counters.bytes, f);
  const target = targetLabel(r.target);
  s += nt ? `${target} ` : `${padEnd(target, 9)} `;
  s += r.protoInv ? '!' : ' ';
  const pname = protoName(r.proto, f.numeric, db);
  const proto = (f.numeric && !nt) || pname === undefined ? String(r.proto) : pname;
  s += nt ? `${proto} ` : `${padEnd(proto, 4)} `;
  if (nt) s += 'opt ';
  s += family === 'ipv6' ? '--' : `${r.fragInv ? '!' : '-'}${r.frag ? 'f' : '-'}`;
  s += ' ';
  if (f.verbose || nt) {
    const any = f.numeric || nt ? '*' : 'any';
    const inIf = `${r.inInv ? '!' : ''}${r.inIface || any}`;
    const outIf = `${r.outInv ? '!' : ''}${r.outIface || any}`;
    s += nt ? `in ${inIf} out ${outIf} ` : ` ${padEnd(inIf, 6)} ${padEnd(outIf, 6)} `;
  }
  const numeric = f.numeric || nt;
  const src = addrText(family, r.src, numeric, db);
  const dst = addrText(family, r.dst, numeric, db);
  s += (r.srcInv ? '!' : ' ') + (nt ? `${src} ` : `${padEnd(src, 19)} `);
  s += (r.dstInv ? '!' : ' ') + (nt ? `-> ${dst}` : `${padEnd(dst, 19)} `);
  if (nt) s += '  ';
  if (r.target.kind === 'goto') s += '[goto] ';
  const env: PrintEnv = { family, numeric, proto: r.proto, db, ...(f.warn ? { warn: f.warn } : {}) };
  for (const m of r.matches) s += printMatch(m, env);
  s += printTarget(r.target, env);
  return `${s}\n`;
}
