// The shell's builtin commands by name.
import * as basic from './basic';
import * as dirs from './dirs';
import * as io from './io';
import { umask } from './umask';
import * as testB from './test';
import type { Builtin } from './types';
import * as vars from './vars';

/**
 * A builtin whose code is loaded when it first runs: a chunk of its own in the browser, so the
 * worker's code before the first prompt holds only what a login runs.
 */
function later<M>(load: () => Promise<M>, pick: (m: M) => Builtin): Builtin {
  // once loaded, a call costs what a direct one does (`while read` loops call read per line)
  let loaded: Builtin | undefined;
  return (sh, argv) => {
    if (loaded) return loaded(sh, argv);
    // (the skipping clock waits for the chunk, as it waits for a program's code at exec)
    return sh.sys.loadCode(load).then((m) => (loaded = pick(m))(sh, argv));
  };
}
const jobctl = () => import('./jobctl');
const extra = () => import('./extra');
const completion = () => import('../completion/builtins');
const lookup = () => import('./lookup');
const shoptLet = () => import('./shopt');

export const builtins = new Map<string, Builtin>([
  [':', basic.colon], ['true', basic.trueBuiltin], ['false', basic.falseBuiltin], ['echo', basic.echo], ['printf', later(() => import('./printf'), (m) => m.printf)],
  ['eval', basic.evalBuiltin], ['exit', basic.exit], ['logout', basic.logout], ['return', basic.returnBuiltin], ['break', basic.breakBuiltin],
  ['continue', basic.continueBuiltin], ['shift', basic.shift], ['caller', later(() => import('./caller'), (m) => m.caller)],
  ['cd', dirs.cd], ['pwd', dirs.pwd],
  ['getopts', later(() => import('./getopts'), (m) => m.getopts)], ['read', later(() => import('./read'), (m) => m.read)], ['source', io.source], ['.', io.source],
  ['test', testB.test], ['[', testB.test],
  ['wait', later(jobctl, (m) => m.wait)], ['kill', later(jobctl, (m) => m.kill)], ['jobs', later(jobctl, (m) => m.jobs)],
  ['fg', later(jobctl, (m) => m.fg)], ['bg', later(jobctl, (m) => m.bg)], ['trap', later(jobctl, (m) => m.trap)],
  ['type', later(lookup, (m) => m.type)], ['command', later(lookup, (m) => m.command)], ['builtin', later(lookup, (m) => m.builtin)],
  ['hash', later(lookup, (m) => m.hash)], ['alias', later(lookup, (m) => m.alias)], ['unalias', later(lookup, (m) => m.unalias)],
  ['exec', later(lookup, (m) => m.exec)], ['umask', umask], ['history', later(lookup, (m) => m.history)],
  ['export', vars.exportBuiltin], ['unset', vars.unset], ['set', vars.set], ['declare', vars.declare], ['typeset', vars.typeset],
  ['mapfile', later(extra, (m) => m.mapfile)], ['readarray', later(extra, (m) => m.mapfile)], ['dirs', later(extra, (m) => m.dirs)],
  ['pushd', later(extra, (m) => m.pushd)], ['popd', later(extra, (m) => m.popd)],
  ['times', later(extra, (m) => m.times)], ['ulimit', later(() => import('./ulimit'), (m) => m.ulimit)], ['disown', later(extra, (m) => m.disown)],
  ['suspend', later(extra, (m) => m.suspend)], ['bind', later(() => import('./bind'), (m) => m.bind)], ['help', later(() => import('./help'), (m) => m.help)], ['fc', later(extra, (m) => m.fc)],
  ['local', vars.local], ['readonly', vars.readonly], ['let', later(shoptLet, (m) => m.letBuiltin)], ['shopt', later(shoptLet, (m) => m.shopt)],
  // they and Tab completion are a chunk of their own
  ['complete', later(completion, (m) => m.complete)], ['compgen', later(completion, (m) => m.compgen)], ['compopt', later(completion, (m) => m.compopt)],
]);

/** POSIX special builtins: assignments before them persist, errors can end a script. */
export const SPECIAL_BUILTINS = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset', 'source']);

builtins.set('enable', later(() => import('./enable'), (m) => m.enable));
