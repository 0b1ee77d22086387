import { isSysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { canonicalize } from '../lib/canonicalize';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { fsFacts, type FsFacts } from '../lib/fsinfo';
import { humanReadable, type HumanOptions } from '../lib/human';
import { humblock, humblockError } from '../lib/humblock';
import { xstrtolFatalMessage } from './xstrtol-fatal';
import { quote, quotef } from '../lib/quote';

type Field = 'source' | 'fstype' | 'itotal' | 'iused' | 'iavail' | 'ipcent' | 'size' | 'used' | 'avail' | 'pcent' | 'file' | 'target';
const FIELDS: Record<Field, { caption: string; width: number; right: boolean; kind: 'block' | 'inode' | 'other' }> = {
  source: { caption: 'Filesystem', width: 14, right: false, kind: 'other' },
  fstype: { caption: 'Type', width: 4, right: false, kind: 'other' },
  itotal: { caption: 'Inodes', width: 5, right: true, kind: 'inode' },
  iused: { caption: 'IUsed', width: 5, right: true, kind: 'inode' },
  iavail: { caption: 'IFree', width: 5, right: true, kind: 'inode' },
  ipcent: { caption: 'IUse%', width: 4, right: true, kind: 'inode' },
  size: { caption: 'blocks', width: 5, right: true, kind: 'block' },
  used: { caption: 'Used', width: 5, right: true, kind: 'block' },
  avail: { caption: 'Available', width: 5, right: true, kind: 'block' },
  pcent: { caption: 'Use%', width: 4, right: true, kind: 'block' },
  file: { caption: 'File', width: 0, right: false, kind: 'other' },
  target: { caption: 'Mounted on', width: 0, right: false, kind: 'other' },
};
const ALL: Field[] = ['source', 'fstype', 'itotal', 'iused', 'iavail', 'ipcent', 'size', 'used', 'avail', 'pcent', 'file', 'target'];
// file systems df hides unless -a (gnulib ME_DUMMY)
const DUMMY = new Set(['autofs', 'proc', 'subfs', 'debugfs', 'devpts', 'fusectl', 'fuse.portal', 'mqueue', 'rpc_pipefs', 'sysfs', 'devfs', 'kernfs', 'none']);

const spec = {
  name: 'df',
  installPath: '/usr/bin/df',
  pkg: 'coreutils',
  usage: 'df [OPTION]... [FILE]...',
  help: `Show how much space is used and available on the file systems that hold each
FILE, or on every mounted file system.

Long options take the same arguments as their short forms.
  -a, --all             include pseudo, duplicate and inaccessible file systems
  -B, --block-size=SIZE  print sizes in units of SIZE (e.g. -BM)
  -h, --human-readable  print sizes in powers of 1024 (e.g. 1023M)
  -H, --si              print sizes in powers of 1000 (e.g. 1.1G)
  -i, --inodes          show inodes instead of blocks
  -k                    like --block-size=1K
  -l, --local           only local file systems
      --no-sync         do not sync before reading usage (the default)
      --output[=FIELD_LIST]  show the fields listed, or all of them
  -P, --portability     POSIX output format
      --sync            sync before reading usage
      --total           add a line with the totals
  -t, --type=TYPE       only file systems of type TYPE
  -T, --print-type      show the file system type
  -x, --exclude-type=TYPE  leave out file systems of type TYPE
  -v                    (ignored)
${HELP_LINES}

FIELD_LIST is a comma-separated list of source, fstype, itotal, iused, iavail,
ipcent, size, used, avail, pcent, file and target.
${coreutilsHelpFooter('df')}`,
  version: coreutilsVersion('df', ['Torbjorn Granlund', 'David MacKenzie', 'Paul Eggert']),
  options: [
    { key: 'a', short: 'a', long: 'all' }, { key: 'B', short: 'B', long: 'block-size', arg: 'required' as const },
    { key: 'i', short: 'i', long: 'inodes' }, { key: 'h', short: 'h', long: 'human-readable' }, { key: 'H', short: 'H', long: 'si' },
    { key: 'k', short: 'k' }, { key: 'l', short: 'l', long: 'local' }, { key: 'm', short: 'm' },
    { key: 'output', long: 'output', arg: 'optional' as const }, { key: 'P', short: 'P', long: 'portability' },
    { key: 'sync', long: 'sync' }, { key: 'no-sync', long: 'no-sync' }, { key: 'total', long: 'total' },
    { key: 't', short: 't', long: 'type', arg: 'required' as const }, { key: 't', short: 'F', arg: 'required' as const },
    { key: 'T', short: 'T', long: 'print-type' }, { key: 'v', short: 'v' }, { key: 'x', short: 'x', long: 'exclude-type', arg: 'required' as const },
  ],
};

interface Values {
  inUnits: number;
  total: number;
  used: number;
  avail: number;
}

function pcent(v: Values): string {
  const nonroot = v.used + v.avail;
  if (v.used < 0 || nonroot === 0) return '-';
  return `${Math.floor((v.used * 100) / nonroot) + ((v.used * 100) % nonroot !== 0 ? 1 : 0)}%`;
}

/** The "1K-blocks" header: the block size in the largest unit that divides it. */
function blocksHeader(size: number, human: HumanOptions): string {
  let base1024 = human.suffix === true && !human.si;
  let q1000 = size;
  let q1024 = size;
  let d1000: boolean;
  let d1024: boolean;
  do {
    d1000 = q1000 % 1000 === 0;
    q1000 = Math.floor(q1000 / 1000);
    d1024 = q1024 % 1024 === 0;
    q1024 = Math.floor(q1024 / 1024);
  } while (d1000 && d1024);
  if (d1024 && !d1000) base1024 = true;
  if (d1000 && !d1024) base1024 = false;
  const bytes = !base1024 || human.bytes === true;
  return `${humanReadable(size, 1, 1, { autoscale: true, suffix: true, si: !base1024, bytes }).replace(/\.0(?=\D*$)/, '')}-blocks`;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let human: HumanOptions | undefined;
    let blockSize = 1024;
    let mode: 'default' | 'human' | 'inodes' | 'posix' | 'output' = 'default';
    let printType = false;
    let posix = false;
    const fields: Field[] = [];
    const excl = async (a: string, b: string): Promise<number> => usageError(ctx, spec, `options ${a} and ${b} are mutually exclusive`);
    for (const { key, value } of args.order) {
      if (key === 'B') {
        const b = humblock(value!, ctx.env);
        if (b === 'invalid') {
          const long = ctx.argv.some((x) => x.startsWith('--b'));
          await ctx.error(xstrtolFatalMessage(humblockError(value!), long ? '--block-size' : '-B', value!));
          return 1;
        }
        [human, blockSize] = [b.human, b.size];
      } else if (key === 'h') [human, blockSize] = [{ autoscale: true, suffix: true }, 1];
      else if (key === 'H') [human, blockSize] = [{ autoscale: true, suffix: true, si: true }, 1];
      else if (key === 'k') [human, blockSize] = [{}, 1024];
      else if (key === 'm') [human, blockSize] = [{}, 1024 * 1024];
      else if (key === 'i') {
        if (mode === 'output') return excl('-i', '--output');
        mode = 'inodes';
      } else if (key === 'T') {
        if (mode === 'output') return excl('-T', '--output');
        printType = true;
      } else if (key === 'P') {
        if (mode === 'output') return excl('-P', '--output');
        posix = true;
      } else if (key === 'output') {
        if (mode === 'inodes') return excl('-i', '--output');
        if (posix && mode === 'default') return excl('-P', '--output');
        if (printType) return excl('-T', '--output');
        mode = 'output';
        for (const f of value === undefined ? [] : value.split(',')) {
          if (!(f in FIELDS)) return usageError(ctx, spec, `option --output: field ${quote(f)} unknown`);
          if (fields.includes(f as Field)) return usageError(ctx, spec, `option --output: field ${quote(f)} used more than once`);
          fields.push(f as Field);
        }
      }
    }
    if (human === undefined) {
      if (posix) [human, blockSize] = [{}, ctx.env.has('POSIXLY_CORRECT') ? 512 : 1024];
      else {
        const b = humblock(ctx.env.get('DF_BLOCK_SIZE'), ctx.env);
        [human, blockSize] = b === 'invalid' ? [{}, 1024] : [b.human, b.size];
      }
    }
    if (mode === 'default' && human.autoscale) mode = 'human';
    else if (mode === 'default' && posix) mode = 'posix';
    const types = args.values.get('t') ?? [];
    const excluded = args.values.get('x') ?? [];
    for (const t of types) {
      if (excluded.includes(t)) {
        await ctx.error(`file system type ${quote(t)} both selected and excluded`);
        return 1;
      }
    }
    let cols: Field[];
    const withType = (fs: Field[]): Field[] => (printType ? [fs[0]!, 'fstype', ...fs.slice(1)] : fs);
    if (mode === 'inodes') cols = withType(['source', 'itotal', 'iused', 'iavail', 'ipcent', 'target']);
    else if (mode === 'output') cols = fields.length ? fields : ALL;
    else cols = withType(['source', 'size', 'used', 'avail', 'pcent', 'target']);
    const caption = (f: Field): string => {
      if (f === 'size' && (mode === 'default' || (mode === 'output' && !human!.autoscale))) return blocksHeader(blockSize, human!);
      if (f === 'size' && mode === 'posix') return `${blockSize}-blocks`;
      if (f === 'size' && (mode === 'human' || mode === 'output')) return 'Size';
      if (f === 'avail' && (mode === 'human' || mode === 'output')) return 'Avail';
      if (f === 'pcent' && mode === 'posix') return 'Capacity';
      return FIELDS[f].caption;
    };
    const table: string[][] = [cols.map(caption)];
    const num = (n: number, inUnits: number): string => humanReadable(n, inUnits, blockSize, human!);
    const grand = { blocks: 0, free: 0, avail: 0, files: 0, ffree: 0 };
    let processed = false;
    let status = 0;
    const row = (f: FsFacts | undefined, source: string, target: string, file: string, type: string, totals?: typeof grand): void => {
      const b: Values = totals
        ? { inUnits: 1, total: totals.blocks, used: totals.blocks - totals.free, avail: totals.avail }
        : { inUnits: f!.blockSize, total: f!.totalBlocks, used: f!.totalBlocks - f!.freeBlocks, avail: f!.availBlocks };
      const ifree = totals ? totals.ffree : f!.inodesTotal - f!.inodesUsed;
      const ino: Values = { inUnits: 1, total: totals ? totals.files : f!.inodesTotal, used: (totals ? totals.files : f!.inodesTotal) - ifree, avail: ifree };
      if (f && flag(args, 'total')) {
        grand.blocks += b.total * b.inUnits;
        grand.free += f.freeBlocks * b.inUnits;
        grand.avail += b.avail * b.inUnits;
        grand.files += ino.total;
        grand.ffree += ino.avail;
      }
      table.push(cols.map((c) => {
        const v = FIELDS[c].kind === 'inode' ? ino : b;
        switch (c) {
          case 'source': return source;
          case 'fstype': return type;
          case 'size': case 'itotal': return FIELDS[c].kind === 'inode' ? String(v.total) : num(v.total, v.inUnits);
          case 'used': case 'iused': return FIELDS[c].kind === 'inode' ? String(v.used) : num(v.used, v.inUnits);
          case 'avail': case 'iavail': return FIELDS[c].kind === 'inode' ? String(v.avail) : num(v.avail, v.inUnits);
          case 'pcent': case 'ipcent': return pcent(v);
          case 'file': return file;
          default: return target;
        }
      }));
    };
    const mounts = ctx.sys.mounts().map((u, i) => fsFacts(u, i));
    const selected = (t: string): boolean => (types.length === 0 || types.includes(t)) && !excluded.includes(t);
    if (args.operands.length) {
      for (const file of args.operands) {
        let dev: number;
        try {
          dev = (await ctx.sys.stat(file)).dev;
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.perror(e, quotef(file));
          status = 1;
          continue;
        }
        const real = await canonicalize(ctx.sys, file, 'existing');
        let best: FsFacts | undefined;
        if (typeof real === 'string') {
          for (const m of mounts) {
            if (real === m.target || m.target === '/' || real.startsWith(`${m.target}/`)) if (!best || m.target.length >= best.target.length) best = m;
          }
        }
        if (!best || best.dev !== dev) best = mounts.find((m) => m.dev === dev);
        if (!best || !selected(best.type)) continue;
        processed = true;
        row(best, best.source, best.target, file, best.type);
      }
    } else {
      for (const m of mounts) {
        if (DUMMY.has(m.type) && !flag(args, 'a')) continue;
        if (!selected(m.type)) continue;
        if (m.totalBlocks === 0 && !flag(args, 'a')) continue;
        processed = true;
        row(m, m.source, m.target, '-', m.type);
      }
    }
    if (!processed) {
      if (status === 0) {
        await ctx.error('no file systems processed');
        return 1;
      }
      return status;
    }
    if (flag(args, 'total')) row(undefined, 'total', cols.includes('source') ? '-' : 'total', '-', '-', grand);
    await printTable(ctx, table, cols);
    return status;
  },
});

async function printTable(ctx: Ctx, table: string[][], cols: Field[]): Promise<void> {
  const widths = cols.map((c, i) => Math.max(FIELDS[c].width, ...table.map((r) => r[i]!.length)));
  let out = '';
  for (const r of table) {
    out += r.map((cell, i) => {
      const w = widths[i]!;
      if (FIELDS[cols[i]!].right) return cell.padStart(w);
      return i === cols.length - 1 ? cell : cell.padEnd(w);
    }).join(' ');
    out += '\n';
  }
  await ctx.print(out);
}
