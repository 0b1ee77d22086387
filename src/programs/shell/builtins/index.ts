// The shell's builtin commands by name.
import * as basic from './basic';
import * as dirs from './dirs';
import * as io from './io';
import { read } from './read';
import * as lookup from './lookup';
import * as testB from './test';
import type { Builtin } from './types';
import * as vars from './vars';
import { disabledBuiltins } from './enabled';

/**
 * A builtin whose code is loaded when it first runs: a chunk of its own in the browser, so the
 * worker's code before the first prompt holds only what a login runs.
 */
function later<M>(load: () => Promise<M>, pick: (m: M) => Builtin): Builtin {
  // (the skipping clock waits for the chunk, as it waits for a program's code at exec)
  return async (sh, argv) => pick(await sh.sys.loadCode(load))(sh, argv);
}
const jobctl = () => import('./jobctl');
const extra = () => import('./extra');
const completion = () => import('../completion/builtins');

export const builtins = new Map<string, Builtin>([
  [':', basic.colon], ['true', basic.trueBuiltin], ['false', basic.falseBuiltin], ['echo', basic.echo], ['printf', later(() => import('./printf'), (m) => m.printf)],
  ['eval', basic.evalBuiltin], ['exit', basic.exit], ['logout', basic.exit], ['return', basic.returnBuiltin], ['break', basic.breakBuiltin],
  ['continue', basic.continueBuiltin], ['shift', basic.shift], ['caller', basic.caller],
  ['cd', dirs.cd], ['pwd', dirs.pwd],
  ['getopts', later(() => import('./getopts'), (m) => m.getopts)], ['read', read], ['source', io.source], ['.', io.source],
  ['test', testB.test], ['[', testB.test],
  ['wait', later(jobctl, (m) => m.wait)], ['kill', later(jobctl, (m) => m.kill)], ['jobs', later(jobctl, (m) => m.jobs)],
  ['fg', later(jobctl, (m) => m.fg)], ['bg', later(jobctl, (m) => m.bg)], ['trap', later(jobctl, (m) => m.trap)],
  ['type', lookup.type], ['command', lookup.command], ['builtin', lookup.builtin], ['hash', lookup.hash], ['alias', lookup.alias],
  ['unalias', lookup.unalias], ['exec', lookup.exec], ['umask', lookup.umask], ['history', lookup.history],
  ['export', vars.exportBuiltin], ['unset', vars.unset], ['set', vars.set], ['declare', vars.declare], ['typeset', vars.typeset],
  ['mapfile', later(extra, (m) => m.mapfile)], ['readarray', later(extra, (m) => m.mapfile)], ['dirs', later(extra, (m) => m.dirs)],
  ['pushd', later(extra, (m) => m.pushd)], ['popd', later(extra, (m) => m.popd)],
  ['times', later(extra, (m) => m.times)], ['ulimit', later(() => import('./ulimit'), (m) => m.ulimit)], ['disown', later(extra, (m) => m.disown)],
  ['suspend', later(extra, (m) => m.suspend)], ['help', later(extra, (m) => m.help)], ['fc', later(extra, (m) => m.fc)],
  ['local', vars.local], ['readonly', vars.readonly], ['let', vars.letBuiltin], ['shopt', vars.shopt],
  // they and Tab completion are a chunk of their own
  ['complete', later(completion, (m) => m.complete)], ['compgen', later(completion, (m) => m.compgen)], ['compopt', later(completion, (m) => m.compopt)],
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
