// printf [-v var] format [arguments]: bash's printf builtin (loaded when it first runs; the
// formatter, lib/printf.ts, is shared with /usr/bin/printf).
import { formatPrintf } from '../../lib/printf';
import { arith, setElement } from '../expand';
import type { Builtin } from './types';
import { NAME_RE } from './types';

export const printf: Builtin = async (sh, argv) => {
  let args = argv.slice(1);
  let varName: string | undefined;
  if (args[0] === '-v') {
    varName = args[1];
    if (varName === undefined) {
      await sh.error('printf: -v: option requires an argument');
      await sh.write(2, 'printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    await sh.write(2, 'printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const r = formatPrintf(args[0]!, args.slice(1), { now: sh.sys.now(), started: sh.state.startedAt });
  for (const e of r.messages ?? r.errors) await sh.error(`printf: ${e}`);
  if (varName !== undefined) {
    if (!NAME_RE.test(varName.replace(/\[.*\]$/, ''))) {
      await sh.error(`printf: \`${varName}': not a valid identifier`);
      return 2;
    }
    const el = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s.exec(varName);
    if (el) {
      // printf -v a[i]: an element (the subscript is arithmetic unless a is associative)
      const v = sh.state.lookup(el[1]!);
      setElement(sh.state, el[1]!, v?.assoc ? el[2]! : String(await arith(sh, el[2]!)), r.out);
    } else sh.state.set(varName, r.out);
  } else await sh.write(1, r.out);
  return r.errors.length ? 1 : 0;
};
