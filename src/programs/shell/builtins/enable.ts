// enable [-a] [-dnps] [name ...]: loaded when it first runs.
import { builtins, SPECIAL_BUILTINS } from './index';
import type { Builtin } from './types';
import { refuse } from '../restricted';

/** The builtins `enable -s` lists (bash's POSIX special builtins). */
const ENABLE_SPECIAL = new Set([...SPECIAL_BUILTINS, 'times']);

/** enable [-a] [-nps] [name ...]: lists or switches builtins. */
export const enable: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  const flags = new Set<string>();
  let i = 0;
  for (; i < args.length && /^-./.test(args[i]!); i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    for (const c of args[i]!.slice(1)) {
      if (!'adnpsf'.includes(c)) {
        await sh.error(`enable: -${c}: invalid option`);
        await sh.write(2, 'enable: usage: enable [-a] [-dnps] [-f filename] [name ...]\n');
        return 2;
      }
      flags.add(c);
    }
  }
  const names = args.slice(i);
  // a restricted shell loads and deletes no builtins
  if (sh.state.restricted && (flags.has('f') || flags.has('d'))) return refuse(sh, 'enable');
  if (flags.has('f')) {
    await sh.error(`enable: cannot open shared object ${names[0] ?? ''}: ${names[0] ?? ''}: cannot open shared object file: No such file or directory`);
    return 1;
  }
  const off = flags.has('n');
  if (names.length === 0 || (flags.has('p') && !flags.has('d'))) {
    // -a: all of them, each marked; -n: the disabled ones; else the enabled ones
    for (const n of [...builtins.keys()].sort()) {
      const disabled = sh.state.disabledBuiltins.has(n);
      if (!flags.has('a') && off !== disabled) continue;
      if (flags.has('s') && !ENABLE_SPECIAL.has(n)) continue;
      await sh.write(1, `enable ${disabled ? '-n ' : ''}${n}\n`);
    }
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (!builtins.has(n) || flags.has('d')) {
      // (-d deletes only builtins loaded with -f: every one here is built in)
      await sh.error(`enable: ${n}: ${builtins.has(n) ? 'not dynamically loaded' : 'not a shell builtin'}`);
      status = 1;
      continue;
    }
    if (off) sh.state.disabledBuiltins.add(n);
    // nor turns a disabled one back on
    else if (sh.state.restricted && sh.state.disabledBuiltins.has(n)) status = await refuse(sh, 'enable');
    else sh.state.disabledBuiltins.delete(n);
  }
  return status;
};
