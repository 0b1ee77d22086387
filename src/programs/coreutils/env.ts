import { isSysError, SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { findInPathOrNonExecutable } from '../lib/path-search';
import { quote, quoteaf } from '../lib/quote';
import { splitString } from './env-split';
import { operand2sig, sig2str } from './operand2sig';

const EXIT_CANCELED = 125;
const EXIT_CANNOT_INVOKE = 126;
const EXIT_ENOENT = 127;
const DEFAULT_PATH = '/bin:/usr/bin';

const OPTIONS: OptionDef[] = [
  { key: 'i', short: 'i', long: 'ignore-environment' },
  { key: '0', short: '0', long: 'null' },
  { key: 'u', short: 'u', long: 'unset', arg: 'required' },
  { key: 'C', short: 'C', long: 'chdir', arg: 'required' },
  { key: 'default', long: 'default-signal', arg: 'optional' },
  { key: 'ignore', long: 'ignore-signal', arg: 'optional' },
  { key: 'block', long: 'block-signal', arg: 'optional' },
  { key: 'list', long: 'list-signal-handling' },
  { key: 'v', short: 'v', long: 'debug' },
  { key: 'S', short: 'S', long: 'split-string', arg: 'required' },
  { key: 'help', long: 'help' },
  { key: 'version', long: 'version' },
];

const HELP = `Set each NAME to VALUE in the environment, then run COMMAND with it.
Without a COMMAND, print the resulting environment.

Long options take the same arguments as their short forms.
  -i, --ignore-environment  start from an empty environment
  -0, --null           end each printed variable with a NUL byte, not a newline
  -u, --unset=NAME     take NAME out of the environment
  -C, --chdir=DIR      run COMMAND in directory DIR
  -S, --split-string=S  split S into separate arguments (for #! lines)
  -v, --debug          describe each step on standard error
      --block-signal[=SIG]    block SIG for COMMAND
      --default-signal[=SIG]  give SIG its default action in COMMAND
      --ignore-signal[=SIG]   make COMMAND ignore SIG
      --list-signal-handling  list the signals not at their defaults, on stderr
${HELP_LINES}

A lone - means the same as -i.

SIG is a name like 'PIPE' or a number like '13', or several separated by
commas; without SIG the options apply to every signal.

Exit status:
  125  env itself failed
  126  COMMAND was found but could not be run
  127  COMMAND was not found
  otherwise the exit status of COMMAND
${coreutilsHelpFooter('env')}`;

const spec = { name: 'env', usageStatus: EXIT_CANCELED };

async function run(ctx: Ctx, argv: string[], env: Map<string, string>): Promise<number> {
  const name = argv[0]!;
  let path = name;
  if (!name.includes('/')) {
    const found = await findInPathOrNonExecutable(ctx.sys, name, env.get('PATH') ?? DEFAULT_PATH);
    if (!found) return fail(ctx, new SysError('ENOENT', 'execve', name), name);
    if (!found.executable) return fail(ctx, new SysError('EACCES', 'execve', name), name);
    path = found.path;
  }
  await ctx.flush();
  try {
    return await ctx.sys.exec(path, argv, env);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'ENOEXEC') {
      // execvp runs a file without a #! line with the shell
      try {
        return await ctx.sys.exec('/bin/sh', ['/bin/sh', path, ...argv.slice(1)], env);
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
        return fail(ctx, e2, name);
      }
    }
    return fail(ctx, e, name);
  }
}

async function fail(ctx: Ctx, e: SysError, name: string): Promise<number> {
  await ctx.perror(e, quote(name));
  if (e.errno === 'ENOENT' && /\s/.test(name)) await ctx.error('use -[v]S to pass options in shebang lines');
  return e.errno === 'ENOENT' ? EXIT_ENOENT : EXIT_CANNOT_INVOKE;
}

export default defineProgram({
  name: 'env',
  installPath: '/usr/bin/env',
  pkg: 'coreutils',
  exitFailure: EXIT_CANCELED,
  async main(ctx, { operands }) {
    // getopt in POSIX order; an -S string's words take its place and the scan goes on
    // through them (so they may hold options, NAME=VALUE, the command...)
    const order: { key: string; value: string | undefined }[] = [];
    let args = [...operands];
    for (;;) {
      let parsed;
      try {
        parsed = getopt(args, OPTIONS, { posixOrder: true });
      } catch (e) {
        if (!(e instanceof GetoptError)) throw e;
        // the first -S may come before the bad option: find the shortest prefix holding it
        let cut = -1;
        for (let k = 1; k < args.length && cut < 0; k++) {
          try {
            if (getopt(args.slice(0, k), OPTIONS, { posixOrder: true }).order.some((o) => o.key === 'S')) cut = k;
          } catch {
            /* not yet */
          }
        }
        if (cut < 0) {
          // blanks inside an option word: a #! line that needed -S
          if (/^invalid option -- '[ \t\n\v\f\r]'$/.test(e.message)) {
            await ctx.error(e.message);
            return usageError(ctx, spec, 'use -[v]S to pass options in shebang lines');
          }
          return usageError(ctx, spec, e.message);
        }
        parsed = getopt(args.slice(0, cut), OPTIONS, { posixOrder: true });
        parsed.operands = args.slice(cut);
      }
      const at = parsed.order.findIndex((o) => o.key === 'S' || o.key === 'help' || o.key === 'version');
      if (at < 0 || parsed.order[at]!.key !== 'S') {
        order.push(...parsed.order);
        args = parsed.operands;
        break;
      }
      order.push(...parsed.order.slice(0, at));
      // the words after the -S: those getopt has not reached yet
      let consumed = 1;
      while (consumed <= args.length) {
        let p;
        try {
          p = getopt(args.slice(0, consumed), OPTIONS, { posixOrder: true });
        } catch {
          consumed++;
          continue;
        }
        if (p.order.length > at) break;
        consumed++;
      }
      const str = parsed.order[at]!.value ?? '';
      const split = splitString(str, ctx.env);
      const debug = order.some((o) => o.key === 'v');
      if ('error' in split) {
        await ctx.error(split.error);
        return EXIT_CANCELED;
      }
      if (debug) {
        let text = split.notes.map((n) => `${n}\n`).join('');
        if (split.words.length) {
          text += `split -S:  ${quote(str)}\n`;
          text += split.words.map((w, i) => `${i === 0 ? ' into:    ' : '     &    '}${quote(w)}\n`).join('');
        }
        await ctx.err.write(text);
      }
      args = [...split.words, ...args.slice(consumed)];
    }
    const has = (key: string): boolean => order.some((o) => o.key === key);
    const valuesOf = (key: string): string[] => order.filter((o) => o.key === key).map((o) => o.value!);
    const first = order.find((o) => o.key === 'help' || o.key === 'version');
    if (first?.key === 'help') {
      await ctx.print(`Usage: ${ctx.name} [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n${HELP}\n`);
      return 0;
    }
    if (first?.key === 'version') {
      await ctx.print(`${coreutilsVersion('env', ['Richard Mlynarik', 'David MacKenzie', 'Assaf Gordon'])}\n`);
      return 0;
    }
    // the signal options, in order: the last word for a signal wins
    const action = new Map<number, { ignore: boolean; quiet: boolean }>();
    const blocked = new Set<number>();
    let maskChanged = false;
    for (const { key, value } of order) {
      if (key !== 'block' && key !== 'default' && key !== 'ignore') continue;
      if (value === undefined) {
        for (let s = 1; s <= 64; s++) {
          if (sig2str(s) === undefined) continue;
          if (key === 'block') blocked.add(s);
          else action.set(s, { ignore: key === 'ignore', quiet: true });
        }
        if (key === 'block') maskChanged = true;
        continue;
      }
      if (key === 'block' && !maskChanged) blocked.clear();
      if (key === 'block') maskChanged = true;
      for (const word of value.split(',').filter((w) => w !== '')) {
        const s = operand2sig(word);
        if (s === undefined || s === 0) {
          await ctx.error(`${quote(word)}: invalid signal`);
          await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
          return EXIT_CANCELED;
        }
        if (key === 'block') blocked.add(s);
        else action.set(s, { ignore: key === 'ignore', quiet: false });
      }
    }
    for (const [s, a] of [...action].sort((x, y) => x[0] - y[0])) {
      try {
        ctx.sys.signal(s, a.ignore ? 'ignore' : 'default');
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (a.quiet) continue;
        await ctx.perror(e, `failed to set signal action for signal ${s}`);
        return EXIT_CANCELED;
      }
    }
    if (has('list')) {
      let text = '';
      // what is ignored now: inherited from the caller (trap '' SIG) or set by the options above
      const ignored = new Set(ctx.sys.ignoredSignals());
      for (let s = 1; s <= 64; s++) {
        // SIGKILL and SIGSTOP cannot be blocked; only what env changed is known of the mask
        const block = blocked.has(s) && s !== 9 && s !== 19 ? 'BLOCK' : '';
        const ign = (ignored.has(s) || action.get(s)?.ignore) && action.get(s)?.ignore !== false && s !== 9 && s !== 19 ? 'IGNORE' : '';
        if (block || ign) text += `${sig2str(s)!.padEnd(10)} (${String(s).padStart(2)}): ${block}${block && ign ? ',' : ''}${ign}\n`;
      }
      await ctx.err.write(text);
    }
    let ignore = has('i');
    if (args[0] === '-') {
      ignore = true;
      args = args.slice(1);
    }
    const debug = has('v');
    const env = ignore ? new Map<string, string>() : new Map(ctx.env);
    if (debug && ignore) await ctx.err.write('cleaning environ\n');
    if (!ignore) {
      for (const name of valuesOf('u')) {
        if (name === '' || name.includes('=')) {
          await ctx.error(`cannot unset ${quote(name)}: Invalid argument`);
          return EXIT_CANCELED;
        }
        if (debug) await ctx.err.write(`unset:    ${name}\n`);
        env.delete(name);
      }
    }
    while (args.length && args[0]!.includes('=')) {
      const a = args.shift()!;
      // glibc putenv accepts an empty name too
      const eq = a.indexOf('=');
      if (debug) await ctx.err.write(`setenv:   ${a}\n`);
      env.set(a.slice(0, eq), a.slice(eq + 1));
    }
    const nul = has('0');
    const dir = valuesOf('C').at(-1);
    if (nul && args.length) return usageError(ctx, spec, 'cannot specify --null (-0) with command');
    if (dir !== undefined && !args.length) return usageError(ctx, spec, 'must specify command with --chdir (-C)');
    if (!args.length) {
      let out = '';
      for (const [k, v] of env) out += `${k}=${v}${nul ? '\0' : '\n'}`;
      await ctx.print(out);
      return 0;
    }
    if (dir !== undefined) {
      try {
        await ctx.sys.chdir(dir);
      } catch (e) {
        await ctx.perror(e, `cannot change directory to ${quoteaf(dir)}`);
        return EXIT_CANCELED;
      }
    }
    if (debug) {
      await ctx.err.write(`executing: ${args[0]}\n`);
      for (let i = 0; i < args.length; i++) await ctx.err.write(`   arg[${i}]= ${quote(args[i]!)}\n`);
    }
    return run(ctx, args, env);
  },
});
