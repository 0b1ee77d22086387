// osf (libxt_osf): passive OS fingerprinting of TCP SYNs by genre (IPv4 only).
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter } from './types';

type Osf = Extract<NfMatch, { kind: 'osf' }>;

/** the genre buffer of the kernel structure, NUL included */
const GENRE_SIZE = 32;

function level(opt: string, arg: string): number {
  const v = strtouiWhole(arg, 0, 2);
  if (v === null) throw paramError(`osf: bad value for option "--${opt}", or out of range (0-2).\n`);
  return v;
}

export const osfMatch: MatchExtension<Osf> = {
  name: 'osf',
  kind: 'match',
  family: 'ipv4',
  x6: true,
  opts: [
    { name: 'genre', id: 0, hasArg: 1, mand: true, invert: true },
    { name: 'ttl', id: 1, hasArg: 1 },
    { name: 'log', id: 2, hasArg: 1 },
  ],
  init: () => ({ kind: 'osf', genre: '', inv: false }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      // a longer genre is cut to the buffer
      d.genre = a.slice(0, GENRE_SIZE - 1);
      d.inv = invert;
    } else if (opt.id === 1) d.ttl = level(opt.name, a);
    else d.log = level(opt.name, a);
  },
  build: (d) => d,
};

export const osfFormat: MatchFormatter<Osf> = {
  saveName: () => 'osf',
  print: (m) => ` OS fingerprint match ${m.inv ? '! ' : ''}${m.genre}`,
  save(m) {
    let s = `${m.inv ? ' !' : ''} --genre ${m.genre}`;
    if (m.ttl !== undefined) s += ` --ttl ${m.ttl}`;
    if (m.log !== undefined) s += ` --log ${m.log}`;
    return s;
  },
};
