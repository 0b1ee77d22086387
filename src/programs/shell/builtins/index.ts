// The shell's builtin commands by name.
import * as basic from './basic';
import * as extra from './extra';
import * as dirs from './dirs';
import { getopts } from './getopts';
import { ulimit } from './ulimit';
import * as io from './io';
import * as jobctl from './jobctl';
import * as lookup from './lookup';
import * as testB from './test';
import type { Builtin } from './types';
import * as vars from './vars';
import { disabledBuiltins } from './enabled';

export const builtins = new Map<string, Builtin>([
  [':', basic.colon], ['true', basic.trueBuiltin], ['false', basic.falseBuiltin], ['echo', basic.echo], ['printf', basic.printf],
  ['eval', basic.evalBuiltin], ['exit', basic.exit], ['logout', basic.exit], ['return', basic.returnBuiltin], ['break', basic.breakBuiltin],
  ['continue', basic.continueBuiltin], ['shift', basic.shift], ['caller', basic.caller],
  ['cd', dirs.cd], ['pwd', dirs.pwd],
  ['getopts', getopts], ['read', io.read], ['source', io.source], ['.', io.source],
  ['test', testB.test], ['[', testB.test],
  ['wait', jobctl.wait], ['kill', jobctl.kill], ['jobs', jobctl.jobs], ['fg', jobctl.fg], ['bg', jobctl.bg], ['trap', jobctl.trap],
  ['type', lookup.type], ['command', lookup.command], ['builtin', lookup.builtin], ['hash', lookup.hash], ['alias', lookup.alias],
  ['unalias', lookup.unalias], ['exec', lookup.exec], ['umask', lookup.umask], ['history', lookup.history],
  ['export', vars.exportBuiltin], ['unset', vars.unset], ['set', vars.set], ['declare', vars.declare], ['typeset', vars.typeset],
  ['mapfile', extra.mapfile], ['readarray', extra.mapfile], ['dirs', extra.dirs], ['pushd', extra.pushd], ['popd', extra.popd],
  ['times', extra.times], ['ulimit', ulimit], ['disown', extra.disown], ['suspend', extra.suspend], ['help', extra.help], ['fc', extra.fc],
  ['local', vars.local], ['readonly', vars.readonly], ['let', vars.letBuiltin], ['shopt', vars.shopt],
  // loaded on first use (they and Tab completion are a chunk of their own)
  ['complete', async (sh, argv) => (await import('../completion/builtins')).complete(sh, argv)],
  ['compgen', async (sh, argv) => (await import('../completion/builtins')).compgen(sh, argv)],
  ['compopt', async (sh, argv) => (await import('../completion/builtins')).compopt(sh, argv)],
]);

/** POSIX special builtins: assignments before them persist, errors can end a script. */
export const SPECIAL_BUILTINS = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset', 'source']);

/** enable [-n] [name ...]: lists or switches builtins. */
const enable: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  const off = args.includes('-n');
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    for (const n of [...builtins.keys()].sort()) if (off === disabledBuiltins.has(n)) await sh.write(1, `enable ${off ? '-n ' : ''}${n}\n`);
    return 0;
  }
  for (const n of names) {
    if (!builtins.has(n)) {
      await sh.error(`enable: ${n}: not a shell builtin`);
      return 1;
    }
    if (off) disabledBuiltins.add(n);
    else disabledBuiltins.delete(n);
  }
  return 0;
};
builtins.set('enable', enable);
