// tsort: a total order consistent with the partial order given as pairs of words, by the
// method GNU uses (Knuth's algorithm T): words with nothing before them are taken in byte
// order, each word's successors most recent first; a loop is reported and broken.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { ql, readAllBin, Output, qf } from '../lib/textio';

interface Item {
  str: string;
  count: number;
  /** Successors, the last recorded first. */
  top: Item[];
  qlink: Item | undefined;
  printed: boolean;
}

const spec = {
  name: 'tsort',
  installPath: '/usr/bin/tsort',
  pkg: 'coreutils',
  usage: 'tsort [OPTION] [FILE]',
  help: `Write a total ordering of the words in FILE that agrees with the partial ordering
it gives: each pair of words "A B" says A comes before B. A word paired with
itself is simply listed.

With no FILE, or when FILE is -, read standard input.

${HELP_LINES}
${coreutilsHelpFooter('tsort')}`,
  version: coreutilsVersion('tsort', ['Mark Kettenis']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length > 1) return usageError(ctx, spec, `extra operand ${ql(args.operands[1]!)}`);
    const file = args.operands[0] ?? '-';
    let data: string;
    let fd: number;
    try {
      fd = file === '-' ? 0 : await ctx.sys.open(file, { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
      return 1;
    }
    try {
      data = await readAllBin(ctx, fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // GNU tsort takes a read error for the end of its input; only closing a bad
      // standard input is reported
      data = '';
      if (e.errno === 'EBADF') {
        await ctx.error(`${file === '-' ? 'standard input' : qf(file)}: ${strerror(e.errno)}`);
        return 1;
      }
    } finally {
      if (fd !== 0) ctx.sys.close(fd);
    }
    const items = new Map<string, Item>();
    const item = (s: string): Item => {
      let it = items.get(s);
      if (!it) items.set(s, (it = { str: s, count: 0, top: [], qlink: undefined, printed: false }));
      return it;
    };
    const tokens = data.split(/[ \t\n]+/).filter((t) => t !== '');
    for (let i = 0; i + 1 < tokens.length; i += 2) {
      const j = item(tokens[i]!);
      const k = item(tokens[i + 1]!);
      if (j !== k) {
        k.count++;
        j.top.unshift(k);
      }
    }
    if (tokens.length % 2) {
      item(tokens[tokens.length - 1]!);
      await ctx.error(`${qf(file)}: input contains an odd number of tokens`);
      return 1;
    }
    // the tree is walked in order: byte order of the words
    const sorted = [...items.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0));
    const out = new Output(ctx);
    let ok = true;
    let left = sorted.length;
    while (left > 0) {
      const queue: Item[] = sorted.filter((k) => k.count === 0 && !k.printed);
      for (let q = 0; q < queue.length; q++) {
        const head = queue[q]!;
        out.push(`${head.str}\n`);
        head.printed = true;
        left--;
        for (const s of head.top) {
          s.count--;
          if (s.count === 0) queue.push(s);
        }
      }
      await out.drain();
      if (left > 0) {
        await out.flush();
        await ctx.error(`${qf(file)}: input contains a loop:`);
        ok = false;
        await breakLoop(ctx, sorted);
      }
    }
    return out.finish(ok ? 0 : 1);
  },
});

/** Finds a loop by walking back from a word still waiting, prints it, and drops one of its relations. */
async function breakLoop(ctx: { error(m: string): Promise<void> }, sorted: Item[]): Promise<void> {
  let loop: Item | undefined;
  for (;;) {
    for (const k of sorted) {
      if (k.count <= 0) continue;
      if (loop === undefined) {
        loop = k;
        continue;
      }
      const idx = k.top.indexOf(loop);
      if (idx < 0) continue;
      if (k.qlink) {
        // retrace the path back to k
        let l: Item | undefined = loop;
        while (l) {
          const next: Item | undefined = l.qlink;
          await ctx.error(l.str);
          if (l === k) {
            k.top[idx]!.count--;
            k.top.splice(idx, 1);
            break;
          }
          l.qlink = undefined;
          l = next;
        }
        while (l) {
          const next: Item | undefined = l.qlink;
          l.qlink = undefined;
          l = next;
        }
        return;
      }
      k.qlink = loop;
      loop = k;
    }
    if (loop === undefined) return;
  }
}
