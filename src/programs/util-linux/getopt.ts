// getopt (util-linux 2.38): parses a script's arguments the way glibc's getopt_long does
// (permuting, or in order with '+' or POSIXLY_CORRECT, '-' for operands in place) and
// prints them normalized and quoted for the shell: " -a 'arg' --long 'v' -- 'operand'".
// Errors are glibc's messages under the -n name; the status is 1 when the arguments had
// errors, 2 for getopt's own usage errors, 4 for -T.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { utilLinuxVersion } from './common';

const HELP = `
Usage:
 getopt <optstring> <parameters>
 getopt [options] [--] <optstring> <parameters>
 getopt [options] -o|--options <optstring> [options] [--] <parameters>

Parse command options, and print them again in a normalized, quoted form.

Options:
 -a, --alternative             allow long options starting with single -
 -l, --longoptions <longopts>  the long options to recognize
 -n, --name <progname>         the name to report errors under
 -o, --options <optstring>     the short options to recognize
 -q, --quiet                   do not report errors
 -Q, --quiet-output            print nothing but errors
 -s, --shell <shell>           quote for this shell (sh, bash, csh, tcsh)
 -T, --test                    test for getopt(1) version
 -u, --unquoted                do not quote the output

 -h, --help                    display this help
 -V, --version                 display version

For more details see getopt(1).
`;

interface LongOpt {
  name: string;
  hasArg: 0 | 1 | 2;
  /** What getopt_long returns for it: two abbreviations alike in this and hasArg are not ambiguous. */
  val?: string;
}

type Item = { kind: 'short'; c: string; arg?: string; hasArg: boolean } | { kind: 'long'; name: string; arg?: string; hasArg: boolean } | { kind: 'nonopt'; arg: string };

interface ParseResult {
  items: Item[];
  rest: string[];
  errors: string[];
}

/** glibc getopt_long over `args` (without argv[0]). */
function getoptLong(args: string[], optstring: string, longs: LongOpt[], longOnly: boolean, posixly: boolean): ParseResult {
  let ordering: 'permute' | 'require' | 'return' = posixly ? 'require' : 'permute';
  let opts = optstring;
  if (opts.startsWith('-')) {
    ordering = 'return';
    opts = opts.slice(1);
  } else if (opts.startsWith('+')) {
    ordering = 'require';
    opts = opts.slice(1);
  }
  const silentColon = opts.startsWith(':');
  const shortArg = (c: string): number => {
    if (c === ':' || c === ';') return -1;
    const i = opts.indexOf(c);
    if (i < 0) return -1;
    return opts[i + 1] === ':' ? (opts[i + 2] === ':' ? 2 : 1) : 0;
  };
  const items: Item[] = [];
  const errors: string[] = [];
  const nonopts: string[] = [];
  let i = 0;
  const isOpt = (a: string): boolean => a.length > 1 && a[0] === '-';
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!isOpt(a)) {
      if (ordering === 'require') break;
      if (ordering === 'return') items.push({ kind: 'nonopt', arg: a });
      else nonopts.push(a);
      i++;
      continue;
    }
    i++;
    const isLong = a.startsWith('--');
    if (isLong || (longOnly && (a.length > 2 || shortArg(a[1]!) < 0))) {
      const prefix = isLong ? '--' : '-';
      const body = a.slice(prefix.length);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const exact = longs.find((l) => l.name === name);
      const matches = exact ? [exact] : longs.filter((l) => l.name.startsWith(name));
      const first = matches[0];
      if (matches.length > 1 && matches.some((m) => m.hasArg !== first!.hasArg || m.val === undefined || m.val !== first!.val)) {
        errors.push(`option '${prefix}${name}' is ambiguous; possibilities:${matches.map((m) => ` '${prefix}${m.name}'`).join('')}`);
        continue;
      }
      if (first) {
        const l = first;
        if (eq >= 0) {
          if (l.hasArg === 0) {
            errors.push(`option '${prefix}${l.name}' doesn't allow an argument`);
            continue;
          }
          items.push({ kind: 'long', name: l.name, arg: body.slice(eq + 1), hasArg: true });
        } else if (l.hasArg === 1) {
          if (i < args.length) items.push({ kind: 'long', name: l.name, arg: args[i++]!, hasArg: true });
          else errors.push(`option '${prefix}${l.name}' requires an argument`);
        } else items.push({ kind: 'long', name: l.name, hasArg: l.hasArg === 2 });
        continue;
      }
      // not a long option: with -a a single-dash word may still be short options
      if (isLong || shortArg(a[1]!) < 0) {
        errors.push(`unrecognized option '${prefix}${body}'`);
        continue;
      }
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k]!;
      const kind = shortArg(c);
      if (kind < 0) {
        errors.push(`invalid option -- '${c}'`);
        continue;
      }
      if (kind === 0) {
        items.push({ kind: 'short', c, hasArg: false });
        continue;
      }
      const restOf = a.slice(k + 1);
      if (restOf !== '') items.push({ kind: 'short', c, arg: restOf, hasArg: true });
      else if (kind === 2) items.push({ kind: 'short', c, hasArg: true });
      else if (i < args.length) items.push({ kind: 'short', c, arg: args[i++]!, hasArg: true });
      else if (!silentColon) errors.push(`option requires an argument -- '${c}'`);
      else errors.push('');
      break;
    }
  }
  return { items, rest: [...nonopts, ...args.slice(i)], errors };
}

function quoteFor(arg: string, quote: boolean, tcsh: boolean): string {
  if (!quote) return ` ${arg}`;
  let s = '';
  for (const c of arg) {
    if (c === "'") s += "'\\''";
    else if (tcsh && c === '!') s += "'\\!'";
    else if (tcsh && c === '\n') s += '\\n';
    else if (tcsh && ' \t\v\f\r'.includes(c)) s += `'\\${c}'`;
    else s += c;
  }
  return ` '${s}'`;
}

async function parseError(ctx: Ctx, message?: string): Promise<number> {
  if (message) await ctx.error(message);
  await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
  return 2;
}

export default defineProgram({
  name: 'getopt',
  installPath: '/usr/bin/getopt',
  pkg: 'util-linux',
  async main(ctx) {
    const argv = ctx.argv.slice(1);
    let quote = true;
    let tcsh = false;
    let alternative = false;
    let quietErrors = false;
    let quietOutput = false;
    let name = 'getopt';
    let optstring: string | undefined;
    const longs: LongOpt[] = [];
    let params: string[];
    if (argv.length === 0) return parseError(ctx, 'missing optstring argument');
    if (!argv[0]!.startsWith('-') || ctx.env.has('GETOPT_COMPATIBLE')) {
      // the old form: its option string loses any leading '-' and '+' (no in-order scan)
      quote = false;
      optstring = argv[0]!.replace(/^[-+]+/, '');
      params = argv.slice(1);
    } else {
      // getopt's own options, in order, up to the first operand
      const own = getoptLong(argv, '+ao:l:n:qQs:TuhV', [
        { name: 'options', hasArg: 1, val: 'o' }, { name: 'longoptions', hasArg: 1, val: 'l' }, { name: 'long-options', hasArg: 1, val: 'l' },
        { name: 'quiet', hasArg: 0, val: 'q' }, { name: 'quiet-output', hasArg: 0, val: 'Q' }, { name: 'shell', hasArg: 1, val: 's' },
        { name: 'test', hasArg: 0, val: 'T' }, { name: 'unquoted', hasArg: 0, val: 'u' }, { name: 'help', hasArg: 0, val: 'h' },
        { name: 'alternative', hasArg: 0, val: 'a' }, { name: 'name', hasArg: 1, val: 'n' }, { name: 'version', hasArg: 0, val: 'V' },
      ], false, false);
      if (own.errors.length) {
        await ctx.error(own.errors[0]!);
        return parseError(ctx);
      }
      for (const it of own.items) {
        const key = it.kind === 'short' ? it.c : it.kind === 'long' ? it.name : '';
        const arg = it.kind === 'nonopt' ? '' : (it.arg ?? '');
        switch (key) {
          case 'a': case 'alternative': alternative = true; break;
          case 'h': case 'help': await ctx.print(HELP); return 0;
          case 'o': case 'options': optstring = arg; break;
          case 'l': case 'longoptions': case 'long-options':
            for (const word of arg.split(/[, \t\n]+/)) {
              if (word === '') continue;
              const m = /^(.*?)(:{0,2})$/.exec(word)!;
              if (m[1] === '') return parseError(ctx, 'empty long option after -l or --longoptions argument');
              longs.push({ name: m[1]!, hasArg: m[2]!.length as 0 | 1 | 2 });
            }
            break;
          case 'n': case 'name': name = arg; break;
          case 'q': case 'quiet': quietErrors = true; break;
          case 'Q': case 'quiet-output': quietOutput = true; break;
          case 's': case 'shell':
            if (arg === 'sh' || arg === 'bash') tcsh = false;
            else if (arg === 'csh' || arg === 'tcsh') tcsh = true;
            else return parseError(ctx, 'unknown shell after -s or --shell argument');
            break;
          case 'T': case 'test': return 4;
          case 'u': case 'unquoted': quote = false; break;
          case 'V': case 'version': await ctx.print(`${utilLinuxVersion('getopt')}\n`); return 0;
        }
      }
      params = own.rest;
      if (optstring === undefined) {
        if (params.length === 0) return parseError(ctx, 'missing optstring argument');
        optstring = params[0]!;
        params = params.slice(1);
      }
    }
    const r = getoptLong(params, optstring, longs, alternative, ctx.env.has('POSIXLY_CORRECT'));
    if (!quietErrors) for (const e of r.errors) if (e) await ctx.err.write(`${name}: ${e}\n`);
    if (!quietOutput) {
      let s = '';
      for (const it of r.items) {
        if (it.kind === 'nonopt') s += quoteFor(it.arg, quote, tcsh);
        else {
          s += it.kind === 'short' ? ` -${it.c}` : ` --${it.name}`;
          if (it.hasArg) s += quoteFor(it.arg ?? '', quote, tcsh);
        }
      }
      s += ' --';
      for (const a of r.rest) s += quoteFor(a, quote, tcsh);
      await ctx.print(`${s}\n`);
    }
    return r.errors.length ? 1 : 0;
  },
});
