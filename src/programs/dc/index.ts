// dc: the reverse-polish desk calculator of GNU bc. Programs come from -e expressions and
// -f files in the order given, then from FILE operands; with none of those, from stdin.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Dc, Quit } from './interp';

const VERSION = `dc (GNU bc 1.07.1) 1.4.1

Copyright 1994, 1997, 1998, 2000, 2001, 2003-2006, 2008, 2010, 2012-2017 Free Software Foundation, Inc.
This is free software; see the source for copying conditions.  There is NO
warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE,
to the extent permitted by law.
`;

const USAGE = `Usage: dc [OPTION] [file ...]
  -e, --expression=EXPR    evaluate expression
  -f, --file=FILE          evaluate contents of file
  -h, --help               display this help and exit
  -V, --version            output version information and exit

`;
const BUGS = 'Email bug reports to:  bug-dc@gnu.org .\n';

const LONG = ['expression', 'file', 'help', 'version'];

async function usageError(ctx: Ctx, msg: string): Promise<number> {
  await ctx.err.write(`dc: ${msg}\n${USAGE}`);
  await ctx.err.flush();
  await ctx.print(BUGS);
  return 1;
}

export default defineProgram({
  name: 'dc',
  installPath: '/usr/bin/dc',
  pkg: 'bc',
  main: async (ctx) => {
    const args = ctx.argv.slice(1);
    const dc = new Dc(ctx);
    const files: string[] = [];
    let sawProgram = false;
    let stdinLines: string[] | undefined;
    dc.readLine = async () => {
      stdinLines ??= (await ctx.readAll(0)).split(/(?<=\n)/);
      return stdinLines.shift() ?? null;
    };
    const runText = async (text: string, expr: boolean): Promise<number | undefined> => {
      dc.fromExpression = expr;
      try {
        await dc.run(text);
      } catch (e) {
        if (e instanceof Quit) return e.status;
        throw e;
      }
      return undefined;
    };
    const runFile = async (name: string): Promise<number | undefined> => {
      let text: string;
      dc.programFromStdin = name === '-';
      if (name === '-') text = await ctx.readAll(0);
      else {
        try {
          const st = await ctx.sys.stat(name);
          if (st.kind === 'dir') {
            await ctx.err.write(`dc: Will not attempt to process directory ${name}\n`);
            return undefined;
          }
          text = new TextDecoder().decode(await ctx.sys.readFile(name));
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`dc: Could not open file ${name}\n`);
          return undefined;
        }
      }
      return runText(text, false);
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      let opt: string | undefined;
      let val: string | undefined;
      if (a.startsWith('--')) {
        const [k, v] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
        const hits = LONG.filter((l) => l.startsWith(k));
        const key = LONG.includes(k) ? k : hits.length === 1 ? hits[0] : undefined;
        if (!key) return usageError(ctx, hits.length > 1 ? `option '${a}' is ambiguous; possibilities:${hits.map((h) => ` '--${h}'`).join('')}` : `unrecognized option '${a}'`);
        opt = { expression: 'e', file: 'f', help: 'h', version: 'V' }[key];
        if (opt === 'e' || opt === 'f') {
          val = v ?? args[++i];
          if (val === undefined) return usageError(ctx, `option '--${key}' requires an argument`);
        } else if (v !== undefined) return usageError(ctx, `option '--${key}' doesn't allow an argument`);
      } else if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if (c === 'e' || c === 'f') {
            val = a.slice(j + 1) || args[++i];
            if (val === undefined) return usageError(ctx, `option requires an argument -- '${c}'`);
            const st = await handle(c, val);
            if (st !== undefined) return st;
            break;
          }
          if (c === 'h' || c === 'V') return handle(c, undefined).then((s) => s ?? 0);
          return usageError(ctx, `invalid option -- '${c}'`);
        }
        continue;
      } else {
        files.push(a);
        continue;
      }
      const st = await handle(opt!, val);
      if (st !== undefined) return st;
    }
    async function handle(opt: string, val: string | undefined): Promise<number | undefined> {
      if (opt === 'h') {
        await ctx.print(USAGE + BUGS);
        return 0;
      }
      if (opt === 'V') {
        await ctx.print(VERSION);
        return 0;
      }
      sawProgram = true;
      return opt === 'e' ? runText(val!, true) : runFile(val!);
    }
    for (const f of files) {
      const st = await runFile(f);
      if (st !== undefined) return st;
    }
    if (!files.length && !sawProgram) {
      dc.programFromStdin = true;
      const st = await runText(await ctx.readAll(0), false);
      if (st !== undefined) return st;
    }
    return 0;
  },
});
