// connlabel (libxt_connlabel): conntrack label bits, by number or by a name from
// /etc/xtables/connlabel.conf. This machine has no such file: a name cannot be resolved, and
// every printed rule warns that the map could not be opened (the map is only kept once read).
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import type { MatchExtension, MatchFormatter } from './types';

type Connlabel = Extract<NfMatch, { kind: 'connlabel' }>;

const NO_MAP = 'Warning: cannot open /etc/xtables/connlabel.conf: No such file or directory\n';

/**
 * The label as a number: strtoul(s, &end, 0) on 64 bits (blanks, a sign, 0x and leading-0
 * octal; a negative value wraps, an overflow saturates), the whole text or nothing, then
 * narrowed to a C int.
 */
export function labelNumber(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(s);
  if (!m) return -1;
  const digits = m[2]!;
  const max = (1n << 64n) - 1n;
  let v = /^0[xX]/.test(digits) ? BigInt(digits) : digits.startsWith('0') ? BigInt(`0o${digits.slice(1) || '0'}`) : BigInt(digits);
  if (v > max) v = max;
  else if (m[1] === '-') v = (max + 1n - v) & max;
  return Number(BigInt.asIntN(32, v));
}

export const connlabelMatch: MatchExtension<Connlabel> = {
  name: 'connlabel',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'label', id: 0, hasArg: 1, mand: true, invert: true },
    { name: 'set', id: 1, hasArg: 0 },
  ],
  init: () => ({ kind: 'connlabel', bit: 0, inv: false, set: false }),
  parse(opt, arg, invert, d, _st, env) {
    if (opt.id === 1) {
      d.set = true;
      return;
    }
    const a = arg ?? '';
    if (a === '') throw paramError('Argument must have a minimum length of 1 characters\n');
    const n = labelNumber(a);
    if (n < 0) {
      // not a number: the name map is read, which is not there
      env.warn?.(NO_MAP);
      throw paramError(`label '${a}' not found or invalid value`);
    }
    // (the kernel structure keeps 16 bits)
    d.bit = n & 0xffff;
    d.inv = invert;
  },
  build: (d) => d,
};

export const connlabelFormat: MatchFormatter<Connlabel> = {
  saveName: () => 'connlabel',
  print(m, env) {
    env.warn?.(NO_MAP);
    return ` connlabel${m.inv ? ' !' : ''} ${m.bit}${m.set ? ' set' : ''}`;
  },
  save(m, env) {
    env.warn?.(NO_MAP);
    return `${m.inv ? ' !' : ''} --label "${m.bit}"${m.set ? ' --set' : ''}`;
  },
};
