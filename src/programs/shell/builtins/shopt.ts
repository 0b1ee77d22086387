// shopt and let: loaded when one of them first runs (no login needs them).
import { arith, ExpansionError } from '../expand';
import type { ArithValue } from '../arith';
import { ReadonlyError } from '../state';
import type { Builtin } from './types';
import { badOption } from './types';
import { parseAttrs, SET_OPTIONS, setNamedOption } from './vars';

export const SHOPT_NAMES = ['autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist', 'compat31', 'compat32', 'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote', 'direxpand', 'dirspell', 'dotglob', 'execfail', 'expand_aliases', 'extdebug', 'extglob', 'extquote', 'failglob', 'force_fignore', 'globasciiranges', 'globskipdots', 'globstar', 'gnu_errfmt', 'histappend', 'histreedit', 'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments', 'lastpipe', 'lithist', 'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn', 'no_empty_cmd_completion', 'nocaseglob', 'nocasematch', 'noexpand_translation', 'nullglob', 'patsub_replacement', 'progcomp', 'progcomp_alias', 'promptvars', 'restricted_shell', 'shift_verbose', 'sourcepath', 'varredir_close', 'xpg_echo'];

export const letBuiltin: Builtin = async (sh, argv) => {
  // a leading -- is passed over; any other word is an expression
  if (argv[1] === '--') argv = argv.slice(1);
  if (argv.length < 2) {
    await sh.error('let: expression expected');
    return 1;
  }
  let v: ArithValue = 0;
  for (const expr of argv.slice(1)) {
    try {
      v = await arith(sh, expr, 'let');
    } catch (e) {
      if (e instanceof ReadonlyError) {
        await sh.error(e.message);
        return 1;
      }
      // an unset variable under set -u is not let's error: it ends the shell as in an expansion
      if (e instanceof ExpansionError && !e.fatal) {
        await sh.error(e.bare ? e.message : `let: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  return v === 0 ? 1 : 0;
};

export const shopt: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'supqo');
  if (p.bad) return badOption(sh, 'shopt', p.bad, 'shopt [-pqsu] [-o] [optname ...]');
  // -o: the options of `set -o` instead
  const setOpts = p.set.has('o');
  const known = setOpts ? SET_OPTIONS.map(([n]) => n) : SHOPT_NAMES;
  const table = setOpts ? sh.state.options : sh.state.shopts;
  const setting = p.set.has('s') || p.set.has('u');
  if (p.set.has('s') && p.set.has('u')) {
    await sh.error('shopt: cannot set and unset shell options simultaneously');
    return 1;
  }
  // -s or -u without names lists the options that are on (or off)
  if (setting && p.rest.length === 0) {
    const on = p.set.has('s');
    if (p.set.has('q')) return 0;
    for (const n of known) {
      if (table.has(n) !== on) continue;
      if (p.set.has('p')) await sh.write(1, setOpts ? `set ${on ? '-o' : '+o'} ${n}\n` : `shopt ${on ? '-s' : '-u'} ${n}\n`);
      else await sh.write(1, `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`);
    }
    return 0;
  }
  const names = p.rest.length ? p.rest : known;
  let status = 0;
  for (const n of names) {
    if (!known.includes(n)) {
      await sh.error(`shopt: ${n}: invalid ${setOpts ? '' : 'shell '}option name`);
      // (setting one of set's options, bash's check wants a plain failure, and the usage
      // status the bad name gives is not one: the status stays 0)
      if (!setOpts || !setting) status = 1;
      continue;
    }
    if (setting) {
      const on = p.set.has('s');
      // shopt remakes $BASHOPTS from the options as they are
      if (!setOpts) sh.state.bashoptsKept = undefined;
      // login_shell and restricted_shell say how the shell was started: they keep their values
      if (!setOpts && (n === 'login_shell' || n === 'restricted_shell')) continue;
      if (setOpts) setNamedOption(sh, n, on);
      else if (on) table.add(n);
      else table.delete(n);
      // extdebug turns function tracing (set -T) and set -E on and off with it
      if (n === 'extdebug' && !setOpts) {
        for (const o of ['functrace', 'errtrace']) {
          if (on) sh.state.options.add(o);
          else sh.state.options.delete(o);
        }
      }
    } else {
      const on = table.has(n);
      if (!on) status = p.rest.length ? 1 : status;
      if (p.set.has('q')) continue;
      if (p.set.has('p')) await sh.write(1, setOpts ? `set ${on ? '-o' : '+o'} ${n}\n` : `shopt ${on ? '-s' : '-u'} ${n}\n`);
      else await sh.write(1, `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`);
    }
  }
  return status;
};
