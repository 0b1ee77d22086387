// tput from ncurses 6.4: prints terminfo capabilities of $TERM (or -T): a string capability
// instantiated with the numbers that follow it, a number (cols and lines from the terminal's
// size when it is one), or, for a boolean, only an exit status. Several capabilities may follow
// each other; -S reads them from standard input, a line each. Exit statuses as tput(1) lists
// them: 1 a boolean that is false or a capability the terminal lacks, 2 usage, 3 an unknown
// terminal, 4 an unknown capability.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { findTerminfo, TERMINFO, unpadded, type TerminfoEntry } from './terminfo-data';
import { tparm } from './tparm';
import { LineReader } from '../lib/textio';

const USAGE = `Usage: tput [options] [command]

Options:
  -S <<       read commands from standard input
  -T TERM     use this instead of $TERM
  -V          print curses-version
  -x          do not try to clear scrollback

Commands:
  clear       clear the screen
  init        initialize the terminal
  reset       reinitialize the terminal
  capname     unlike clear/init/reset, print value for capability "capname"
`;

/** Every capability name the database knows (a name none of its entries has is unknown to tput). */
const KNOWN = new Set<string>(Object.values(TERMINFO).flatMap((e) => [...e.b, ...Object.keys(e.n), ...Object.keys(e.s)]));

class Stop extends Error {
  constructor(readonly status: number) {
    super('stop');
  }
}


/** How many parameters a string uses (its highest %pN). */
function paramCount(s: string): number {
  let n = 0;
  for (const m of s.matchAll(/%p([1-9])/g)) n = Math.max(n, Number(m[1]));
  return n;
}

async function screenSize(ctx: Ctx, entry: TerminfoEntry): Promise<{ cols: number; lines: number }> {
  const size = { cols: entry.n['cols'] ?? 80, lines: entry.n['lines'] ?? 24 };
  for (const fd of [1, 2, 0]) {
    if (!ctx.sys.isatty(fd)) continue;
    const w = ctx.sys.winsize(fd);
    if (w.cols > 0) size.cols = w.cols;
    if (w.rows > 0) size.lines = w.rows;
    break;
  }
  // LINES and COLUMNS, when they hold a positive number (strtol's bases), win over both
  const fromEnv = (name: string): number | undefined => {
    const v = ctx.env.get(name)?.trim() ?? '';
    const n = /^[+]?(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(v) ? Number.parseInt(v.replace(/^\+/, ''), /^\+?0x/i.test(v) ? 16 : /^\+?0/.test(v) ? 8 : 10) : 0;
    return n > 0 ? n : undefined;
  };
  size.cols = fromEnv('COLUMNS') ?? size.cols;
  size.lines = fromEnv('LINES') ?? size.lines;
  return size;
}

/** One command word and the arguments it takes from `rest`; returns its status and how many it took. */
async function one(ctx: Ctx, entry: TerminfoEntry, cap: string, rest: readonly string[], keepScrollback: boolean): Promise<{ status: number; used: number }> {
  if (cap === 'longname') {
    await ctx.print(entry.names[entry.names.length - 1] ?? '');
    return { status: 0, used: 0 };
  }
  if (cap === 'clear') {
    const clear = entry.s['clear'];
    if (clear === undefined) return { status: 2, used: 0 };
    await ctx.print(unpadded(clear + (keepScrollback ? '' : (entry.s['E3'] ?? ''))));
    return { status: 0, used: 0 };
  }
  if (cap === 'init' || cap === 'reset') {
    if (!ctx.sys.isatty(1) && !ctx.sys.isatty(2) && !ctx.sys.isatty(0)) {
      await ctx.error('terminal attributes: No such device or address\n');
      throw new Stop(10);
    }
    const seq = cap === 'init' ? ['is1', 'is2', 'is3'] : ['rs1', 'rs2', 'rs3'];
    await ctx.print(seq.map((k) => entry.s[k] ?? (cap === 'reset' ? entry.s[`i${k.slice(1)}`] : undefined) ?? '').join(''));
    return { status: 0, used: 0 };
  }
  if (entry.b.includes(cap)) return { status: 0, used: 0 };
  if (cap in entry.n || cap === 'cols' || cap === 'lines') {
    const value = cap === 'cols' || cap === 'lines' ? (await screenSize(ctx, entry))[cap] : entry.n[cap]!;
    await ctx.print(`${value}\n`);
    return { status: 0, used: 0 };
  }
  const s = entry.s[cap];
  if (s === undefined) {
    if (!KNOWN.has(cap)) {
      await ctx.error(`unknown terminfo capability '${cap}'`);
      throw new Stop(4);
    }
    // a number the entry lacks reads as -1; a missing boolean or string is status 1, and the
    // string still takes the parameters it would have had
    if (Object.values(TERMINFO).some((e) => cap in e.n)) {
      await ctx.print('-1\n');
      return { status: 0, used: 0 };
    }
    const elsewhere = Object.values(TERMINFO).find((e) => cap in e.s)?.s[cap];
    return { status: 1, used: Math.min(rest.length, elsewhere === undefined ? 0 : paramCount(elsewhere)) };
  }
  const wanted = paramCount(s);
  const args = rest.slice(0, wanted);
  // without arguments a parameterised string is printed as it is; padding ($<5>) is not output
  const text = args.length ? tparm(s, args.map((a) => Number.parseInt(a, 10) || 0)) : s;
  await ctx.print(unpadded(text));
  return { status: 0, used: args.length };
}

async function runWords(ctx: Ctx, entry: TerminfoEntry, words: readonly string[], keepScrollback: boolean): Promise<number> {
  let status = 0;
  for (let i = 0; i < words.length; ) {
    const r = await one(ctx, entry, words[i]!, words.slice(i + 1), keepScrollback);
    status = r.status;
    i += 1 + r.used;
  }
  return status;
}

async function main(ctx: Ctx): Promise<number> {
  const argv = ctx.argv.slice(1);
  let term = ctx.env.get('TERM');
  let fromStdin = false;
  let keepScrollback = false;
  // (options may follow the capability names, as glibc's getopt permutes them, unless
  // POSIXLY_CORRECT is set; '--' ends them)
  const words: string[] = [];
  const posix = ctx.env.has('POSIXLY_CORRECT');
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (posix) break;
      words.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'S') fromStdin = true;
      else if (c === 'x') keepScrollback = true;
      else if (c === 'V') {
        await ctx.print('ncurses 6.4.20221231\n');
        return 0;
      } else if (c === 'T') {
        const rest = a.slice(j + 1);
        if (rest) term = rest;
        else if (i + 1 < argv.length) term = argv[++i]!;
        else {
          await ctx.error("option requires an argument -- 'T'");
          await ctx.err.write(USAGE);
          return 2;
        }
        break;
      } else {
        await ctx.error(`invalid option -- '${c}'`);
        await ctx.err.write(USAGE);
        return 2;
      }
    }
  }
  words.push(...argv.slice(i));
  if (term === undefined || term === '') {
    await ctx.error('No value for $TERM and no -T specified');
    return 2;
  }
  if (!fromStdin && words.length === 0) {
    await ctx.err.write(USAGE);
    return 2;
  }
  const entry = findTerminfo(term);
  if (!entry) {
    await ctx.error(`unknown terminal "${term}"`);
    return 3;
  }
  try {
    if (!fromStdin) return await runWords(ctx, entry, words, keepScrollback);
    // a line at a time, as it comes (an endless input is worked through, not held)
    const reader = new LineReader(ctx, 0);
    let status = 0;
    for (let batch = await reader.next(); batch; batch = await reader.next()) {
      for (const line of batch) {
        const lineWords = line.trim().split(/\s+/).filter(Boolean);
        if (lineWords.length) status = await runWords(ctx, entry, lineWords, keepScrollback);
      }
    }
    return status;
  } catch (e) {
    if (e instanceof Stop) return e.status;
    throw e;
  }
}

export default defineProgram({
  name: 'tput',
  installPath: '/usr/bin/tput',
  pkg: 'ncurses',
  main,
});
