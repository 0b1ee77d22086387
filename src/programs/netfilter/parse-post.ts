// The checks do_parse makes after the option loop (extension final checks, addresses, option
// and command combinations) and the rules the parsed line stands for: one per source and
// destination address pair, as nft stores them.
import type { NfAddr, NfMatch, NfRule, NfTarget } from '../../shared/services/netfilter';
import { x6FinalCheck } from './ext/common';
import { STANDARD_TARGETS } from './ext/registry';
import { paramError } from './errors';
import { ANY, parseAddrList } from './ip-parse';
import type { ParseIo } from './parse';
import { parseEnv } from './parse-ext';
import { CMD, OPT, OPT_CHARS, type ParseState } from './parse-state';
import type { XtGetopt } from './xt-getopt';

/** Which options each command allows ('x' illegal), columns in OPT_CHARS order. */
const LEGAL: readonly [number, string][] = [
  [CMD.INSERT, 'x     x  x  '],
  [CMD.DELETE, 'x     x  xx '],
  [CMD.DELETE_NUM, 'xxxxx xxxxxx'],
  [CMD.REPLACE, 'x     x  x  '],
  [CMD.APPEND, 'x     x  x  '],
  [CMD.LIST, ' xxxx  xx xx'],
  [CMD.FLUSH, 'xxxxx xxxxxx'],
  [CMD.ZERO, 'xxxxx xxxxxx'],
  [CMD.NEW_CHAIN, 'xxxxx xxxxxx'],
  [CMD.DELETE_CHAIN, 'xxxxx xxxxxx'],
  [CMD.SET_POLICY, 'xxxxx xxxx x'],
  [CMD.RENAME_CHAIN, 'xxxxx xxxxxx'],
  [CMD.LIST_RULES, 'xxxxx xxxxxx'],
  [CMD.ZERO_NUM, 'xxxxx xxxxxx'],
  [CMD.CHECK, 'x     x  xx '],
];

/** generic_opt_check: an option is legal if any of the given commands allows it. */
function optionCheck(command: number, options: number): void {
  for (let i = 0; i < OPT_CHARS.length; i++) {
    if (!(options & (1 << i))) continue;
    let legal = 0;
    for (const [cmd, row] of LEGAL) {
      if (!(command & cmd)) continue;
      if (row[i] !== 'x') legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) throw paramError(`Illegal option \`-${OPT_CHARS[i]}' with this command`);
  }
}

export interface Addresses {
  src: NfAddr[];
  dst: NfAddr[];
}

const RULE_CMDS = CMD.REPLACE | CMD.INSERT | CMD.DELETE | CMD.APPEND | CMD.CHECK;

/** Everything do_parse checks after the loop; leaves the parsed addresses on the state. */
export function finishParse(ps: ParseState, g: XtGetopt, invert: boolean, io: ParseIo): void {
  if (ps.table === 'nat' && (ps.policy === 'DROP' || ps.jumpto === 'DROP')) throw paramError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  if (!ps.wait && ps.waitInterval) throw paramError('--wait-interval only makes sense with --wait\n');
  const env = parseEnv(ps, io, g);
  for (const m of ps.matches) {
    m.ext.final?.(m.data, m.st, env);
    if (m.ext.x6) x6FinalCheck(m.ext.name, m.ext.opts, m.st.flags);
  }
  if (ps.target) {
    ps.target.ext.final?.(ps.target.data, ps.target.st, env);
    if (ps.target.ext.x6) x6FinalCheck(ps.target.ext.name, ps.target.ext.opts, ps.target.st.flags);
  }
  if (g.optind < g.argv.length) throw paramError('unknown arguments found on commandline');
  if (!ps.command) throw paramError('no command specified');
  if (invert) throw paramError('nothing appropriate following !');

  const any = ps.family === 'ipv4' ? '0.0.0.0/0' : '::0/0';
  const isRule = (ps.command & RULE_CMDS) !== 0;
  const shost = ps.shost ?? (isRule ? any : undefined);
  const dhost = ps.dhost ?? (isRule ? any : undefined);
  const src = shost !== undefined ? parseAddrList(ps.family, shost, io.db) : [];
  const dst = dhost !== undefined ? parseAddrList(ps.family, dhost, io.db) : [];
  if ((src.length > 1 || dst.length > 1) && (ps.inv.src || ps.inv.dst)) throw paramError('! not allowed with multiple source or destination IP addresses');
  addresses.set(ps, { src, dst });

  if (ps.command === CMD.REPLACE && (src.length !== 1 || dst.length !== 1)) throw paramError('Replacement rule does not specify a unique address');
  optionCheck(ps.command, ps.options);
  if (ps.chain !== undefined && ps.chain.length >= 29) throw paramError(`chain name \`${ps.chain}' too long (must be under 29 chars)`);
  if (ps.command & (CMD.APPEND | CMD.DELETE | CMD.DELETE_NUM | CMD.CHECK | CMD.INSERT | CMD.REPLACE)) {
    if ((ps.chain === 'PREROUTING' || ps.chain === 'INPUT') && ps.options & OPT.VIANAMEOUT) throw paramError(`Can't use -o with ${ps.chain}\n`);
    if ((ps.chain === 'POSTROUTING' || ps.chain === 'OUTPUT') && ps.options & OPT.VIANAMEIN) throw paramError(`Can't use -i with ${ps.chain}\n`);
  }
}

const addresses = new WeakMap<ParseState, Addresses>();

function buildTarget(ps: ParseState, io: ParseIo, g: XtGetopt): NfTarget {
  if (ps.target) return ps.target.ext.build(ps.target.data, parseEnv(ps, io, g));
  const name = ps.jumpto;
  if (name === '') return { kind: 'none' };
  // -g never loads a target: even "-g ACCEPT" names a chain
  if (ps.goto) return { kind: 'goto', chain: name };
  if ((STANDARD_TARGETS as readonly string[]).includes(name)) return { kind: 'verdict', verdict: name as (typeof STANDARD_TARGETS)[number] };
  return ps.goto ? { kind: 'goto', chain: name } : { kind: 'jump', chain: name };
}

const fullRange = (r: readonly [number, number]): boolean => r[0] === 0 && r[1] === 0xffff;

/** A tcp/udp match nft turns into payload expressions (not kept as an xt match). */
function isNative(m: NfMatch): m is Extract<NfMatch, { kind: 'tcp' | 'udp' }> {
  if (m.kind !== 'tcp' && m.kind !== 'udp') return false;
  const ports = !fullRange(m.sport) || !fullRange(m.dport) || m.sportInv || m.dportInv;
  return m.kind === 'udp' ? ports : m.option === 0 && !m.optionInv && (ports || m.flagsMask !== 0);
}

/**
 * nft reads every port/flag expression of a rule back into one tcp (or udp) match, where
 * the first of them was: a second native match merges into the first, later values winning.
 */
function mergeNative(matches: NfMatch[], m: NfMatch): void {
  const first = isNative(m) ? matches.find((x) => x.kind === m.kind && isNative(x)) : undefined;
  if (!first || (first.kind !== 'tcp' && first.kind !== 'udp') || (m.kind !== 'tcp' && m.kind !== 'udp')) {
    matches.push(m);
    return;
  }
  if (!fullRange(m.sport) || m.sportInv) {
    first.sport = m.sport;
    first.sportInv = m.sportInv;
  }
  if (!fullRange(m.dport) || m.dportInv) {
    first.dport = m.dport;
    first.dportInv = m.dportInv;
  }
  if (first.kind === 'tcp' && m.kind === 'tcp' && m.flagsMask !== 0) {
    first.flagsMask = m.flagsMask;
    first.flagsCmp = m.flagsCmp;
    first.flagsInv = m.flagsInv;
  }
}

/** The rules the line stands for (nft_rule_new per address pair); may throw build errors. */
export function buildRules(ps: ParseState, io: ParseIo, g: XtGetopt): NfRule[] {
  const addrs = addresses.get(ps) ?? { src: [], dst: [] };
  const env = parseEnv(ps, io, g);
  const rules: NfRule[] = [];
  for (const src of addrs.src.length ? addrs.src : [ANY[ps.family]]) {
    for (const dst of addrs.dst.length ? addrs.dst : [ANY[ps.family]]) {
      const matches: NfMatch[] = [];
      for (const m of ps.matches) {
        const built = m.ext.build(structuredClone(m.data), env);
        if (built) mergeNative(matches, built);
      }
      rules.push({
        src,
        srcInv: ps.inv.src,
        dst,
        dstInv: ps.inv.dst,
        // a bare "+" matches every interface: nft stores no comparison at all (add_iniface)
        inIface: ps.inIface === '+' && !ps.inv.in ? '' : ps.inIface,
        inInv: ps.inv.in,
        outIface: ps.outIface === '+' && !ps.inv.out ? '' : ps.outIface,
        outInv: ps.inv.out,
        proto: ps.proto,
        protoInv: ps.inv.proto,
        frag: (ps.options & OPT.FRAGMENT) !== 0,
        fragInv: ps.inv.frag,
        matches,
        target: buildTarget(ps, io, g),
        // (ip6tables 1.8.9 reads -c and [p:b] but never hands the values on: its rules start at 0)
        counters: ps.family === 'ipv6' ? { packets: 0, bytes: 0 } : { packets: ps.pcnt, bytes: ps.bcnt },
      });
    }
  }
  return rules;
}
