// bc (GNU bc 1.07.1, in Photon's minimal install): the files named, then standard input, read
// a line at a time and run as each top-level line is complete. Messages and exit statuses as
// GNU bc: a syntax error names the input and line and goes on, a run-time error ends its line,
// a missing file ends bc with status 1.
import { defineProgram } from '../define';
import { LineReader, bin } from '../lib/textio';
import { Bc, Halt, type Io } from './run';
import { Incomplete, Parser, QuitNow, SyntaxError } from './parse';

const USAGE = `usage: bc [options] [file ...]
  -h  --help         print this usage and exit
  -i  --interactive  force interactive mode
  -l  --mathlib      use the predefined math routines
  -q  --quiet        don't print initial banner
  -s  --standard     non-standard bc constructs are errors
  -w  --warn         warn about non-standard bc constructs
  -v  --version      print version information and exit
`;

const VERSION = `bc 1.07.1
Copyright 1991-1994, 1997, 1998, 2000, 2004, 2006, 2008, 2012-2017 Free Software Foundation, Inc.
`;

const BANNER = `bc 1.07.1
Copyright 1991-1994, 1997, 1998, 2000, 2004, 2006, 2008, 2012-2017 Free Software Foundation, Inc.
This is free software with ABSOLUTELY NO WARRANTY.
For details type \`warranty'. 
`;

const LONG: Record<string, string> = { help: 'h', interactive: 'i', mathlib: 'l', quiet: 'q', standard: 's', warn: 'w', version: 'v' };

class Stop {
  constructor(readonly status: number) {}
}

export default defineProgram({
  name: 'bc',
  installPath: '/usr/bin/bc',
  pkg: 'bc',
  async main(ctx) {
    const flags = new Set<string>();
    const files: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('--') && a.length > 2) {
        const name = a.slice(2);
        const match = Object.keys(LONG).filter((k) => k.startsWith(name));
        const exact = LONG[name] ?? (match.length === 1 ? LONG[match[0]!] : undefined);
        if (!exact) {
          await ctx.err.write(match.length > 1 ? `bc: option '${a}' is ambiguous\n` : `bc: unrecognized option '${a}'\n`);
          await ctx.print(USAGE);
          return 1;
        }
        flags.add(exact);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (const c of a.slice(1)) {
          if (!'hilqswv'.includes(c)) {
            await ctx.print(USAGE);
            await ctx.err.write(`bc: invalid option -- '${c}'\n`);
            return 1;
          }
          flags.add(c);
        }
        continue;
      }
      files.push(a);
    }
    if (flags.has('h')) {
      await ctx.print(USAGE);
      return 0;
    }
    if (flags.has('v')) {
      await ctx.print(VERSION);
      return 0;
    }
    const env = ctx.env.get('BC_LINE_LENGTH');
    const lineLength = env !== undefined && /^\d+$/.test(env) ? (Number(env) === 0 ? 0 : Math.max(3, Number(env))) : 70;
    // what bc writes, in order: flushed after each line it runs
    let queue: [1 | 2, string][] = [];
    const flush = async (): Promise<void> => {
      const q = queue;
      queue = [];
      for (const [fd, text] of q) await (fd === 1 ? ctx.print(text) : ctx.err.write(text));
    };
    let stdinLines: LineReader | undefined;
    let stdinQueue: string[] = [];
    const io: Io = {
      write: (t) => void queue.push([1, t]),
      warn: (t) => void queue.push([2, t]),
      readNumber: async () => {
        await flush();
        stdinLines ??= new LineReader(ctx, 0);
        if (stdinQueue.length === 0) stdinQueue = (await stdinLines.next()) ?? [];
        return stdinQueue.shift();
      },
    };
    const bc = new Bc(io, lineLength);
    bc.pause = () => ctx.tick();
    const interactive = flags.has('i') || ctx.sys.isatty(0);
    if (interactive && !flags.has('q') && !flags.has('s') && files.length === 0) await ctx.print(BANNER);
    if (flags.has('l')) bc.useMathLib();

    /** Runs the text of one input, fed in pieces; returns false when bc is to stop. */
    const source = (name: string): { feed: (text: string) => Promise<void>; end: () => Promise<void> } => {
      const parser = new Parser();
      let buf = '';
      let line = 1;
      const run = async (final: boolean): Promise<void> => {
        for (;;) {
          parser.init(buf, line);
          let item: ReturnType<Parser['nextUnit']>;
          try {
            item = parser.nextUnit();
          } catch (e) {
            if (e instanceof Incomplete) {
              if (final && buf.trim() !== '') {
                io.warn(`(${name}) ${line}: syntax error\n`);
                buf = '';
              }
              return;
            }
            if (e instanceof QuitNow) throw new Stop(0);
            if (e instanceof SyntaxError) {
              io.warn(`(${name}) ${e.line}: ${e.message}\n`);
              const end = parser.recover();
              line += countLines(buf.slice(0, end));
              buf = buf.slice(end);
              continue;
            }
            throw e;
          }
          if (!item) {
            line += countLines(buf);
            buf = '';
            return;
          }
          const used = buf.slice(0, item.end);
          line += countLines(used);
          buf = buf.slice(item.end);
          const u = item.unit;
          if (u.k === 'quit') throw new Stop(0);
          if (u.k === 'define') bc.define(u.def);
          else {
            try {
              await bc.runMain(u.body);
            } catch (e) {
              if (e instanceof Halt) throw new Stop(0);
              throw e;
            }
          }
          await flush();
        }
      };
      return {
        // (a syntax error's message is shown at once, not with the next line's output)
        feed: async (text) => {
          buf += text;
          await run(false);
          await flush();
        },
        end: async () => {
          await run(true);
          await flush();
        },
      };
    };

    try {
      for (const file of files) {
        let data: Uint8Array;
        try {
          data = await ctx.sys.readFile(file);
        } catch {
          await flush();
          await ctx.err.write(`File ${file} is unavailable.\n`);
          return 1;
        }
        const src = source(file);
        await src.feed(bin(data));
        await src.end();
      }
      const src = source('standard_in');
      const reader = new LineReader(ctx, 0);
      stdinLines = reader;
      for (;;) {
        if (stdinQueue.length) {
          const lines = stdinQueue;
          stdinQueue = [];
          await src.feed(`${lines.join('\n')}\n`);
          continue;
        }
        const lines = await reader.next();
        if (lines === null) break;
        // a last line without its newline stays unfinished: bc calls that a syntax error
        for (let i = 0; i < lines.length; i++) await src.feed(reader.unterminated && i === lines.length - 1 ? lines[i]! : `${lines[i]}\n`);
      }
      await src.end();
    } catch (e) {
      if (e instanceof Stop) {
        await flush();
        return e.status;
      }
      throw e;
    }
    await flush();
    return 0;
  },
});

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

