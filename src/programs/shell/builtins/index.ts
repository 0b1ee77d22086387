// The shell's builtin commands by name.
import * as basic from './basic';
import * as dirs from './dirs';
import { getopts } from './getopts';
import * as io from './io';
import * as jobctl from './jobctl';
import * as lookup from './lookup';
import * as testB from './test';
import type { Builtin } from './types';
import * as vars from './vars';

export const builtins = new Map<string, Builtin>([
  [':', basic.colon], ['true', basic.trueBuiltin], ['false', basic.falseBuiltin], ['echo', basic.echo], ['printf', basic.printf],
  ['eval', basic.evalBuiltin], ['exit', basic.exit], ['logout', basic.exit], ['return', basic.returnBuiltin], ['break', basic.breakBuiltin],
  ['continue', basic.continueBuiltin], ['shift', basic.shift],
  ['cd', dirs.cd], ['pwd', dirs.pwd],
  ['getopts', getopts], ['read', io.read], ['source', io.source], ['.', io.source],
  ['test', testB.test], ['[', testB.test],
  ['wait', jobctl.wait], ['kill', jobctl.kill], ['jobs', jobctl.jobs], ['fg', jobctl.fg], ['bg', jobctl.bg], ['trap', jobctl.trap],
  ['type', lookup.type], ['command', lookup.command], ['builtin', lookup.builtin], ['hash', lookup.hash], ['alias', lookup.alias],
  ['unalias', lookup.unalias], ['exec', lookup.exec], ['umask', lookup.umask], ['history', lookup.history],
  ['export', vars.exportBuiltin], ['unset', vars.unset], ['set', vars.set], ['declare', vars.declare], ['typeset', vars.typeset],
  ['local', vars.local], ['readonly', vars.readonly], ['let', vars.letBuiltin], ['shopt', vars.shopt],
]);

/** POSIX special builtins: assignments before them persist, errors can end a script. */
export const SPECIAL_BUILTINS = new Set(['break', ':', '.', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset', 'source']);
