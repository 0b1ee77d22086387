// The sctp and dccp matches (libxt_sctp, libxt_dccp): ports, sctp's --chunk-types with chunk
// flags, dccp's --dccp-types and --dccp-option. The chunk map and flag entries are kept as the
// kernel's xt_sctp_info holds them, so -C/-D compare what the kernel would.
import type { NfMatch, NfPortRange, NfSctpChunks as SctpChunks, NfSctpFlagInfo as SctpFlagInfo } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import { parsePortRc, parseTcpPorts, printPorts } from './tcpudp';
import type { MatchExtension, MatchFormatter, ParseEnv } from './types';

type SctpDccp = Extract<NfMatch, { kind: 'sctp' | 'dccp' }>;

/** name, chunk number, the flag letters by bit (7..0) */
const CHUNKS: readonly (readonly [string, number, string])[] = [
  ['DATA', 0, '----IUBE'],
  ['INIT', 1, '--------'],
  ['INIT_ACK', 2, '--------'],
  ['SACK', 3, '--------'],
  ['HEARTBEAT', 4, '--------'],
  ['HEARTBEAT_ACK', 5, '--------'],
  ['ABORT', 6, '-------T'],
  ['SHUTDOWN', 7, '--------'],
  ['SHUTDOWN_ACK', 8, '--------'],
  ['ERROR', 9, '--------'],
  ['COOKIE_ECHO', 10, '--------'],
  ['COOKIE_ACK', 11, '--------'],
  ['ECN_ECNE', 12, '--------'],
  ['ECN_CWR', 13, '--------'],
  ['SHUTDOWN_COMPLETE', 14, '-------T'],
  ['I_DATA', 64, '----IUBE'],
  ['RE_CONFIG', 130, '--------'],
  ['PAD', 132, '--------'],
  ['ASCONF', 193, '--------'],
  ['ASCONF_ACK', 128, '--------'],
  ['FORWARD_TSN', 192, '--------'],
  ['I_FORWARD_TSN', 194, '--------'],
];

/** XT_NUM_SCTP_FLAGS */
const MAX_FLAG_ENTRIES = 4;

const DCCP_TYPES = ['REQUEST', 'RESPONSE', 'DATA', 'ACK', 'DATAACK', 'CLOSEREQ', 'CLOSE', 'RESET', 'SYNC', 'SYNCACK', 'INVALID'];
/** INVALID stands for every type from 10 to 15 */
const DCCP_INVALID = 10;
const DCCP_INVALID_MASK = 0xfc00;

function addFlag(flags: SctpFlagInfo[], chunktype: number, bit: number, set: boolean): void {
  let entry = flags.find((f) => f.chunktype === chunktype);
  if (!entry) {
    if (flags.length === MAX_FLAG_ENTRIES) {
      throw paramError(
        'Number of chunk types with flags exceeds currently allowed limit. Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and recompiling both the kernel space and user space modules',
      );
    }
    entry = { chunktype, flag: 0, mask: 0 };
    flags.push(entry);
  }
  entry.mask |= 1 << bit;
  if (set) entry.flag |= 1 << bit;
}

function parseChunks(matchType: string, list: string, inv: boolean): SctpChunks {
  const type = matchType.toLowerCase();
  if (type !== 'any' && type !== 'all' && type !== 'only') throw paramError('Match type has to be one of "ALL", "ANY" or "ONLY"');
  const out: SctpChunks = { type, map: [], flags: [], inv };
  if (list.toUpperCase() === 'ALL') {
    out.map = Array.from({ length: 256 }, (_, i) => i);
    return out;
  }
  if (list.toUpperCase() === 'NONE') return out;
  const set = new Set<number>();
  // strtok: empty pieces between commas are skipped
  for (const piece of list.split(',').filter((p) => p !== '')) {
    const colon = piece.indexOf(':');
    const name = colon < 0 ? piece : piece.slice(0, colon);
    const index = CHUNKS.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (index < 0) throw paramError(`Unknown sctp chunk \`${name}'`);
    const [, num, valid] = CHUNKS[index]!;
    set.add(num);
    if (colon < 0) continue;
    for (const ch of piece.slice(colon + 1)) {
      const at = valid.indexOf(ch.toUpperCase());
      if (at < 0) throw paramError(`Invalid flags for chunk type ${index}`);
      addFlag(out.flags, index, 7 - at, ch !== ch.toLowerCase());
    }
  }
  out.map = [...set].sort((a, b) => a - b);
  return out;
}

function parseDccpTypes(list: string): number {
  let mask = 0;
  for (const piece of list.split(',').filter((p) => p !== '')) {
    const i = DCCP_TYPES.findIndex((n) => n.toLowerCase() === piece.toLowerCase());
    if (i < 0) throw paramError(`Unknown DCCP type \`${piece}'`);
    mask |= 1 << i;
  }
  return mask & (1 << DCCP_INVALID) ? mask | DCCP_INVALID_MASK : mask;
}

export const sctpMatch: MatchExtension<SctpDccp> = {
  name: 'sctp',
  kind: 'match',
  // libxt_sctp parses the old way
  x6: false,
  opts: [
    { name: 'source-port', id: 0, hasArg: 1, invert: true },
    { name: 'sport', id: 0, hasArg: 1, invert: true },
    { name: 'destination-port', id: 1, hasArg: 1, invert: true },
    { name: 'dport', id: 1, hasArg: 1, invert: true },
    { name: 'chunk-types', id: 2, hasArg: 1, invert: true },
  ],
  init: () => ({ kind: 'sctp', sportInv: false, dportInv: false }),
  parse(opt, arg, invert, d, st, env: ParseEnv) {
    const a = arg ?? '';
    if (opt.id === 2) {
      if (st.flags & 4) throw paramError("Only one `--chunk-types' allowed");
      const next = env.getopt.argv[env.getopt.optind];
      if (next === undefined || next.startsWith('-') || next.startsWith('!')) throw paramError('--chunk-types requires two args');
      d.chunks = parseChunks(a, next, invert);
      env.getopt.optind++;
      st.flags |= 4;
      return;
    }
    if (st.flags & (1 << opt.id)) throw paramError(`Only one \`--${opt.id === 0 ? 'source-port' : 'destination-port'}' allowed`);
    st.flags |= 1 << opt.id;
    const r = parseTcpPorts(a, env, 'sctp');
    if (opt.id === 0) Object.assign(d, { sport: r, sportInv: invert });
    else Object.assign(d, { dport: r, dportInv: invert });
  },
  build: (d) => d,
};

export const dccpMatch: MatchExtension<SctpDccp> = {
  name: 'dccp',
  kind: 'match',
  // libxt_dccp uses the option framework
  x6: true,
  opts: [
    { name: 'source-port', id: 0, hasArg: 1, invert: true },
    { name: 'sport', id: 0, hasArg: 1, invert: true },
    { name: 'destination-port', id: 1, hasArg: 1, invert: true },
    { name: 'dport', id: 1, hasArg: 1, invert: true },
    { name: 'dccp-types', id: 2, hasArg: 1, invert: true },
    { name: 'dccp-option', id: 3, hasArg: 1, invert: true },
  ],
  init: () => ({ kind: 'dccp', sportInv: false, dportInv: false }),
  parse(opt, arg, invert, d, _st, env: ParseEnv) {
    const a = arg ?? '';
    if (opt.id === 2) {
      Object.assign(d, { types: parseDccpTypes(a), typesInv: invert });
      return;
    }
    if (opt.id === 3) {
      const v = strtouiWhole(a, 1, 255);
      if (v === null) throw paramError('dccp: bad value for option "--dccp-option", or out of range (1-255).\n');
      Object.assign(d, { option: v, optionInv: invert });
      return;
    }
    const r = parsePortRc('dccp', opt.id === 0 ? 'source-port' : 'destination-port', a, env);
    if (opt.id === 0) Object.assign(d, { sport: r, sportInv: invert });
    else Object.assign(d, { dport: r, dportInv: invert });
  },
  build: (d) => d,
};

function savePortOpt(opt: string, r: NfPortRange | undefined, inv: boolean): string {
  if (!r) return '';
  return `${inv ? ' !' : ''} --${opt} ${r[0] === r[1] ? r[0] : `${r[0]}:${r[1]}`}`;
}

function chunkFlags(index: number, f: SctpFlagInfo): string {
  const valid = CHUNKS[index]?.[2] ?? '--------';
  let s = f.mask ? ':' : '';
  for (let bit = 7; bit >= 0; bit--) {
    if (!(f.mask & (1 << bit))) continue;
    const letter = valid[7 - bit]!;
    s += f.flag & (1 << bit) ? letter : letter.toLowerCase();
  }
  return s;
}

/** print_chunks: the match type, then NONE, ALL or the chunks with their flags. */
function printChunks(c: SctpChunks, numeric: boolean): string {
  let s = ` ${c.type}`;
  if (c.map.length === 0) return `${s} NONE`;
  if (c.map.length === 256) return `${s} ALL`;
  s += ' ';
  s += c.map
    .map((num) => {
      const name = numeric ? `0x${num.toString(16).toUpperCase().padStart(4, '0')}` : (CHUNKS.find(([, n]) => n === num)?.[0] ?? '');
      // flag entries are found by comparing their name-table index with the chunk number
      return name + c.flags.filter((f) => f.chunktype === num).map((f) => chunkFlags(num, f)).join('');
    })
    .join(',');
  return s;
}

/** print_types: names stop at INVALID, numbers go on. */
function printTypes(mask: number, inv: boolean, numeric: boolean): string {
  const out: string[] = [];
  for (let i = 0; i < 16; i++) {
    if (!(mask & (1 << i))) continue;
    if (numeric) out.push(String(i));
    else {
      out.push(DCCP_TYPES[i] ?? '');
      if (i === DCCP_INVALID) break;
    }
  }
  return `${inv ? ' !' : ''} ${out.join(',')}`;
}

export const sctpDccpFormat: MatchFormatter<SctpDccp> = {
  saveName: (m) => m.kind,
  print(m, env) {
    let s = ` ${m.kind}`;
    if (m.sport) s += printPorts('spt', m.sport, m.sportInv, m.kind, env);
    if (m.dport) s += printPorts('dpt', m.dport, m.dportInv, m.kind, env);
    if (m.chunks) s += (m.chunks.inv ? ' !' : '') + printChunks(m.chunks, env.numeric);
    if (m.types !== undefined) s += printTypes(m.types, m.typesInv === true, env.numeric);
    if (m.option !== undefined && (m.option || m.optionInv)) s += ` option=${m.optionInv ? '!' : ''}${m.option}`;
    return s;
  },
  save(m) {
    let s = savePortOpt('sport', m.sport, m.sportInv) + savePortOpt('dport', m.dport, m.dportInv);
    if (m.chunks) s += `${m.chunks.inv ? ' !' : ''} --chunk-types${printChunks(m.chunks, false)}`;
    if (m.types !== undefined) s += `${m.typesInv ? ' !' : ''} --dccp-types${printTypes(m.types, false, false)}`;
    if (m.option !== undefined) s += `${m.optionInv ? ' !' : ''} --dccp-option ${m.option}`;
    return s;
  },
};
