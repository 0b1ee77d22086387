import { defineProgram, usageError } from '../define';
import { argmatch, argmatchError } from '../lib/argmatch';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { humanReadable, type HumanOptions } from '../lib/human';
import { humblock, humblockError } from '../lib/humblock';
import { xstrtolFatalMessage } from './xstrtol-fatal';
import { formatTime } from '../lib/nstrftime';
import { compileFnmatch } from '../lib/fnmatch';
import { quote, quotef } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { localZone, msToTimespec } from '../lib/tz';
import { readFiles0 } from './files0-from';
import { walk } from '../lib/walk';
import { xstrtol } from '../lib/xstrtol';

const spec = {
  name: 'du',
  installPath: '/usr/bin/du',
  pkg: 'coreutils',
  staleWriteError: true,
  usage: 'du [OPTION]... [FILE]...\ndu [OPTION]... --files0-from=F',
  help: `Summarize the disk space used by each FILE, and recursively by directories.

Long options take the same arguments as their short forms.
  -0, --null            end each output line with NUL, not newline
  -a, --all             count and show all files, not only directories
      --apparent-size   count file sizes, not disk usage
  -B, --block-size=SIZE  print sizes in units of SIZE (e.g. -BM)
  -b, --bytes           like --apparent-size --block-size=1
  -c, --total           print a grand total
  -D, --dereference-args  follow symlinks named on the command line
      --files0-from=F   take the names to measure from F, each ended by a NUL
                          byte; with F as -, from standard input
  -d, --max-depth=N     print a total for a directory only N or fewer levels
                          below the command line argument
  -H                    like --dereference-args
  -h, --human-readable  print sizes like 1K 234M 2G
      --inodes          count inodes instead of blocks
  -k                    like --block-size=1K
  -L, --dereference     follow all symlinks
  -l, --count-links     count sizes again for each hard link
  -m                    like --block-size=1M
  -P, --no-dereference  do not follow symlinks (the default)
  -S, --separate-dirs   do not include subdirectories in a directory's size
      --si              like -h, with powers of 1000
  -s, --summarize       show only a total for each argument
  -t, --threshold=SIZE  skip entries smaller than SIZE (or larger, if negative)
      --time            show the last modification time of anything in each
                          directory; --time=WORD shows atime/ctime instead
      --time-style=STYLE  full-iso, long-iso, iso or +FORMAT
  -x, --one-file-system  skip directories on other file systems
${HELP_LINES}
${coreutilsHelpFooter('du')}`,
  version: coreutilsVersion('du', ['Torbjorn Granlund', 'David MacKenzie', 'Paul Eggert', 'Jim Meyering']),
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 'apparent', long: 'apparent-size' },
    { key: 'B', short: 'B', long: 'block-size', arg: 'required' as const },
    { key: 'b', short: 'b', long: 'bytes' },
    { key: 'l', short: 'l', long: 'count-links' },
    { key: 'L', short: 'L', long: 'dereference' },
    { key: 'D', short: 'D', long: 'dereference-args' },
    { key: 'exclude', long: 'exclude', arg: 'required' as const },
    { key: 'X', short: 'X', long: 'exclude-from', arg: 'required' as const },
    { key: 'files0', long: 'files0-from', arg: 'required' as const },
    { key: 'h', short: 'h', long: 'human-readable' },
    { key: 'inodes', long: 'inodes' },
    { key: 'si', long: 'si' },
    { key: 'd', short: 'd', long: 'max-depth', arg: 'required' as const },
    { key: '0', short: '0', long: 'null' },
    { key: 'P', short: 'P', long: 'no-dereference' },
    { key: 'x', short: 'x', long: 'one-file-system' },
    { key: 'S', short: 'S', long: 'separate-dirs' },
    { key: 's', short: 's', long: 'summarize' },
    { key: 'c', short: 'c', long: 'total' },
    { key: 't', short: 't', long: 'threshold', arg: 'required' as const },
    { key: 'time', long: 'time', arg: 'optional' as const },
    { key: 'time-style', long: 'time-style', arg: 'required' as const },
    { key: 'D', short: 'H' },
    { key: 'k', short: 'k' },
    { key: 'm', short: 'm' },
  ],
};

/** xstrtol_fatal names the option as it was given: -B or --block-size. */
function optionName(argv: readonly string[], short: string, long: string): string {
  const usedLong = argv.some((a) => a.startsWith('--') && a.length > 2 && long.startsWith(a.slice(2).split('=')[0]!));
  return usedLong ? `--${long}` : `-${short}`;
}

interface Acc {
  size: number;
  time: number;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let human: HumanOptions = {};
    let blockSize: number;
    let apparent = false;
    let follow: 'physical' | 'comfollow' | 'logical' = 'physical';
    let maxDepth = Infinity;
    let depthGiven = false;
    let threshold = 0n;
    let ok = true;
    const env = humblock(ctx.env.get('DU_BLOCK_SIZE'), ctx.env);
    blockSize = env === 'invalid' ? 1024 : env.size;
    if (env !== 'invalid') human = env.human;
    for (const { key, value } of args.order) {
      if (key === 'apparent') apparent = true;
      else if (key === 'b') [apparent, human, blockSize] = [true, {}, 1];
      else if (key === 'h') [human, blockSize] = [{ autoscale: true, suffix: true }, 1];
      else if (key === 'si') [human, blockSize] = [{ autoscale: true, si: true, suffix: true }, 1];
      else if (key === 'k') [human, blockSize] = [{}, 1024];
      else if (key === 'm') [human, blockSize] = [{}, 1024 * 1024];
      else if (key === 'B') {
        const b = humblock(value!, ctx.env);
        if (b === 'invalid') {
          await ctx.error(xstrtolFatalMessage(humblockError(value!), optionName(ctx.argv, 'B', 'block-size'), value!));
          return 1;
        }
        [human, blockSize] = [b.human, b.size];
      } else if (key === 'D') follow = 'comfollow';
      else if (key === 'L') follow = 'logical';
      else if (key === 'P') follow = 'physical';
      else if (key === 'd') {
        const r = xstrtol(value!, '', { base: 0 });
        if (r.status === 'ok') [maxDepth, depthGiven] = [Number(r.value), true];
        else {
          await ctx.error(`invalid maximum depth ${quote(value!)}`);
          ok = false;
        }
      } else if (key === 't') {
        const r = xstrtol(value!, 'kKmMGTPEZY0', { base: 0, signed: true });
        if (r.status !== 'ok') {
          await ctx.error(xstrtolFatalMessage(r.status, optionName(ctx.argv, 't', 'threshold'), value!));
          return 1;
        }
        if (r.value === 0n && value!.startsWith('-')) {
          await ctx.error("invalid --threshold argument '-0'");
          return 1;
        }
        threshold = r.value;
      }
    }
    if (!ok) {
      await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return 1;
    }
    const all = flag(args, 'a');
    const summarize = flag(args, 's');
    if (all && summarize) return usageError(ctx, spec, 'cannot both summarize and show all entries');
    if (summarize && depthGiven && maxDepth === 0) await ctx.error('warning: summarizing is the same as using --max-depth=0');
    if (summarize && depthGiven && maxDepth !== 0) return usageError(ctx, spec, `warning: summarizing conflicts with --max-depth=${maxDepth}`);
    if (summarize) maxDepth = 0;
    const inodes = flag(args, 'inodes');
    if (inodes) {
      if (apparent) await ctx.error('warning: options --apparent-size and -b are ineffective with --inodes');
      blockSize = 1;
    }
    let timeKind: 'mtime' | 'atime' | 'ctime' | undefined;
    let timeFormat = '%Y-%m-%d %H:%M';
    if (args.values.has('time')) {
      const w = args.values.get('time')!.at(-1);
      const choices = [['atime', 'atime'], ['access', 'atime'], ['use', 'atime'], ['ctime', 'ctime'], ['status', 'ctime']] as const;
      timeKind = 'mtime';
      if (w !== undefined) {
        const r = argmatch(w, choices);
        if ('error' in r) {
          await argmatchError(ctx, '--time', w, r.error, choices);
          await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
          return 1;
        }
        timeKind = r.value;
      }
      const style = args.values.get('time-style')?.at(-1) ?? ctx.env.get('TIME_STYLE') ?? 'long-iso';
      if (style.startsWith('+')) timeFormat = style.slice(1).split('\n')[0]!;
      else {
        const styles = [['full-iso', '%Y-%m-%d %H:%M:%S.%N %z'], ['long-iso', '%Y-%m-%d %H:%M'], ['iso', '%Y-%m-%d']] as const;
        const r = argmatch(style.replace(/^(posix-)+/, '') === 'locale' ? 'long-iso' : style.replace(/^(posix-)+/, ''), styles);
        if ('error' in r) {
          await argmatchError(ctx, 'time style', style, r.error, styles);
          await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
          return 1;
        }
        timeFormat = r.value;
      }
    }
    // --exclude / -X: shell patterns matched against the whole name and each tail after a '/'
    const patterns = [...(args.values.get('exclude') ?? [])];
    for (const from of args.values.get('X') ?? []) {
      try {
        const text = new TextDecoder().decode(from === '-' ? await ctx.sys.readFile('/dev/stdin') : await ctx.sys.readFile(from));
        patterns.push(...text.split('\n').filter((l, i, a) => l !== '' || i < a.length - 1));
      } catch (e) {
        await ctx.perror(e, quotef(from));
        await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
        return 1;
      }
    }
    const matchers = patterns.map((p) => compileFnmatch(p));
    const excluded = (name: string): boolean => {
      if (matchers.length === 0) return false;
      const tails = [name];
      for (let i = 0; i < name.length; i++) if (name[i] === '/' && name[i + 1] !== '/' && i + 1 < name.length) tails.push(name.slice(i + 1));
      return matchers.some((m) => tails.some((t) => m(t)));
    };
    // --files0-from=F: the names, each ended by a NUL, from F ('-' for standard input)
    const files0 = args.values.get('files0')?.at(-1);
    let files = args.operands.length ? args.operands : ['.'];
    if (files0 !== undefined) {
      const listed = await readFiles0(ctx, files0, args.operands);
      if (typeof listed === 'number') return listed;
      files = listed.names;
    }
    const countAll = flag(args, 'l');
    const separate = flag(args, 'S');
    const hashAll = files.length > 1 || files0 !== undefined || follow === 'logical';
    const seen = new Set<string>();
    const end = flag(args, '0') ? '\0' : '\n';
    const tz = await localZone(ctx.sys);
    const total: Acc = { size: 0, time: -Infinity };
    const show = (n: number): string => humanReadable(n, 1, blockSize, human);
    const print = async (a: Acc, name: string): Promise<void> => {
      let line = show(a.size);
      if (timeKind) {
        const t = msToTimespec(a.time);
        line += `\t${formatTime(timeFormat, t.sec, t.ns, tz)}`;
      }
      await ctx.print(`${line}\t${name}${end}`);
    };
    const passes = (v: number): boolean => (threshold < 0n ? BigInt(v) <= -threshold : BigInt(v) >= threshold);
    // one frame per open directory: sizes of its entries, and of everything below them
    const stack: { ent: Acc; sub: Acc }[] = [];
    const add = (a: Acc, b: Acc): void => {
      a.size += b.size;
      a.time = Math.max(a.time, b.time);
    };
    const zero = (): Acc => ({ size: 0, time: -Infinity });
    for (const [index, root] of files.entries()) {
      if (files0 !== undefined && root === '-' && files0 === '-') {
        await ctx.error("when reading file names from stdin, no file name of '-' allowed");
        ok = false;
        continue;
      }
      if (files0 !== undefined && root === '') {
        await ctx.error(`${quotef(files0)}:${index + 1}: invalid zero-length file name`);
        ok = false;
        continue;
      }
      await walk(ctx, [root], { follow, xdev: flag(args, 'x') }, async (e) => {
        if (e.info === 'DNR') {
          await ctx.perror(e.error, `cannot read directory ${quoteaf(e.path)}`);
          ok = false;
        } else if (e.info === 'NS' || e.info === 'SLNONE') {
          // a dangling symlink to follow: fts says so with errno 0, so du names no error
          if (e.info === 'SLNONE') await ctx.error(`cannot access ${quoteaf(e.path)}`);
          else await ctx.perror(e.error, `cannot access ${quoteaf(e.path)}`);
          ok = false;
          return undefined;
        }
        const st = e.stat!;
        if (e.info !== 'DP' && e.info !== 'DNR' && excluded(e.path)) return 'skip';
        if (e.info !== 'DP' && e.info !== 'DNR') {
          if (!countAll && (hashAll || (st.kind !== 'dir' && st.nlink > 1))) {
            const key = `${st.dev}:${st.ino}`;
            if (seen.has(key)) return 'skip';
            seen.add(key);
          }
          if (e.info === 'DC') return 'skip';
          if (e.info === 'D') {
            stack.push({ ent: zero(), sub: zero() });
            return undefined;
          }
        }
        const t = timeKind === 'atime' ? st.atime : timeKind === 'ctime' ? st.ctime : st.mtime;
        const own: Acc = { size: inodes ? 1 : apparent ? Math.max(0, st.size) : st.blocks * 512, time: t };
        const isDir = e.info === 'DP' || e.info === 'DNR';
        const shown = { ...own };
        if (isDir) {
          const frame = stack.pop()!;
          add(shown, frame.ent);
          if (!separate) add(shown, frame.sub);
          const parent = stack[stack.length - 1];
          if (parent) {
            add(parent.sub, frame.ent);
            add(parent.sub, frame.sub);
          }
        }
        const parent = stack[stack.length - 1];
        if (parent && !(separate && isDir)) add(parent.ent, own);
        add(total, own);
        if ((isDir && e.level <= maxDepth) || (all && e.level <= maxDepth) || e.level === 0) {
          if (passes(shown.size)) await print(shown, e.path);
        }
        return undefined;
      });
    }
    if (flag(args, 'c')) await print(total, 'total');
    return ok ? 0 : 1;
  },
});

