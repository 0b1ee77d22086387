// caller (loaded when it first runs)
import type { Builtin } from './types';

/** caller [N]: where the running function (or the Nth one up the stack) was called from. */
export const caller: Builtin = async (sh, argv) => {
  const st = sh.state;
  // FUNCNAME is hidden outside functions, but a sourced file's frames are there
  const own = st.funcnameLive ? undefined : st.lookup('FUNCNAME')?.array;
  const names = st.funcnameLive ? st.funcnameStack() : own && [...own.keys()].reduce<string[]>((a, k) => ((a[k] = own.get(k)!), a), []);
  const lines = st.lookup('BASH_LINENO')?.array;
  const sources = st.lookup('BASH_SOURCE')?.array;
  if (argv[1] === undefined) {
    if (!lines) return 1;
    await sh.write(1, `${lines.get(0) ?? 0} ${sources?.get(1) ?? 'NULL'}\n`);
    return 0;
  }
  if (!/^\s*\d+\s*$/.test(argv[1])) {
    await sh.error(argv[1].startsWith('-') ? `caller: ${argv[1].slice(0, 2)}: invalid option` : `caller: ${argv[1]}: invalid number`);
    await sh.write(2, 'caller: usage: caller [expr]\n');
    return 2;
  }
  const n = Number(argv[1]);
  const name = names?.[n + 1];
  if (name === undefined || !lines) return 1;
  await sh.write(1, `${lines.get(n) ?? 0} ${name} ${sources?.get(n + 1) ?? 'NULL'}\n`);
  return 0;
};
