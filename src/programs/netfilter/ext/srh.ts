// ip6tables' srh match: fields of the IPv6 segment routing header (libip6t_srh, revision 1).
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { maskToCidr, parseHostMask, parseText } from '../ip-parse';
import { strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter } from './types';

type Srh = Extract<NfMatch, { kind: 'srh' }>;

/** option name, the field it sets (numbers) or the sid slot, and its maximum */
const OPTS: readonly [string, 'nextHdr' | 'hdrLen' | 'segsLeft' | 'lastEntry' | 'tag' | number, number][] = [
  ['srh-next-hdr', 'nextHdr', 255],
  ['srh-hdr-len-eq', 'hdrLen', 255],
  ['srh-hdr-len-gt', 'hdrLen', 255],
  ['srh-hdr-len-lt', 'hdrLen', 255],
  ['srh-segs-left-eq', 'segsLeft', 255],
  ['srh-segs-left-gt', 'segsLeft', 255],
  ['srh-segs-left-lt', 'segsLeft', 255],
  ['srh-last-entry-eq', 'lastEntry', 255],
  ['srh-last-entry-gt', 'lastEntry', 255],
  ['srh-last-entry-lt', 'lastEntry', 255],
  ['srh-tag', 'tag', 0xffff],
  ['srh-psid', 0, 0],
  ['srh-nsid', 1, 0],
  ['srh-lsid', 2, 0],
];

export const srhMatch: MatchExtension<Srh> = {
  name: 'srh',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: OPTS.map(([name], id) => ({ name, id, hasArg: 1 as const, invert: true })),
  init: () => ({ kind: 'srh', flags: 0, inv: 0, nextHdr: 0, hdrLen: 0, segsLeft: 0, lastEntry: 0, tag: 0, sids: [['::', 0], ['::', 0], ['::', 0]] }),
  parse(opt, arg, invert, d, _st, env) {
    const [name, field, max] = OPTS[opt.id]!;
    const a = arg ?? '';
    if (typeof field === 'number') {
      const h = parseHostMask('ipv6', a, env.db, 'srh', name);
      d.sids[field] = [h.addr, maskToCidr('ipv6', parseText('ipv6', h.mask) ?? 0n)];
    } else {
      const v = strtouiWhole(a, 0, max);
      if (v === null) throw paramError(`srh: bad value for option "--${name}", or out of range (0-${max}).\n`);
      d[field] = v;
    }
    d.flags |= 1 << opt.id;
    if (invert) d.inv |= 1 << opt.id;
  },
  build: (d) => d,
};

function fieldValue(m: Srh, id: number): string {
  const field = OPTS[id]![1];
  if (typeof field === 'number') {
    const [addr, len] = m.sids[field]!;
    return `${addr}/${len}`;
  }
  return String(m[field]);
}

export const srhFormat: MatchFormatter<Srh> = {
  saveName: () => 'srh',
  print(m) {
    let s = ' srh';
    OPTS.forEach(([name], id) => {
      if (!(m.flags & (1 << id))) return;
      const inv = m.inv & (1 << id) ? '!' : '';
      const label = name.slice(4);
      s += id >= 11 ? ` ${label} ${inv} ${fieldValue(m, id)}` : ` ${label}:${inv}${fieldValue(m, id)}`;
    });
    return s;
  },
  save(m) {
    let s = '';
    OPTS.forEach(([name], id) => {
      if (m.flags & (1 << id)) s += `${m.inv & (1 << id) ? ' !' : ''} --${name} ${fieldValue(m, id)}`;
    });
    return s;
  },
};
