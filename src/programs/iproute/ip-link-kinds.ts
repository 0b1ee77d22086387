// The option parsers of link kinds the simulated kernel has no driver for (bond, vrf, the IP
// tunnels, ipvlan, geneve): ip reads and checks their words as iproute2's link_*.c and
// iplink_*.c do, so mistakes get the real messages; a well-formed request then goes out and
// the kernel answers that it does not know the kind.
import { AF, getInteger, getUnsigned, IpExit, matches } from './ip-util';
import { getAddr, getPrefix } from './ip-inet';
import { dsfieldA2n, tableA2n } from './ip-names';
import type { Ip } from './ip-session';

type IndexOf = (name: string) => number;

const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];
const BOND_TABLES: Record<string, string[]> = {
  arp_validate: ['none', 'active', 'backup', 'all', 'filter', 'filter_active', 'filter_backup'],
  arp_all_targets: ['any', 'all'],
  primary_reselect: ['always', 'better', 'failure'],
  fail_over_mac: ['none', 'active', 'follow'],
  xmit_hash_policy: ['layer2', 'layer3+4', 'layer2+3', 'encap2+3', 'encap3+4', 'vlan+srcmac'],
  lacp_rate: ['slow', 'fast'],
  ad_select: ['stable', 'bandwidth', 'count'],
  lacp_active: ['off', 'on'],
};
/** bond options with a number: the largest value each takes. */
const BOND_NUMBERS: Record<string, number> = {
  miimon: 0xffffffff, updelay: 0xffffffff, downdelay: 0xffffffff, peer_notify_delay: 0xffffffff,
  use_carrier: 0xff, arp_interval: 0xffffffff, resend_igmp: 0xffffffff, num_grat_arp: 0xff, num_unsol_na: 0xff,
  all_slaves_active: 0xff, min_links: 0xffffffff, lp_interval: 0xffffffff, packets_per_slave: 0xffffffff,
  tlb_dynamic_lb: 0xff, ad_user_port_key: 0xffff, ad_actor_sys_prio: 0xffff, arp_missed_max: 0xff,
};

const BOND_USAGE = `Usage: ... bond [ mode BONDMODE ] [ active_slave SLAVE_DEV ]
                [ clear_active_slave ] [ miimon MIIMON ]
                [ updelay UPDELAY ] [ downdelay DOWNDELAY ]
                [ peer_notify_delay DELAY ]
                [ use_carrier USE_CARRIER ]
                [ arp_interval ARP_INTERVAL ]
                [ arp_validate ARP_VALIDATE ]
                [ arp_all_targets ARP_ALL_TARGETS ]
                [ arp_ip_target [ ARP_IP_TARGET, ... ] ]
                [ ns_ip6_target [ NS_IP6_TARGET, ... ] ]
                [ primary SLAVE_DEV ]
                [ primary_reselect PRIMARY_RESELECT ]
                [ fail_over_mac FAIL_OVER_MAC ]
                [ xmit_hash_policy XMIT_HASH_POLICY ]
                [ resend_igmp RESEND_IGMP ]
                [ num_grat_arp|num_unsol_na NUM_GRAT_ARP|NUM_UNSOL_NA ]
                [ all_slaves_active ALL_SLAVES_ACTIVE ]
                [ min_links MIN_LINKS ]
                [ lp_interval LP_INTERVAL ]
                [ packets_per_slave PACKETS_PER_SLAVE ]
                [ tlb_dynamic_lb TLB_DYNAMIC_LB ]
                [ lacp_rate LACP_RATE ]
                [ lacp_active LACP_ACTIVE]
                [ ad_select AD_SELECT ]
                [ ad_user_port_key PORTKEY ]
                [ ad_actor_sys_prio SYSPRIO ]
                [ ad_actor_system LLADDR ]
                [ arp_missed_max MISSED_MAX ]

BONDMODE := balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb
ARP_VALIDATE := none|active|backup|all|filter|filter_active|filter_backup
ARP_ALL_TARGETS := any|all
PRIMARY_RESELECT := always|better|failure
FAIL_OVER_MAC := none|active|follow
XMIT_HASH_POLICY := layer2|layer2+3|layer3+4|encap2+3|encap3+4|vlan+srcmac
LACP_ACTIVE := off|on
LACP_RATE := slow|fast
AD_SELECT := stable|bandwidth|count
`;

const ENCAP_LINES = `\t\t\t[ external ]
\t\t\t[ noencap ]
\t\t\t[ encap { fou | gue | none } ]
\t\t\t[ encap-sport PORT ]
\t\t\t[ encap-dport PORT ]
\t\t\t[ [no]encap-csum ]
\t\t\t[ [no]encap-csum6 ]
\t\t\t[ [no]encap-remcsum ]
`;

function greUsage(kind: string): string {
  const erspan = kind === 'erspan';
  return `Usage: ... ${kind.padEnd(9)}\t[ remote ADDR ]
\t\t\t[ local ADDR ]
\t\t\t[ [no][i|o]seq ]
\t\t\t[ [i|o]key KEY | no[i|o]key ]
\t\t\t[ [no][i|o]csum ]
\t\t\t[ ttl TTL ]
\t\t\t[ tos TOS ]
\t\t\t[ [no]pmtudisc ]
\t\t\t[ [no]ignore-df ]
\t\t\t[ dev PHYS_DEV ]
\t\t\t[ fwmark MARK ]
${ENCAP_LINES}${erspan ? '\t\t\t[ erspan_ver version ]\n\t\t\t[ erspan IDX ]\n\t\t\t[ erspan_dir { ingress | egress } ]\n\t\t\t[ erspan_hwid hwid ]\n' : ''}
Where:\tADDR := { IP_ADDRESS | any }
\tTOS  := { NUMBER | inherit }
\tTTL  := { 1..255 | inherit }
\tKEY  := { DOTTED_QUAD | NUMBER }
\tMARK := { 0x0..0xffffffff }
`;
}

function iptnlUsage(kind: string): string {
  const sit = kind === 'sit';
  return `Usage: ... ${kind.padEnd(6)}\t[ remote ADDR ]
\t\t\t[ local ADDR ]
\t\t\t[ ttl TTL ]
\t\t\t[ tos TOS ]
\t\t\t[ [no]pmtudisc ]
\t\t\t[ 6rd-prefix ADDR ]
\t\t\t[ 6rd-relay_prefix ADDR ]
\t\t\t[ 6rd-reset ]
\t\t\t[ dev PHYS_DEV ]
\t\t\t[ fwmark MARK ]
${ENCAP_LINES}\t\t\t[ mode { ${sit ? 'ip6ip | ' : ''}ipip | mplsip | any } ]
${sit ? '\t\t\t[ isatap ]\n' : ''}
Where:\tADDR := { IP_ADDRESS | any }
\tTOS  := { NUMBER | inherit }
\tTTL  := { 1..255 | inherit }
\tMARK := { 0x0..0xffffffff }
`;
}

const IP6TNL_USAGE = `Usage: ... ip6tnl\t[ remote ADDR ]
\t\t\t[ local ADDR ]
\t\t\t[ encaplimit ELIM ]
\t\t\t[ hoplimit HLIM ]
\t\t\t[ tclass TCLASS ]
\t\t\t[ flowlabel FLOWLABEL ]
\t\t\t[ dscp inherit ]
\t\t\t[ [no]allow-localremote ]
\t\t\t[ dev PHYS_DEV ]
\t\t\t[ fwmark MARK ]
${ENCAP_LINES}\t\t\t[ mode { ip6ip6 | ipip6 | any } ]

Where:\tADDR\t  := IPV6_ADDRESS
\tELIM\t  := { none | 0..255 }(default=4)
\tHLIM\t  := 0..255 (default=64)
\tTCLASS    := { 0x0..0xff | inherit }
\tFLOWLABEL := { 0x0..0xfffff | inherit }
\tMARK\t  := { 0x0..0xffffffff | inherit }
`;

function ip6greUsage(kind: string): string {
  return `Usage: ... ${kind.padEnd(9)}\t[ remote ADDR ]
\t\t\t[ local ADDR ]
\t\t\t[ [no][i|o]seq ]
\t\t\t[ [i|o]key KEY | no[i|o]key ]
\t\t\t[ [no][i|o]csum ]
\t\t\t[ hoplimit TTL ]
\t\t\t[ encaplimit ELIM ]
\t\t\t[ tclass TCLASS ]
\t\t\t[ flowlabel FLOWLABEL ]
\t\t\t[ dscp inherit ]
\t\t\t[ dev PHYS_DEV ]
\t\t\t[ fwmark MARK ]
\t\t\t[ [no]allow-localremote ]
${ENCAP_LINES}\t\t\t[ erspan_ver version ]
\t\t\t[ erspan IDX ]
\t\t\t[ erspan_dir { ingress | egress } ]
\t\t\t[ erspan_hwid hwid ]

Where:\tADDR\t  := IPV6_ADDRESS
\tTTL\t  := { 0..255 } (default=64)
\tKEY\t  := { DOTTED_QUAD | NUMBER }
\tELIM\t  := { none | 0..255 }(default=4)
\tTCLASS\t  := { 0x0..0xff | inherit }
\tFLOWLABEL := { 0x0..0xfffff | inherit }
\tMARK\t  := { 0x0..0xffffffff | inherit }
`;
}

const VTI_USAGE = `Usage: ... vti \t[ remote ADDR ]
\t\t[ local ADDR ]
\t\t[ [i|o]key KEY ]
\t\t[ dev PHYS_DEV ]
\t\t[ fwmark MARK ]

Where:\tADDR := { IP_ADDRESS }
\tKEY  := { DOTTED_QUAD | NUMBER }
\tMARK := { 0x0..0xffffffff }
`;

function ipvlanUsage(kind: string): string {
  return `Usage: ... ${kind} [ mode MODE ] [ FLAGS ]

MODE: l3 | l3s | l2
FLAGS: bridge | private | vepa
(first values are the defaults if nothing is specified).
`;
}

const GENEVE_USAGE = `Usage: ... geneve id VNI
\t\tremote ADDR
\t\t[ ttl TTL ]
\t\t[ tos TOS ]
\t\t[ df DF ]
\t\t[ flowlabel LABEL ]
\t\t[ dstport PORT ]
\t\t[ [no]external ]
\t\t[ [no]udpcsum ]
\t\t[ [no]udp6zerocsumtx ]
\t\t[ [no]udp6zerocsumrx ]
\t\t[ innerprotoinherit ]

Where:\tVNI   := 0-16777215
\tADDR  := IP_ADDRESS
\tTOS   := { NUMBER | inherit }
\tTTL   := { 1..255 | auto | inherit }
\tDF    := { unset | set | inherit }
\tLABEL := 0-1048575
`;

/** The words of one kind's options, walked as NEXT_ARG() does. */
class Words {
  i = 0;
  constructor(private readonly ip: Ip, readonly list: readonly string[]) {}
  get done(): boolean {
    return this.i >= this.list.length;
  }
  get cur(): string {
    return this.list[this.i]!;
  }
  next(): string {
    this.i++;
    if (this.i >= this.list.length) this.ip.incomplete();
    return this.list[this.i]!;
  }
}

/** A parser's `return -1`: its message, and exit status 1 from do_cmd. */
function bail(ip: Ip, text: string): never {
  ip.err(text);
  throw new IpExit(1);
}

/** get_index: a name from the table, or its position given as a number. */
function tableIndex(table: string[], v: string): number {
  const n = getInteger(v);
  if (n !== null && n >= 0 && n < table.length) return n;
  return table.indexOf(v);
}

function parseBond(ip: Ip, w: Words, indexOf: IndexOf): void {
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (k === 'mode') {
      const v = w.next();
      if (tableIndex(BOND_MODES, v) < 0) ip.invarg('invalid mode', v);
    } else if (k === 'active_slave' || k === 'primary') {
      const v = w.next();
      if (!indexOf(v)) bail(ip, `Cannot find device "${v}"\n`);
    } else if (k === 'clear_active_slave') {
      // a flag
    } else if (k in BOND_TABLES) {
      const v = w.next();
      if (tableIndex(BOND_TABLES[k]!, v) < 0) ip.invarg(`invalid ${k}`, v);
    } else if (k in BOND_NUMBERS) {
      const v = w.next();
      if (getUnsigned(v, BOND_NUMBERS[k]) === null) ip.invarg(`invalid ${k}`, v);
    } else if (k === 'arp_ip_target' || k === 'ns_ip6_target') {
      const v = w.next();
      for (const t of v.split(',')) {
        if (k === 'arp_ip_target') addr32(ip, t);
        if (k === 'ns_ip6_target') getAddr(ip, t, AF.INET6);
      }
    } else if (k === 'ad_actor_system') {
      const v = w.next();
      if (!/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(v)) ip.invarg('invalid ad_actor_system', v);
    } else if (matches(k, 'help')) {
      bail(ip, BOND_USAGE);
    } else {
      bail(ip, `bond: unknown command "${k}"?\n${BOND_USAGE}`);
    }
  }
}

function parseVrf(ip: Ip, w: Words): void {
  const usage = 'Usage: ... vrf table TABLEID\n';
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (matches(k, 'table')) {
      const v = w.next();
      if (tableA2n(v) === null) ip.invarg('invalid table ID\n', v);
    } else if (matches(k, 'help')) {
      bail(ip, usage);
    } else {
      bail(ip, `vrf: unknown option "${k}"?\n${usage}`);
    }
  }
}

/** get_addr_ipv4: up to four dot-separated numbers (C bases), each at most 255. */
function ipv4Loose(s: string): boolean {
  const parts = s.split('.');
  if (parts.length > 4) return false;
  return parts.every((p) => getUnsigned(p, 255) !== null);
}

/** get_addr32: an IPv4 address or ip ends with status 1. */
function addr32(ip: Ip, v: string): void {
  if (!ipv4Loose(v)) bail(ip, `Error: an IP address is expected rather than "${v}"\n`);
}

/** tnl_parse_key: a dotted quad (read as an address) or a number. */
function tunnelKey(ip: Ip, k: string, v: string): void {
  if (v.includes('.')) return addr32(ip, v);
  if (getUnsigned(v) !== null) return;
  ip.fail(`invalid value for "${k}": "${v}"; it should be an unsigned integer\n`);
}

/** The words every IP tunnel kind shares: encapsulation, fwmark, external, dev. */
function tunnelCommon(ip: Ip, w: Words, k: string, indexOf: IndexOf): boolean {
  if (k === 'dev') {
    const v = w.next();
    if (!indexOf(v)) ip.fail(`Cannot find device "${v}"\n`);
  } else if (k === 'fwmark') {
    const v = w.next();
    if (v !== 'inherit' && getUnsigned(v) === null) ip.invarg('invalid fwmark\n', v);
  } else if (k === 'encap') {
    const v = w.next();
    if (!['fou', 'gue', 'none'].includes(v)) ip.invarg('Invalid encap type.', v);
  } else if (matches(k, 'encap-sport')) {
    const v = w.next();
    if (v !== 'auto' && getUnsigned(v, 0xffff) === null) ip.invarg('Invalid source port.', v);
  } else if (matches(k, 'encap-dport')) {
    const v = w.next();
    if (getUnsigned(v, 0xffff) === null) ip.invarg('Invalid destination port.', v);
  } else if (['external', 'noencap', 'encap-csum', 'noencap-csum', 'encap-udp6-csum', 'noencap-udp6-csum', 'encap-remcsum', 'noencap-remcsum'].includes(k)) {
    // a flag
  } else {
    return false;
  }
  return true;
}

function ttl(ip: Ip, w: Words): void {
  const v = w.next();
  if (v !== 'inherit' && getUnsigned(v, 255) === null) ip.invarg('invalid TTL\n', v);
}

function tos(ip: Ip, w: Words): void {
  const v = w.next();
  if (v !== 'inherit' && dsfieldA2n(v) === null) ip.invarg('bad TOS value', v);
}

const GRE_FLAGS = new Set(['seq', 'iseq', 'oseq', 'noseq', 'noiseq', 'nooseq', 'csum', 'icsum', 'ocsum', 'nocsum', 'noicsum', 'noocsum',
  'nokey', 'noikey', 'nookey', 'pmtudisc', 'nopmtudisc', 'ignore-df', 'noignore-df', 'allow-localremote', 'noallow-localremote']);

function parseGre(ip: Ip, kind: string, w: Words, indexOf: IndexOf): void {
  const v6 = kind.startsWith('ip6');
  const usage = v6 ? ip6greUsage(kind) : greUsage(kind);
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (k === 'key' || k === 'ikey' || k === 'okey') tunnelKey(ip, k, w.next());
    else if (GRE_FLAGS.has(k)) continue;
    else if (k === 'remote' || k === 'local') getAddr(ip, w.next(), v6 ? AF.INET6 : AF.INET);
    else if (!v6 && (k === 'ttl' || k === 'hoplimit' || k === 'hlim')) ttl(ip, w);
    else if (!v6 && (k === 'tos' || k === 'tclass' || matches(k, 'dsfield'))) tos(ip, w);
    else if (v6 && !ip6Field(ip, w, k)) bail(ip, usage);
    else if (k.startsWith('erspan')) w.next();
    else if (tunnelCommon(ip, w, k, indexOf)) continue;
    else if (!v6) bail(ip, usage);
  }
}

/** ip6tnl and ip6gre's own words: hop limit, encapsulation limit, traffic class, flow label. */
function ip6Field(ip: Ip, w: Words, k: string): boolean {
  if (k === 'hoplimit' || k === 'ttl' || k === 'hlim') {
    const v = w.next();
    if (getUnsigned(v, 255) === null) ip.invarg('invalid HLIM\n', v);
  } else if (k === 'encaplimit') {
    const v = w.next();
    if (v !== 'none' && getUnsigned(v, 255) === null) ip.invarg('invalid ELIM\n', v);
  } else if (k === 'tclass' || k === 'tc' || k === 'tos' || matches(k, 'dsfield')) {
    const v = w.next();
    if (v !== 'inherit' && getUnsigned(v.replace(/^(0x)?/i, '0x'), 0xff) === null) ip.invarg('invalid TCLASS\n', v);
  } else if (k === 'flowlabel' || k === 'fl') {
    const v = w.next();
    if (v !== 'inherit' && getUnsigned(v.replace(/^(0x)?/i, '0x'), 0xfffff) === null) ip.invarg('invalid flowlabel\n', v);
  } else if (k === 'dscp') {
    const v = w.next();
    if (v !== 'inherit') ip.invarg('not inherit\n', v);
  } else if (k === 'remote' || k === 'local') {
    getAddr(ip, w.next(), AF.INET6);
  } else if (k === 'key' || k === 'ikey' || k === 'okey') {
    tunnelKey(ip, k, w.next());
  } else if (GRE_FLAGS.has(k)) {
    // a flag
  } else if (k.startsWith('erspan')) {
    w.next();
  } else {
    return false;
  }
  return true;
}

function parseIptnl(ip: Ip, kind: string, w: Words, indexOf: IndexOf): void {
  const usage = iptnlUsage(kind);
  const modes = kind === 'sit' ? ['ip6ip', 'ipv6/ipv4', 'ipip', 'ip4ip4', 'mplsip', 'any'] : ['ipip', 'ip4ip4', 'mplsip', 'any'];
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (k === 'remote' || k === 'local') getAddr(ip, w.next(), AF.INET);
    else if (k === 'ttl' || k === 'hoplimit' || k === 'hlim') ttl(ip, w);
    else if (k === 'tos' || k === 'tclass' || matches(k, 'dsfield')) tos(ip, w);
    else if (k === 'pmtudisc' || k === 'nopmtudisc' || k === '6rd-reset' || (kind === 'sit' && k === 'isatap')) continue;
    else if (k === 'mode') {
      const v = w.next();
      if (!modes.includes(v)) ip.invarg('Cannot guess tunnel mode.', v);
    } else if (k === '6rd-prefix') {
      getPrefix(ip, w.next(), AF.INET6);
    } else if (k === '6rd-relay_prefix') {
      getPrefix(ip, w.next(), AF.INET);
    } else if (!tunnelCommon(ip, w, k, indexOf)) bail(ip, usage);
  }
}

function parseIp6tnl(ip: Ip, w: Words, indexOf: IndexOf): void {
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (k === 'mode') {
      const v = w.next();
      if (!['ipv6/ipv6', 'ip6ip6', 'ipv4/ipv6', 'ipip6', 'ip4ip6', 'any'].includes(v)) ip.invarg('Cannot guess tunnel mode.', v);
    } else if (!ip6Field(ip, w, k) && !tunnelCommon(ip, w, k, indexOf)) bail(ip, IP6TNL_USAGE);
  }
}

function parseVti(ip: Ip, kind: string, w: Words, indexOf: IndexOf): void {
  const family = kind === 'vti6' ? AF.INET6 : AF.INET;
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (k === 'key' || k === 'ikey' || k === 'okey') tunnelKey(ip, k, w.next());
    else if (k === 'remote' || k === 'local') getAddr(ip, w.next(), family);
    else if (k === 'dev' || k === 'fwmark') tunnelCommon(ip, w, k, indexOf);
    else bail(ip, VTI_USAGE);
  }
}

function parseIpvlan(ip: Ip, kind: string, w: Words): void {
  let flagGiven = false;
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (matches(k, 'mode')) {
      const v = w.next();
      if (!['l2', 'l3', 'l3s'].includes(v)) bail(ip, 'Error: argument of "mode" must be either "l2", "l3" or "l3s"\n');
    } else if (!flagGiven && (matches(k, 'private') || matches(k, 'vepa') || matches(k, 'bridge'))) {
      flagGiven = true;
    } else if (matches(k, 'help')) {
      bail(ip, ipvlanUsage(kind));
    } else {
      bail(ip, `${kind}: unknown option "${k}"?\n${ipvlanUsage(kind)}`);
    }
  }
}

function parseGeneve(ip: Ip, w: Words): void {
  let vni = false;
  let remote = false;
  let external = false;
  for (; !w.done; w.i++) {
    const k = w.cur;
    if (k === 'id' || k === 'vni') {
      const v = w.next();
      if (getUnsigned(v, 0xffffff) === null) ip.invarg('invalid id', v);
      vni = true;
    } else if (k === 'remote') {
      getAddr(ip, w.next(), AF.UNSPEC);
      remote = true;
    } else if (k === 'ttl' || k === 'hoplimit') {
      const v = w.next();
      if (v !== 'inherit' && v !== 'auto' && getUnsigned(v, 255) === null) ip.invarg('invalid TTL', v);
    } else if (k === 'tos' || k === 'tclass' || matches(k, 'dsfield')) {
      tos(ip, w);
    } else if (k === 'df') {
      const v = w.next();
      if (!['unset', 'set', 'inherit'].includes(v)) ip.invarg('DF must be \'unset\', \'set\' or \'inherit\'', v);
    } else if (matches(k, 'label') || matches(k, 'flowlabel')) {
      const v = w.next();
      if (getUnsigned(v, 0xfffff) === null) ip.invarg('invalid flowlabel', v);
    } else if (k === 'dstport') {
      const v = w.next();
      if (getUnsigned(v, 0xffff) === null) ip.invarg('dstport', v);
    } else if (k === 'external' || k === 'noexternal') {
      external = k === 'external';
    } else if (['udpcsum', 'noudpcsum', 'udp6zerocsumtx', 'noudp6zerocsumtx', 'udp6zerocsumrx', 'noudp6zerocsumrx', 'innerprotoinherit'].includes(k)) {
      // a flag
    } else if (matches(k, 'help')) {
      bail(ip, GENEVE_USAGE);
    } else {
      bail(ip, `geneve: unknown command "${k}"?\n${GENEVE_USAGE}`);
    }
  }
  if (!external) {
    if (!vni) bail(ip, 'geneve: missing virtual network identifier\n');
    if (!remote) bail(ip, 'geneve: remote link partner not specified\n');
  }
}

/** Reads the options of a kind without a driver here; returns false for kinds it does not know. */
export function parseUnmodelledKind(ip: Ip, kind: string, words: readonly string[], indexOf: IndexOf): boolean {
  const w = new Words(ip, words);
  if (kind === 'bond') parseBond(ip, w, indexOf);
  else if (kind === 'vrf') parseVrf(ip, w);
  else if (kind === 'gre' || kind === 'gretap' || kind === 'erspan' || kind === 'ip6gre' || kind === 'ip6gretap' || kind === 'ip6erspan') parseGre(ip, kind, w, indexOf);
  else if (kind === 'ipip' || kind === 'sit') parseIptnl(ip, kind, w, indexOf);
  else if (kind === 'ip6tnl') parseIp6tnl(ip, w, indexOf);
  else if (kind === 'vti' || kind === 'vti6') parseVti(ip, kind, w, indexOf);
  else if (kind === 'ipvlan' || kind === 'ipvtap') parseIpvlan(ip, kind, w);
  else if (kind === 'geneve') parseGeneve(ip, w);
  else return false;
  return true;
}
