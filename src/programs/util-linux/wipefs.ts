// wipefs (util-linux 2.38): lists the signatures libblkid finds in a file or device (a table
// of DEVICE OFFSET TYPE UUID LABEL, nothing at all when there is none; -O columns, -i, -J,
// -p), or with -a (or -o OFFSET) erases their magic strings and reports each erased byte;
// -n does everything but the writing, -t limits it to some types, -q keeps quiet.
import { isSysError, strerror, SysError, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { utilLinuxVersion } from './common';
import { probe, type Signature } from './signatures';

const HELP = `
Usage:
 wipefs [options] <device>

Lists or erases the signatures of filesystems, RAID members and partition tables.

Options:
 -a, --all           erase every signature found
 -b, --backup        keep a copy of each erased signature in $HOME
 -f, --force         erase even where it is unwise
 -i, --noheadings    leave out the header line
 -J, --json          print the table as JSON
 -n, --no-act        do everything except writing
 -o, --offset <num>  erase the signature at this offset only
 -O, --output <list> the columns to print
 -p, --parsable      comma-separated output, no header
 -q, --quiet         say nothing about what is erased
 -t, --types <list>  only these signature types
     --lock[=<mode>] take an exclusive lock (yes, no, nonblock)

 -h, --help          display this help
 -V, --version       display version

Arguments:
 <num> may be followed by the suffixes for
   KiB (=1024), MiB, GiB, TiB, PiB, EiB, ZiB and YiB
   (the "iB" is optional)

Available output columns:
     UUID  the UUID of the partition or filesystem
    LABEL  the filesystem label
   LENGTH  how long the magic string is
     TYPE  the superblock type
   OFFSET  where the magic string lies
    USAGE  what kind of signature it is
   DEVICE  the device's name

For more details see wipefs(8).
`;

const COLUMNS = ['UUID', 'LABEL', 'LENGTH', 'TYPE', 'OFFSET', 'USAGE', 'DEVICE'] as const;
type Column = (typeof COLUMNS)[number];

class Fail extends Error {
  constructor(readonly text: string, readonly tryHelp = false) {
    super(text);
  }
}

/** -t: a comma list of types, all negated with a leading "no". */
function typeFilter(pattern: string | undefined): (t: string) => boolean {
  if (pattern === undefined) return () => true;
  const neg = pattern.startsWith('no');
  const list = (neg ? pattern.slice(2) : pattern).split(',').map((s) => s.replace(/^no/, ''));
  return (t) => list.includes(t) !== neg;
}

function cell(col: Column, dev: string, s: Signature): string | undefined {
  switch (col) {
    case 'UUID': return s.uuid || undefined;
    case 'LABEL': return s.label || undefined;
    case 'LENGTH': return String(s.magic.length);
    case 'TYPE': return s.type;
    case 'OFFSET': return `0x${s.offset.toString(16)}`;
    case 'USAGE': return s.type === 'swap' ? 'other' : 'filesystem';
    case 'DEVICE': return dev.slice(dev.lastIndexOf('/') + 1);
  }
}

/** libsmartcols' plain table: columns as wide as their widest cell or header, the last one unpadded. */
function table(cols: Column[], rows: (string | undefined)[][], headings: boolean): string {
  if (!rows.length) return '';
  const all = [cols.map(String), ...rows];
  const widths = cols.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return (headings ? all : rows).map((r) => `${r.map((c, i) => (i === cols.length - 1 ? c ?? '' : (c ?? '').padEnd(widths[i]!))).join(' ')}\n`).join('');
}

function json(cols: Column[], rows: (string | undefined)[][]): string {
  const esc = (v: string | undefined, col: Column): string => (v === undefined ? 'null' : col === 'LENGTH' ? v : JSON.stringify(v));
  const objs = rows.map((r) => `      {\n${cols.map((c, i) => `         "${c.toLowerCase()}": ${esc(r[i], c)}`).join(',\n')}\n      }`);
  return `{\n   "signatures": [\n${objs.join(',\n')}\n   ]\n}\n`;
}

async function run(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  let p;
  try {
    p = getopt(ctx.argv.slice(1), [
      { key: 'a', short: 'a', long: 'all' }, { key: 'b', short: 'b', long: 'backup' }, { key: 'f', short: 'f', long: 'force' },
      { key: 'h', short: 'h', long: 'help' }, { key: 'lock', long: 'lock', arg: 'optional' }, { key: 'n', short: 'n', long: 'no-act' },
      { key: 'o', short: 'o', long: 'offset', arg: 'required' }, { key: 'p', short: 'p', long: 'parsable' }, { key: 'q', short: 'q', long: 'quiet' },
      { key: 't', short: 't', long: 'types', arg: 'required' }, { key: 'V', short: 'V', long: 'version' }, { key: 'J', short: 'J', long: 'json' },
      { key: 'i', short: 'i', long: 'noheadings' }, { key: 'O', short: 'O', long: 'output', arg: 'required' },
    ]);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    throw new Fail(e.message, true);
  }
  const names: Record<string, string> = { O: '--output', a: '--all', o: '--offset' };
  let first: string | undefined;
  const offsets: number[] = [];
  for (const { key, value } of p.order) {
    if ('Oao'.includes(key)) {
      if (first !== undefined && first !== key) throw new Fail(`mutually exclusive arguments: ${names.O} ${names.a} ${names.o}`);
      first = key;
    }
    if (key === 'h') return ctx.print(HELP).then(() => 0);
    if (key === 'V') return ctx.print(`${utilLinuxVersion('wipefs')}\n`).then(() => 0);
    if (key === 'o') {
      // strtosize: strtoumax in base 0 (0x, 0 prefixes), then an optional binary suffix
      const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(?:([KMGTPEZY])(iB)?)?$/.exec(value ?? '');
      if (!m) throw new Fail(`invalid offset argument: '${value}'`);
      const n = /^0[xX]/.test(m[1]!) ? parseInt(m[1]!, 16) : m[1]!.length > 1 && m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : Number(m[1]);
      offsets.push(n * 1024 ** (m[2] ? 'KMGTPEZY'.indexOf(m[2]) + 1 : 0));
    }
  }
  if (!p.operands.length) throw new Fail('no device specified', true);
  const all = p.flags.has('a');
  const quiet = p.flags.has('q');
  const noact = p.flags.has('n');
  const want = typeFilter(p.values.get('t')?.at(-1));
  if (p.flags.has('b') && !all && !offsets.length) await ctx.err.write('wipefs: The --backup option is meaningless in this context\n');
  const open = async (dev: string, write: boolean): Promise<number> => {
    try {
      // libblkid refuses what is neither a regular file nor a block device
      const kind = (await sys.stat(dev)).mode & 0o170000;
      if (kind !== 0o100000 && kind !== 0o060000) throw new SysError('EINVAL', 'open', dev);
      return await sys.open(dev, write ? { read: true, write: true } : { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new Fail(`error: ${dev}: probing initialization failed: ${strerror(e.errno as Errno)}`);
    }
  };
  if (!all && !offsets.length) {
    const parsable = p.flags.has('p');
    let cols: Column[] = parsable ? ['OFFSET', 'UUID', 'LABEL', 'TYPE'] : ['DEVICE', 'OFFSET', 'TYPE', 'UUID', 'LABEL'];
    const out = p.values.get('O')?.at(-1);
    if (out !== undefined) {
      const list = out.startsWith('+') ? out.slice(1) : out;
      const picked: Column[] = [];
      for (const name of list.split(',')) {
        const col = COLUMNS.find((c) => c === name.toUpperCase());
        if (!col) {
          await ctx.err.write(`wipefs: unknown column: ${name}\n`);
          return 1;
        }
        picked.push(col);
      }
      cols = out.startsWith('+') ? [...cols, ...picked] : picked;
    }
    const rows: (string | undefined)[][] = [];
    for (const dev of p.operands) {
      const fd = await open(dev, false);
      try {
        for (const s of await probe(sys, fd)) if (want(s.type)) rows.push(cols.map((c) => cell(c, dev, s)));
      } finally {
        sys.close(fd);
      }
    }
    if (p.flags.has('J')) await ctx.print(json(cols, rows));
    else if (parsable) await ctx.print(rows.map((r) => `${r.map((c) => c ?? '').join(',')}\n`).join(''));
    else await ctx.print(table(cols, rows, !p.flags.has('i')));
    return 0;
  }
  for (const dev of p.operands) {
    const fd = await open(dev, true);
    const found = new Set<number>();
    try {
      for (const s of await probe(sys, fd)) {
        if (!want(s.type) || (offsets.length && !offsets.includes(s.offset))) continue;
        found.add(s.offset);
        if (!noact) {
          sys.lseek(fd, s.offset, 'set');
          await sys.write(fd, new Uint8Array(s.magic.length));
        }
        if (!quiet) {
          const bytes = Array.from(s.magic, (b) => b.toString(16).padStart(2, '0')).join(' ');
          const n = s.magic.length;
          await ctx.print(`${dev}: ${n} ${n === 1 ? 'byte was' : 'bytes were'} erased at offset 0x${s.offset.toString(16).padStart(8, '0')} (${s.type}): ${bytes}\n`);
        }
      }
    } finally {
      sys.close(fd);
    }
    for (const o of offsets) if (!found.has(o) && !quiet) await ctx.err.write(`wipefs: ${dev}: offset 0x${o.toString(16)} not found\n`);
  }
  return 0;
}

export default defineProgram({
  name: 'wipefs',
  installPath: '/usr/sbin/wipefs',
  pkg: 'util-linux',
  async main(ctx) {
    try {
      return await run(ctx);
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      await ctx.err.write(`wipefs: ${e.text}\n`);
      if (e.tryHelp) await ctx.err.write("Try 'wipefs --help' for more information.\n");
      return 1;
    }
  },
});
