// The netfilter service: what iptables/ip6tables (programs) and the kernel's netfilter tables
// (src/subsystems/netfilter) exchange. Rules travel as plain structured data: the program
// parses and prints them the way iptables 1.8.9 (nf_tables backend) does, the kernel stores
// them, applies edits atomically and evaluates packets against them.

export type NfFamily = 'ipv4' | 'ipv6';
export type NfTableName = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';
export type NfHook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';
export type NfPolicy = 'ACCEPT' | 'DROP';

/** Built-in chains of each table, in hook order (the order -L and -S list them). */
export const NF_BUILTIN_CHAINS: Readonly<Record<NfTableName, readonly NfHook[]>> = {
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** The order iptables-save prints tables in (nft's table type order). */
export const NF_TABLE_ORDER: readonly NfTableName[] = ['mangle', 'security', 'raw', 'filter', 'nat'];

export function isNfTableName(name: string): name is NfTableName {
  return name === 'filter' || name === 'nat' || name === 'mangle' || name === 'raw' || name === 'security';
}

export interface NfCounters {
  packets: number;
  bytes: number;
}

/** An address with its mask, both in canonical text (dotted quad, or RFC 5952 for IPv6). */
export interface NfAddr {
  addr: string;
  mask: string;
}

export type NfPortRange = [number, number];

// Stored forms of connmark, ttl, time and CONNMARK, TOS, TTL, NFLOG, NFQUEUE (programs/netfilter/ext/connmark-ttl-log.ts).
export interface ConnmarkMatch {
  kind: 'connmark';
  mark: number;
  mask: number;
  inv: boolean;
}

export interface ConnmarkTarget {
  kind: 'CONNMARK';
  mode: 'set' | 'save' | 'restore';
  ctmark: number;
  ctmask: number;
  nfmask: number;
}

export interface TosTarget {
  kind: 'TOS';
  value: number;
  mask: number;
}

export interface TtlMatch {
  kind: 'ttl';
  mode: 'eq' | 'ne' | 'lt' | 'gt';
  value: number;
}

export interface TtlTarget {
  kind: 'TTL';
  mode: 'set' | 'inc' | 'dec';
  value: number;
}

/** xt_time: times of day in seconds, dates in UTC epoch seconds, day bit sets as the kernel keeps them. */
export interface TimeMatch {
  kind: 'time';
  dateStart: number;
  dateStop: number;
  dayStart: number;
  dayStop: number;
  /** bit n for day n of the month (1..31) */
  monthdays: number;
  /** bit n for weekday n (1 Mon .. 7 Sun) */
  weekdays: number;
  localTz: boolean;
  contiguous: boolean;
}

export interface NflogTarget {
  kind: 'NFLOG';
  group: number;
  prefix: string;
  threshold: number;
  /** --nflog-size; undefined for the whole packet */
  size?: number;
}

export interface NfqueueTarget {
  kind: 'NFQUEUE';
  num: number;
  /** --queue-balance's last queue; undefined for a single queue */
  last?: number;
  bypass: boolean;
  fanout: boolean;
}

// Stored forms of hashlimit, string, statistic, quota, tos, dscp, tcpmss, ecn, helper, physdev,
// esp/ah, sctp/dccp and of DSCP, CLASSIFY, CHECKSUM, AUDIT, TEE (programs/netfilter/ext/).
export interface HashlimitMatch {
  kind: 'hashlimit';
  name: string;
  /** packets: interval in 1/1000000 s; bytes: the kernel's cost per 16 bytes */
  avg: number;
  burst: number;
  bytes: boolean;
  /** --hashlimit-above */
  above: boolean;
  /** bit set: 1 dstip, 2 dstport, 4 srcip, 8 srcport (XT_HASHLIMIT_HASH_*) */
  mode: number;
  size: number;
  max: number;
  gcInterval: number;
  /** ms */
  expire: number;
  srcMask: number;
  dstMask: number;
  /** --hashlimit-rate-match: avg is then the packet count per second */
  rateMatch: boolean;
  interval: number;
}

export interface StringMatch {
  kind: 'string';
  /** the pattern's bytes (0-255) */
  pattern: number[];
  algo: string;
  from: number;
  to: number;
  icase: boolean;
  inv: boolean;
}

export interface StatisticMatch {
  kind: 'statistic';
  mode: 'random' | 'nth';
  /** random: probability scaled to 2^31 */
  probability: number;
  /** nth: every-1 as the kernel keeps it, and the packet offset */
  every: number;
  packet: number;
  inv: boolean;
}

export type NfQosMatch =
  | HashlimitMatch
  | StringMatch
  | StatisticMatch
  /** bytes left, in decimal (up to 2^64-1) */
  | { kind: 'quota'; quota: string; inv: boolean }
  | { kind: 'tos'; value: number; mask: number; inv: boolean }
  | { kind: 'dscp'; dscp: number; inv: boolean }
  | { kind: 'tcpmss'; min: number; max: number; inv: boolean }
  /** ops and inv are bit sets: 1 ECE, 2 CWR, 4 IP ECT */
  | { kind: 'ecn'; ops: number; inv: number; ect: number }
  | { kind: 'helper'; name: string; inv: boolean }
  /** bitmask and inv: 1 in, 2 out, 4 is-bridged, 8 is-in, 16 is-out (XT_PHYSDEV_OP_*) */
  | { kind: 'physdev'; inDev: string; outDev: string; bitmask: number; inv: number }
  | { kind: 'esp' | 'ah'; min: number; max: number; inv: boolean }
  /** ports given (undefined when not) */
  | {
      kind: 'sctp' | 'dccp';
      sport?: NfPortRange;
      dport?: NfPortRange;
      sportInv: boolean;
      dportInv: boolean;
      /** sctp --chunk-types, as the kernel's xt_sctp_info holds them */
      chunks?: NfSctpChunks;
      /** dccp --dccp-types (a bit per type) and --dccp-option */
      types?: number;
      typesInv?: boolean;
      option?: number;
      optionInv?: boolean;
    };

/** One xt_sctp_flag_info entry; `chunktype` is the name table's index, as libxt_sctp stores it. */
export interface NfSctpFlagInfo {
  chunktype: number;
  flag: number;
  mask: number;
}

export interface NfSctpChunks {
  type: 'any' | 'all' | 'only';
  /** chunk numbers set in the map, ascending (all 256 for ALL) */
  map: number[];
  flags: NfSctpFlagInfo[];
  inv: boolean;
}

export type NfQosTarget =
  | { kind: 'DSCP'; dscp: number }
  /** tc class as major << 16 | minor */
  | { kind: 'CLASSIFY'; priority: number }
  | { kind: 'CHECKSUM' }
  | { kind: 'AUDIT'; type: 'accept' | 'drop' | 'reject' }
  | { kind: 'TEE'; gateway: string; oif: string };

/** u32 location steps: the first number, then (op, number) pairs; values are inclusive ranges */
export interface U32Test {
  loc: { op: '&' | '<<' | '>>' | '@' | ''; n: number }[];
  values: [number, number][];
}

export interface PolicyElem {
  reqid?: number;
  spi?: number;
  proto?: number;
  mode?: 'transport' | 'tunnel';
  src?: NfAddr;
  dst?: NfAddr;
  /** inverted fields: 1 reqid, 2 spi, 4 proto, 8 mode, 16 tunnel-src, 32 tunnel-dst */
  inv: number;
}

/** Matches of packet metadata: u32, socket, cpu, policy, realm, connbytes, bpf, devgroup, rpfilter, cluster. */
export type NfMetaMatch =
  | { kind: 'u32'; tests: U32Test[]; inv: boolean }
  /** flags: 1 transparent, 2 nowildcard, 4 restore-skmark */
  | { kind: 'socket'; flags: number }
  | { kind: 'cpu'; cpu: number; inv: boolean }
  | { kind: 'policy'; dir: 'in' | 'out'; none: boolean; strict: boolean; elems: PolicyElem[] }
  | { kind: 'realm'; id: number; mask: number; inv: boolean }
  /** from/to in decimal (u64); inverted when from > to, as the kernel stores it */
  | { kind: 'connbytes'; from: string; to: string; what: 'packets' | 'bytes' | 'avgpkt'; dir: 'original' | 'reply' | 'both' }
  /** classic BPF instructions: [code, jt, jf, k] */
  | { kind: 'bpf'; prog: [number, number, number, number][]; pinned?: string }
  | { kind: 'devgroup'; src?: [number, number]; dst?: [number, number]; srcInv: boolean; dstInv: boolean }
  /** flags: 1 loose, 2 validmark, 4 accept-local, 8 invert */
  | { kind: 'rpfilter'; flags: number }
  | { kind: 'cluster'; mask: number; total: number; seed: number; inv: boolean }
  /** IPv6 hop limit (ip6tables' counterpart of ttl) */
  | { kind: 'hl'; mode: 'eq' | 'ne' | 'lt' | 'gt'; value: number }
  /** IPv6 fragment header: flags 1 len, 2 res, 4 first, 8 more, 16 last */
  | { kind: 'frag'; ids: [number, number]; idsInv: boolean; len: number; lenInv: boolean; flags: number }
  /** IPv6's authentication header match (libip6t_ah): SPI range, header length, reserved field */
  | { kind: 'ah6'; spis: [number, number]; spisInv: boolean; len: number; lenInv: boolean; res: boolean }
  /** IPv6 extension headers present: bits 0x80 hop-by-hop ... 0x01 protocol */
  | { kind: 'ipv6header'; bits: number; inv: boolean; soft: boolean }
  | { kind: 'eui64' }
  /** Mobility header type range */
  | { kind: 'mh'; types: [number, number]; inv: boolean }
  /** the sending socket's cgroup: by v2 path or net_cls class id */
  | { kind: 'cgroup'; path?: string; pathInv: boolean; classid?: number; classidInv: boolean };

export type NfMatch =
  | NfMetaMatch
  | ConnmarkMatch
  | TtlMatch
  | TimeMatch
  | NfQosMatch
  | NfRareMatch
  | { kind: 'tcp'; sport: NfPortRange; dport: NfPortRange; sportInv: boolean; dportInv: boolean; flagsMask: number; flagsCmp: number; flagsInv: boolean; option: number; optionInv: boolean }
  | { kind: 'udp'; sport: NfPortRange; dport: NfPortRange; sportInv: boolean; dportInv: boolean }
  /** type 255 means any type (icmp) ; codes are a range */
  | { kind: 'icmp' | 'icmp6'; type: number; codeMin: number; codeMax: number; inv: boolean }
  /** ports holds single ports and, where range[i] is set, ports[i]:ports[i+1] ranges */
  | { kind: 'multiport'; mode: 'source' | 'destination' | 'either'; ports: number[]; range: boolean[]; inv: boolean }
  | NfConntrackMatch
  | { kind: 'comment'; text: string }
  /** avg is the interval between packets in 1/10000 s (xt_rateinfo), burst the bucket size */
  | { kind: 'limit'; avg: number; burst: number }
  | { kind: 'mark'; mark: number; mask: number; inv: boolean }
  | { kind: 'mac'; mac: string; inv: boolean }
  | { kind: 'iprange'; src?: [string, string]; dst?: [string, string]; srcInv: boolean; dstInv: boolean }
  | { kind: 'pkttype'; type: 'unicast' | 'broadcast' | 'multicast' | 'otherhost'; inv: boolean }
  | { kind: 'length'; min: number; max: number; inv: boolean }
  /** bit i of src/dst is route type i (UNSPEC, UNICAST, LOCAL, BROADCAST, ...) */
  | { kind: 'addrtype'; src: number; dst: number; srcInv: boolean; dstInv: boolean; limitIn: boolean; limitOut: boolean }
  /** xt_owner: the local socket's user/group (ranges), or whether there is a socket */
  | { kind: 'owner'; uid?: [number, number]; uidInv: boolean; gid?: [number, number]; gidInv: boolean; socket: boolean; socketInv: boolean; supplGroups: boolean }
  /** connections from (or to) the masked address: above `limit`, or up to it when upto */
  | { kind: 'connlimit'; limit: number; upto: boolean; mask: number; daddr: boolean }
  /** xt_recent: ops is a bit set of NF_RECENT values; hitcount/seconds 0 when unset */
  | { kind: 'recent'; name: string; ops: number; seconds: number; hitcount: number; side: 'source' | 'dest'; mask: string; inv: boolean };

export const NF_RECENT = { SET: 1, CHECK: 2, UPDATE: 4, REMOVE: 8, TTL: 16, REAP: 32 } as const;

/** conntrack (and `-m state`, which iptables stores as conntrack with the state alias). */
export interface NfConntrackMatch {
  kind: 'conntrack';
  /** true when written as `-m state --state` */
  stateAlias: boolean;
  /** bit set of NF_CT_STATE values */
  state?: number;
  stateInv: boolean;
  proto?: number;
  protoInv: boolean;
  origSrc?: NfAddr;
  origSrcInv: boolean;
  origDst?: NfAddr;
  origDstInv: boolean;
  replSrc?: NfAddr;
  replSrcInv: boolean;
  replDst?: NfAddr;
  replDstInv: boolean;
  /** bit set of NF_CT_STATUS values; 0 with status set means NONE */
  status?: number;
  statusInv: boolean;
  expire?: [number, number];
  expireInv: boolean;
  dir?: 'ORIGINAL' | 'REPLY';
}

/** Conntrack state bits, as xt_conntrack numbers them. */
export const NF_CT_STATE = {
  INVALID: 1,
  ESTABLISHED: 2,
  RELATED: 4,
  NEW: 8,
  UNTRACKED: 64,
  SNAT: 128,
  DNAT: 256,
} as const;

export const NF_CT_STATUS = { EXPECTED: 1, SEEN_REPLY: 2, ASSURED: 4, CONFIRMED: 8 } as const;

export interface NfNatRange {
  /** mapped addresses (absent: keep the address, only ports change) */
  addrs?: [string, string];
  ports?: NfPortRange;
  /** DNAT's shifted port map ("80-90/8080") */
  basePort?: number;
  random: boolean;
  randomFully: boolean;
  persistent: boolean;
}

/** Targets of transparent proxying, SYN flood protection, network mapping and header editing. */
export type NfProxyTarget =
  /** mark/mask default 0/0; addr the local address (0.0.0.0 or :: when not given) */
  | { kind: 'TPROXY'; port: number; addr: string; mark: number; mask: number }
  /** opts: 1 sack-perm, 2 timestamp, 4 wscale, 8 mss, 16 ecn */
  | { kind: 'SYNPROXY'; opts: number; wscale: number; mss: number }
  /** the network to map to: its first address and prefix/mask */
  | { kind: 'NETMAP'; addr: string; mask: string }
  /** ops: 1 set ECE, 2 set CWR, 4 set IP ECT */
  | { kind: 'ECN'; ops: number; ece: number; cwr: number; ect: number }
  /** TCP option kinds to strip, ascending */
  | { kind: 'TCPOPTSTRIP'; options: number[] }
  | { kind: 'HL'; mode: 'set' | 'inc' | 'dec'; value: number };

/** IPv6 routing/hop-by-hop/destination-options header matches and the rate estimator match. */
export type NfRareMatch =
  /** flags: 1 type, 2 segsleft, 4 len, 8 reserved, 16 addrs, 32 not-strict; inv: 1 type, 2 segsleft, 4 len */
  | { kind: 'rt'; flags: number; inv: number; type: number; segsleft: [number, number]; len: number; addrs: string[] }
  /** opts: (type << 8) | length, length 0xff when not given */
  | { kind: 'hbh' | 'dst'; hasLen: boolean; lenInv: boolean; len: number; opts: number[] }
  /** flags: 1 abs, 2 rel, 4 delta, 8 bps, 16 pps, 32 invert; mode 0 none, 1 eq, 2 lt, 3 gt; rates in bytes/s */
  | { kind: 'rateest'; name1: string; name2: string; flags: number; mode: number; bps1: number; pps1: number; bps2: number; pps2: number }
  | { kind: 'ipcomp'; spis: [number, number]; inv: boolean; res: boolean }
  | { kind: 'nfacct'; name: string }
  /** a connection label bit (only the low 16 bits of what was given are kept); set: --set */
  | { kind: 'connlabel'; bit: number; inv: boolean; set: boolean }
  /** passive OS fingerprinting: genre (at most 31 bytes), --ttl and --log levels when given */
  | { kind: 'osf'; genre: string; inv: boolean; ttl?: number; log?: number }
  /** IPVS connection properties: bitmask/invert bits 1 ipvs, 2 vproto, 4 vaddr, 8 vport,
   * 16 vdir, 32 vmethod, 64 vportctl (the kernel here has no IPVS, so rules with it are refused) */
  | { kind: 'ipvs'; bitmask: number; invert: number; proto: number; vaddr: string; vmask: string; vport: number; method: number; vportctl: number }
  /** IPv6 segment routing header: flags/inv bits per option (next-hdr 1 ... lsid 0x2000); the
   * -eq/-gt/-lt forms of one field share its value; sids are address/prefix pairs */
  | { kind: 'srh'; flags: number; inv: number; nextHdr: number; hdrLen: number; segsLeft: number; lastEntry: number; tag: number; sids: [string, number][] };

/** Idle timers, rate estimators, security-mark copying and hash marks. */
export type NfRareTarget =
  | { kind: 'IDLETIMER'; timeout: number; label: string; alarm: boolean }
  /** interval as log2(interval / 1 s) (-2..3), ewmaLog as the kernel stores it */
  | { kind: 'RATEEST'; name: string; interval: number; ewmaLog: number }
  | { kind: 'CONNSECMARK'; mode: 'save' | 'restore' }
  /** the old IPv4 netlink logger: iptables still parses it, the kernel no longer has it */
  | { kind: 'ULOG' }
  /** LED triggers, SELinux security marks and CLUSTERIP: parsed, but refused by this kernel
   * (delay -1 is "inf"; hashMode 1 sourceip, 2 +sourceport, 3 +destport) */
  | { kind: 'LED'; id: string; delay: number; blink: boolean }
  | { kind: 'SECMARK'; selctx: string }
  | { kind: 'CLUSTERIP'; isNew: boolean; hashMode: number; mac: string; total: number; local: number; hashInit: number }
  /** flags: bit i is XT_HMARK option i (0 saddr mask ... 11 ct, 12 method-l3? unused) */
  /** IPv6 network prefix translation: the prefixes as address and length */
  | { kind: 'SNPT' | 'DNPT'; src: string; srcLen: number; dst: string; dstLen: number }
  | { kind: 'HMARK'; flags: number; srcPrefix: number; dstPrefix: number; sportMask: number; dportMask: number; spiMask: number; sport: number; dport: number; spi: number; protoMask: number; rnd: number; mod: number; offset: number };

export type NfTarget =
  | { kind: 'none' }
  | NfProxyTarget
  | NfRareTarget
  | NfQosTarget
  | ConnmarkTarget
  | TosTarget
  | TtlTarget
  | { kind: 'TRACE' }
  | NflogTarget
  | NfqueueTarget
  | { kind: 'verdict'; verdict: 'ACCEPT' | 'DROP' | 'RETURN' | 'QUEUE' }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'REJECT'; with: string }
  | { kind: 'LOG'; level: number; prefix: string; flags: number }
  | ({ kind: 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT' } & NfNatRange)
  /** mss 0xffff means --clamp-mss-to-pmtu */
  | { kind: 'TCPMSS'; mss: number }
  /** CT --notrack, or NOTRACK (which iptables lists as CT) */
  | { kind: 'CT'; notrack: boolean; alias: boolean; helper?: string; timeout?: string; ctEvents?: number; expEvents?: number; zone?: number; zoneDir?: 'orig' | 'reply'; zoneMark?: boolean }
  /** xt_MARK revision 2: the new mark is (mark & ~mask) ^ value */
  | { kind: 'MARK'; value: number; mask: number };

/** One rule: the fixed IP header part, the matches in order, and the target. */
export interface NfRuleSpec {
  src: NfAddr;
  srcInv: boolean;
  dst: NfAddr;
  dstInv: boolean;
  /** '' for any interface; a trailing '+' is a wildcard */
  inIface: string;
  inInv: boolean;
  outIface: string;
  outInv: boolean;
  /** 0 = all */
  proto: number;
  protoInv: boolean;
  /** -f: second and further fragments (IPv4 only) */
  frag: boolean;
  fragInv: boolean;
  matches: NfMatch[];
  target: NfTarget;
}

export interface NfRule extends NfRuleSpec {
  counters: NfCounters;
}

export interface NfChain {
  name: string;
  builtin: boolean;
  /** built-in chains only: nf_tables creates them on first use; an absent one lists as ACCEPT */
  present: boolean;
  policy: NfPolicy;
  counters: NfCounters;
  /**
   * Built-in chains: whether nft keeps counters for the policy. iptables-nft creates a base chain
   * without them when a rule needs it; setting a policy (-P, a restore line) or zeroing the chain
   * (-Z) gives it counters, and from then on the policy counts what it decides.
   */
  stats?: boolean;
  rules: NfRule[];
}

export interface NfTable {
  name: NfTableName;
  /** whether the table exists in the kernel (iptables-save prints only those) */
  exists: boolean;
  /** a base chain iptables cannot name is hooked (a built-in renamed with -E); listings warn */
  tainted?: boolean;
  /** `iptables -F` emptied the whole table and only -X, -Z or policies changed it since */
  flushed?: boolean;
  /** built-in chains first in hook order, then user chains in creation order */
  chains: NfChain[];
}

export interface NfRuleset {
  family: NfFamily;
  /** bumped on every change, like nf_tables' generation id */
  generation: number;
  tables: NfTable[];
}

// ------------------------------------------------------------------ edits

/** One edit of a batch; the kernel applies a batch atomically, like one nf_tables commit. */
export type NfAction =
  | { op: 'append'; table: NfTableName; chain: string; rule: NfRule }
  | { op: 'insert'; table: NfTableName; chain: string; rulenum: number; rule: NfRule }
  | { op: 'replace'; table: NfTableName; chain: string; rulenum: number; rule: NfRule }
  | { op: 'delete'; table: NfTableName; chain: string; rule: NfRuleSpec }
  | { op: 'deleteNum'; table: NfTableName; chain: string; rulenum: number }
  | { op: 'check'; table: NfTableName; chain: string; rule: NfRuleSpec }
  /** chain absent: every chain; verbose makes nft create the built-in chains first */
  | { op: 'flush'; table: NfTableName; chain?: string; verbose: boolean }
  | { op: 'zero'; table: NfTableName; chain?: string; /** with -L/-S: zeroes (and creates) the built-in chains the listing showed */ list?: boolean }
  | { op: 'zeroRule'; table: NfTableName; chain: string; rulenum: number }
  | { op: 'newChain'; table: NfTableName; chain: string }
  | { op: 'deleteChain'; table: NfTableName; chain?: string; verbose?: boolean }
  | { op: 'renameChain'; table: NfTableName; chain: string; newName: string }
  | { op: 'policy'; table: NfTableName; chain: string; policy: string; counters?: NfCounters }
  /** iptables-restore: empty the whole table (flush rules, delete user chains) */
  | { op: 'flushTable'; table: NfTableName }
  /** iptables-restore `:CHAIN - [p:b]`: create a user chain, or flush it if it exists */
  | { op: 'restoreChain'; table: NfTableName; chain: string };

/** (`E0`: a failure iptables reports with errno still 0) */
export type NfErrno = 'ENOENT' | 'E2BIG' | 'EEXIST' | 'EBUSY' | 'EINVAL' | 'EMLINK' | 'ELOOP' | 'EPERM' | 'ERANGE' | 'EOPNOTSUPP' | 'E0';

/**
 * Why a batch failed. `stage: 'prepare'` errors are those iptables finds in its cache before
 * sending (printed as `iptables: <message>.`); `stage: 'commit'` ones come back from the kernel
 * (printed as `<OP> failed (<strerror>): ...`); `missingChain` is a jump to a chain that does
 * not exist.
 */
export interface NfFailure {
  ok: false;
  index: number;
  stage: 'prepare' | 'commit';
  errno: NfErrno;
  missingChain?: string;
  /** for commit errors: the chain the failing object belongs to */
  chain?: string;
}

export type NfRequest =
  | { op: 'get'; family: NfFamily }
  | { op: 'apply'; family: NfFamily; actions: NfAction[]; test?: boolean; preview?: boolean };

export type NfReply =
  | { ok: true; ruleset: NfRuleset }
  | { ok: true; applied: number }
  | NfFailure
  | { ok: false; errno: 'EPERM' | 'EINVAL'; index?: undefined; stage?: undefined };

// ------------------------------------------------------------------ packets

export interface NfPacket {
  family: NfFamily;
  /** where the packet enters netfilter */
  hook: NfHook;
  inIface?: string;
  outIface?: string;
  src: string;
  dst: string;
  /** protocol number (6 tcp, 17 udp, 1 icmp, 58 icmpv6) */
  proto: number;
  sport?: number;
  dport?: number;
  icmpType?: number;
  icmpCode?: number;
  /** an ICMP echo's identifier (each ping socket has its own): conntrack tells queries apart by it */
  icmpId?: number;
  /** IPv4 TTL or IPv6 hop limit; 64 (Linux's default) when not given */
  ttl?: number;
  /** TCP flag bits: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32 */
  tcpFlags?: number;
  /** state to assume; when absent the connection-tracking table decides */
  ctState?: 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';
  length?: number;
  mark?: number;
  srcMac?: string;
  /** whether an address is one of the machine's own (for -m addrtype LOCAL); by default the
   * destination is local for INPUT and the source for OUTPUT, and loopback addresses are */
  srcLocal?: boolean;
  dstLocal?: boolean;
  /** the sending process' user and group, for packets of local sockets (-m owner) */
  uid?: number;
  gid?: number;
}

export interface NfVerdictStep {
  table: NfTableName;
  chain: string;
  /** 1-based rule number, or 0 when the chain policy decided */
  rule: number;
  target: string;
}

export interface NfVerdict {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT' | 'QUEUE';
  /** the rule or policy that decided */
  why: NfVerdictStep | null;
  /** every rule that matched on the way, in order */
  trail: NfVerdictStep[];
  /** addresses/ports after NAT */
  natSrc?: string;
  natDst?: string;
  natSport?: number;
  natDport?: number;
  ctState: string;
}
