// Rules and chains in the command form `iptables -S` and iptables-save print
// (nft_rule_print_save, save_ipv4_addr, save_rule_details, save_matches_and_target).
import type { NfAddr, NfChain, NfFamily, NfRule } from '../../shared/services/netfilter';
import { saveLabel, saveMatch, saveTarget } from './ext/registry';
import type { PrintEnv } from './ext/types';
import { maskToCidr, parseText } from './ip-parse';
import type { NetDb } from './netdb';
import { protoName } from './proto';
import { u64Text } from './u64';

function saveAddr(family: NfFamily, letter: string, a: NfAddr, inv: boolean): string {
  const mask = parseText(family, a.mask) ?? 0n;
  const cidr = maskToCidr(family, mask);
  if (family === 'ipv4') {
    if (mask === 0n && !inv && a.addr === '0.0.0.0') return '';
    return `${inv ? ' !' : ''} -${letter} ${a.addr}/${cidr === -1 ? a.mask : cidr}`;
  }
  if (!inv && cidr === 0) return '';
  return `${inv ? ' !' : ''} -${letter} ${a.addr}/${cidr === -1 ? a.mask : cidr}`;
}

export interface SaveFormat {
  /** iptables-save -c: "[p:b] " before the rule */
  bracketCounters: boolean;
  /** iptables -S -v: " -c p b" before the target */
  inlineCounters: boolean;
  /** where warnings an extension prints while a rule is printed go */
  warn?: (text: string) => void;
}

/** "-A CHAIN ..." with a newline. */
export function saveRule(chain: string, r: NfRule, family: NfFamily, f: SaveFormat, db: NetDb): string {
  let s = f.bracketCounters ? `[${u64Text(r.counters.packets)}:${u64Text(r.counters.bytes)}] ` : '';
  s += `-A ${chain}`;
  s += saveAddr(family, 's', r.src, r.srcInv) + saveAddr(family, 'd', r.dst, r.dstInv);
  if (r.inIface !== '') s += `${r.inInv ? ' !' : ''} -i ${r.inIface}`;
  if (r.outIface !== '') s += `${r.outInv ? ' !' : ''} -o ${r.outIface}`;
  if (r.proto > 0) s += `${r.protoInv ? ' !' : ''} -p ${protoName(r.proto, false, db) ?? r.proto}`;
  if (r.frag && family === 'ipv4') s += `${r.fragInv ? ' !' : ''} -f`;
  const env: PrintEnv = { family, numeric: true, proto: r.proto, db, ...(f.warn ? { warn: f.warn } : {}) };
  for (const m of r.matches) s += saveMatch(m, env);
  if (f.inlineCounters) s += ` -c ${u64Text(r.counters.packets)} ${u64Text(r.counters.bytes)}`;
  const t = r.target;
  if (t.kind === 'goto') s += ` -g ${t.chain}`;
  else if (t.kind !== 'none') s += ` -j ${saveLabel(t)}${saveTarget(t, env)}`;
  return `${s}\n`;
}

/** The "-P CHAIN POLICY" / "-N CHAIN" line of `iptables -S`. */
export function saveChainLine(c: NfChain, counters: boolean): string {
  if (!c.builtin) return `-N ${c.name}\n`;
  const pol = c.present ? c.policy : 'ACCEPT';
  const ctr = c.present ? c.counters : { packets: 0, bytes: 0 };
  return `-P ${c.name} ${pol}${counters ? ` -c ${u64Text(ctr.packets)} ${u64Text(ctr.bytes)}` : ''}\n`;
}

/** The ":CHAIN POLICY [p:b]" line of iptables-save. */
export function saveChainHeader(c: NfChain): string {
  const ctr = c.builtin && !c.present ? { packets: 0, bytes: 0 } : c.counters;
  const pol = c.builtin ? (c.present ? c.policy : 'ACCEPT') : '-';
  return `:${c.name} ${pol} [${u64Text(ctr.packets)}:${u64Text(ctr.bytes)}]\n`;
}

/** Chains in listing order: built-ins in hook order, then user chains sorted by name. */
export function listingOrder(chains: readonly NfChain[]): NfChain[] {
  const builtin = chains.filter((c) => c.builtin);
  const user = chains.filter((c) => !c.builtin).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtin, ...user];
}
