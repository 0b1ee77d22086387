// findmnt (util-linux 2.38): the mount table as a tree (ASCII in the C locale), a list, raw,
// pairs or JSON; filtered by type, by source or target, or by the filesystem a path is on.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import type { FsUsage } from '../../shared/stat';
import { partitionOf } from '../../shared/block-devices';
import { mountPath } from './mount-path';
import { utilLinuxHelp } from './common';
import { humanSize } from './human-size';
import { verifyTab } from './findmnt-verify';
import { parseTab, splitOptions, type TabEntry } from './fstab';
import { matchFsType, matchOptions } from './mount-match';
import { outputColumns, scolsPrint } from './smartcols';

const PSEUDO = new Set(['proc', 'sysfs', 'devtmpfs', 'tmpfs', 'devpts', 'cgroup', 'cgroup2', 'nsfs', 'ramfs', 'rootfs', 'overlay', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'configfs', 'bpf', 'pstore', 'hugetlbfs', 'autofs', 'fusectl']);
// the columns findmnt 2.38 knows
const COLUMNS = ['ACTION', 'AVAIL', 'FREQ', 'FSROOT', 'FSTYPE', 'FS-OPTIONS', 'ID', 'LABEL', 'MAJ:MIN', 'OLD-OPTIONS', 'OLD-TARGET', 'OPTIONS', 'OPT-FIELDS',
  'PARENT', 'PARTLABEL', 'PARTUUID', 'PASSNO', 'PROPAGATION', 'SIZE', 'SOURCES', 'SOURCE', 'TARGET', 'TID', 'USED', 'USE%', 'UUID', 'VFS-OPTIONS'];
const RIGHT = new Set(['SIZE', 'AVAIL', 'USED', 'USE%', 'ID', 'PARENT', 'FREQ', 'PASSNO']);
// the absolute width hints of findmnt's columns (the others are fractions of a terminal)
const WHINT: Record<string, number> = { UUID: 36, PARTUUID: 36, 'MAJ:MIN': 6, ACTION: 10, SIZE: 5, AVAIL: 5, USED: 5, 'USE%': 3, TID: 4, ID: 2, FREQ: 1, PASSNO: 1 };
// the columns JSON writes as bare numbers (the sizes only with --bytes)
const NUMBERS = new Set(['ID', 'PARENT', 'FREQ', 'PASSNO', 'TID']);
const SIZES = new Set(['SIZE', 'AVAIL', 'USED']);

/** A line of a table read from a file (-s, -F): its own fields, and the filesystem its target is on. */
interface FromFile {
  tab: TabEntry;
  usage?: FsUsage;
}

/** One line of /proc/self/mountinfo, the fields findmnt shows beside the mount table's. */
interface MountInfo {
  id: string;
  parent: string;
  dev: string;
  root: string;
  vfs: string;
  fields: string;
  super: string;
}

function unescape(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

function parseMountinfo(text: string): MountInfo[] {
  return text.split('\n').filter(Boolean).map((line) => {
    const f = line.split(' ');
    const dash = f.indexOf('-', 6);
    return { id: f[0] ?? '', parent: f[1] ?? '', dev: f[2] ?? '', root: unescape(f[3] ?? '/'), vfs: f[5] ?? '', fields: f.slice(6, dash).join(' '), super: f[dash + 3] ?? '' };
  });
}

/** The tag a source names (UUID=..., LABEL=...), if it is one. */
function tagOf(source: string, tag: string): string | undefined {
  return source.startsWith(`${tag}=`) ? source.slice(tag.length + 1).replace(/^"(.*)"$/, '$1') : undefined;
}

function fileCell(f: FromFile, col: string, bytes: boolean): string {
  const e = f.tab;
  const part = partitionOf(e.source);
  switch (col) {
    case 'TARGET': return e.target;
    case 'SOURCE': return e.source;
    case 'FSTYPE': return e.type;
    case 'OPTIONS': return e.options;
    case 'VFS-OPTIONS': return splitOptions(e.options).vfs;
    case 'FS-OPTIONS': return splitOptions(e.options).fs;
    case 'FREQ': return String(e.freq);
    case 'PASSNO': return String(e.passno);
    case 'UUID': return tagOf(e.source, 'UUID') ?? part?.uuid ?? '';
    case 'PARTUUID': return tagOf(e.source, 'PARTUUID') ?? part?.partuuid ?? '';
    case 'LABEL': return tagOf(e.source, 'LABEL') ?? '';
    case 'PARTLABEL': return tagOf(e.source, 'PARTLABEL') ?? '';
    case 'SIZE': case 'AVAIL': case 'USED': case 'USE%': return f.usage ? cell(f.usage, col, bytes, undefined) : '';
    default: return '';
  }
}

function cell(m: FsUsage, col: string, bytes: boolean, mi: MountInfo | undefined): string {
  const size = (n: number): string => (bytes ? String(n) : humanSize(n, false));
  const part = partitionOf(m.source);
  const root = mi?.root ?? '/';
  switch (col) {
    case 'TARGET': return m.target;
    // a bind mount's source names the directory it shows
    case 'SOURCE': return root === '/' ? m.source : `${m.source}[${root}]`;
    case 'FSTYPE': return m.type;
    case 'OPTIONS': return m.options;
    case 'VFS-OPTIONS': return mi?.vfs ?? '';
    case 'FS-OPTIONS': return mi?.super ?? '';
    case 'SIZE': return m.totalBlocks ? size(m.totalBlocks * m.blockSize) : '0';
    case 'AVAIL': return m.totalBlocks ? size(m.freeBlocks * m.blockSize) : '0';
    case 'USED': return m.totalBlocks ? size(m.usedBlocks * m.blockSize) : '0';
    case 'USE%': return m.totalBlocks ? `${Math.round((m.usedBlocks * 100) / m.totalBlocks)}%` : '-';
    case 'FSROOT': return root;
    case 'UUID': return part?.uuid ?? '';
    case 'PARTUUID': return part?.partuuid ?? '';
    case 'MAJ:MIN': return mi?.dev ?? '';
    case 'ID': return mi?.id ?? '';
    case 'PARENT': return mi?.parent ?? '';
    case 'OPT-FIELDS': return mi?.fields ?? '';
    case 'PROPAGATION': {
      const f = mi?.fields ?? '';
      return `${f.includes('shared:') ? 'shared' : 'private'}${f.includes('master:') ? ',slave' : ''}${f.includes('unbindable') ? ',unbindable' : ''}`;
    }
    default: return '';
  }
}

export default defineProgram({
  name: 'findmnt',
  installPath: '/usr/bin/findmnt',
  pkg: 'util-linux',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'l', short: 'l', long: 'list' }, { key: 'n', short: 'n', long: 'noheadings' }, { key: 'o', short: 'o', long: 'output', arg: 'required' },
        { key: 't', short: 't', long: 'types', arg: 'required' }, { key: 'T', short: 'T', long: 'target', arg: 'required' }, { key: 'S', short: 'S', long: 'source', arg: 'required' },
        { key: 'J', short: 'J', long: 'json' }, { key: 'r', short: 'r', long: 'raw' }, { key: 'P', short: 'P', long: 'pairs' }, { key: 'b', short: 'b', long: 'bytes' },
        { key: 'D', short: 'D', long: 'df' }, { key: 'f', short: 'f', long: 'first-only' }, { key: 'real', long: 'real' }, { key: 'pseudo', long: 'pseudo' },
        { key: 'k', short: 'k', long: 'kernel' }, { key: 'm', short: 'm', long: 'mtab' }, { key: 's', short: 's', long: 'fstab' },
        { key: 'u', short: 'u', long: 'notruncate' }, { key: 'A', short: 'A', long: 'all' }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
        { key: 'x', short: 'x', long: 'verify' }, { key: 'v', short: 'v', long: 'nofsroot' }, { key: 'verbose', long: 'verbose' },
        { key: 'F', short: 'F', long: 'tab-file', arg: 'required' }, { key: 'M', short: 'M', long: 'mountpoint', arg: 'required' },
        { key: 'O', short: 'O', long: 'options', arg: 'required' }, { key: 'e', short: 'e', long: 'evaluate' }, { key: 'a', short: 'a', long: 'ascii' },
        { key: 'c', short: 'c', long: 'canonicalize' }, { key: 'C', short: 'C', long: 'nocanonicalize' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`findmnt: ${e.message}\nTry 'findmnt --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('h')) {
      await ctx.print(utilLinuxHelp('findmnt', ['findmnt [options]', 'findmnt [options] <device> | <mountpoint>', 'findmnt [options] <device> <mountpoint>', 'findmnt [options] [--source <device>] [--target <path> | --mountpoint <dir>]'], 'Find a (mounted) filesystem.', [
        ' -l, --list             use list format output',
        ' -n, --noheadings       don\'t print column headings',
        ' -o, --output <list>    the output columns to be shown',
        ' -t, --types <list>     limit the set of filesystems by FS types',
        ' -T, --target <path>    the path to the filesystem to use',
        ' -J, --json             use JSON output format',
        '     --real             print only real filesystems',
      ]).replace('(1).', '(8).'));
      return 0;
    }
    if (p.flags.has('V')) return ctx.print('findmnt from util-linux 2.38\n').then(() => 0);
    if (p.flags.has('x')) return verifyTab(ctx, p.values.get('F')?.at(-1) ?? '/etc/fstab', p.flags.has('verbose'));
    // a table from files (-F, or /etc/fstab for -s) is a list of its lines; the kernel's is a tree
    const files = p.values.get('F') ?? (p.flags.has('s') ? ['/etc/fstab'] : []);
    let fromFiles: FromFile[] | undefined;
    if (files.length) {
      fromFiles = [];
      for (const file of files) {
        let text: string;
        try {
          text = new TextDecoder().decode(await ctx.sys.readFile(file));
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`findmnt: can't read ${file}: ${strerror(e.errno)}\n`);
          return 1;
        }
        const t = parseTab(text);
        for (const n of t.errors) await ctx.err.write(`findmnt: ${file}: parse error at line ${n} -- ignored\n`);
        for (const tab of t.entries) fromFiles.push({ tab, usage: await ctx.sys.statfs(tab.target).catch(() => undefined) });
      }
    }
    const df = p.flags.has('D');
    const defaults = df ? ['SOURCE', 'FSTYPE', 'SIZE', 'USED', 'AVAIL', 'USE%', 'TARGET'] : ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
    const outarg = p.values.get('o')?.at(-1);
    const chosen = outarg === undefined ? defaults : outputColumns(outarg, COLUMNS, defaults);
    if (chosen === undefined) return 1;
    if (!Array.isArray(chosen)) {
      await ctx.err.write(`findmnt: unknown column: ${chosen.unknown}\n`);
      return 1;
    }
    const cols = chosen;
    const all = ctx.sys.mounts();
    let infos: MountInfo[] = [];
    try {
      infos = parseMountinfo(new TextDecoder().decode(await ctx.sys.readFile('/proc/self/mountinfo')));
    } catch {
      // no /proc: the fields it gives stay empty
    }
    const types = p.values.get('t')?.at(-1);
    const optPattern = p.values.get('O')?.at(-1);
    // a file's lines stand in the list as mounts of their own (their fields kept beside)
    const fileOf = new Map<number, FromFile>();
    const source: FsUsage[] = fromFiles
      ? fromFiles.map((f, i) => {
          fileOf.set(i, f);
          return { source: f.tab.source, target: f.tab.target, type: f.tab.type, options: f.tab.options, blockSize: 0, totalBlocks: 0, usedBlocks: 0, freeBlocks: 0, inodesTotal: 0, inodesUsed: 0, dev: 0 };
        })
      : all;
    let list = source.map((m, id) => ({ m, id }));
    if (types !== undefined) list = list.filter(({ m }) => matchFsType(m.type, types));
    if (optPattern !== undefined) list = list.filter(({ m }) => matchOptions(m.options, optPattern));
    // --df leaves out pseudo filesystems, tmpfs and devtmpfs aside, unless --all is given
    if (df && !p.flags.has('A')) list = list.filter(({ m }) => !PSEUDO.has(m.type) || m.type.includes('tmpfs'));
    if (p.flags.has('real')) list = list.filter(({ m }) => !PSEUDO.has(m.type));
    if (p.flags.has('pseudo')) list = list.filter(({ m }) => PSEUDO.has(m.type));
    let flat = p.flags.has('l') || p.flags.has('r') || p.flags.has('P') || df || p.flags.has('m') || fromFiles !== undefined;
    const byTarget = p.values.get('T')?.at(-1);
    const ops = [...p.operands, ...(p.values.get('S') ?? []), ...(p.values.get('M') ?? [])];
    if (byTarget !== undefined && fromFiles) {
      // a file's table: the line for that mountpoint
      const path = await mountPath(ctx.sys, byTarget).catch(() => undefined);
      list = list.filter(({ m }) => path !== undefined && m.target === path);
      flat = true;
    } else if (byTarget !== undefined) {
      let path = byTarget.startsWith('/') ? byTarget : `${ctx.sys.getcwd()}/${byTarget}`;
      path = path.replace(/\/+$/, '') || '/';
      try {
        await ctx.sys.stat(path);
      } catch {
        return 1;
      }
      const best = list.filter(({ m }) => path === m.target || path.startsWith(m.target === '/' ? '/' : `${m.target}/`)).sort((a, b) => b.m.target.length - a.m.target.length)[0];
      list = best ? [best] : [];
      flat = true;
    } else if (ops.length) {
      // a path names its mountpoint by its absolute form (a relative one too)
      for (const o of [...ops]) {
        if (o.startsWith('/') || !o.includes('=')) {
          try {
            ops.push(await mountPath(ctx.sys, o));
          } catch {
            // not a path
          }
        }
      }
      list = list.filter(({ m }) => ops.some((o) => o === m.target || o === m.source || (o.length > 1 && o.replace(/\/+$/, '') === m.target) || partitionOf(o)?.name === partitionOf(m.source)?.name && partitionOf(o) !== undefined));
      flat = true;
    }
    if (p.flags.has('f')) list = list.slice(0, 1);
    if (list.length === 0) {
      // a tree that filters everything out is still a (empty) success; lists and lookups fail
      if (flat) return 1;
      if (p.flags.has('J')) await ctx.print('{\n   "filesystems": [\n\n   ]\n}\n');
      return 0;
    }
    const bytes = p.flags.has('b');
    const present = new Set(list.map(({ m }) => m.target));
    const parentOf = (t: string): string | undefined => {
      if (flat || t === '/') return undefined;
      let cand: string | undefined;
      for (const q of present) if (q !== t && (q === '/' || t.startsWith(`${q}/`)) && (!cand || q.length > cand.length)) cand = q;
      return cand;
    };
    interface Node { m: FsUsage; id: number; kids: Node[] }
    const nodes = list.map(({ m, id }) => ({ m, id, kids: [] as Node[] }));
    const roots: Node[] = [];
    for (const n of nodes) {
      const par = parentOf(n.m.target);
      const pn = par ? nodes.find((x) => x.m.target === par) : undefined;
      (pn ? pn.kids : roots).push(n);
    }
    const value = (n: Node, c: string): string => {
      const f = fileOf.get(n.id);
      return f ? fileCell(f, c, bytes) : cell(n.m, c, bytes, infos[n.id]);
    };
    // JSON: an empty cell is null, the counters (and the sizes with --bytes) bare numbers
    const jsonValue = (c: string, v: string): string => (v === '' ? 'null' : NUMBERS.has(c) || (bytes && SIZES.has(c)) ? v : JSON.stringify(v));
    if (p.flags.has('J')) {
      const ind = (d: number): string => '   '.repeat(d);
      const obj = (n: Node, d: number): string => {
        const fields = cols.map((c) => `${ind(d + 1)}"${c.toLowerCase()}": ${jsonValue(c, value(n, c))}`);
        if (n.kids.length) fields.push(`${ind(d + 1)}"children": [\n${arr(n.kids, d + 2)}\n${ind(d + 1)}]`);
        return `${ind(d)}{\n${fields.join(',\n')}\n${ind(d)}}`;
      };
      const arr = (ns: Node[], d: number): string => ns.map((n, i) => (i ? obj(n, d).trimStart() : obj(n, d))).join(',');
      await ctx.print(`{\n   "filesystems": [\n${arr(roots, 2)}\n   ]\n}\n`);
      return 0;
    }
    const rows: string[][] = [];
    const walk = (n: Node, prefix: string, last: boolean, depth: number): void => {
      rows.push(cols.map((c) => (c === 'TARGET' && depth > 0 ? `${prefix}${last ? '`-' : '|-'}` : '') + value(n, c)));
      n.kids.forEach((k, i) => walk(k, depth === 0 ? '' : `${prefix}${last ? '  ' : '| '}`, i === n.kids.length - 1, depth + 1));
    };
    roots.forEach((r, i) => walk(r, '', i === roots.length - 1, 0));
    if (p.flags.has('P')) {
      await ctx.print(rows.map((r) => r.map((v, i) => `${cols[i]}="${v}"`).join(' ')).join('\n') + '\n');
      return 0;
    }
    await ctx.print(scolsPrint({ columns: cols.map((c) => ({ name: c, whint: WHINT[c], right: RIGHT.has(c) })), rows, noheadings: p.flags.has('n'), raw: p.flags.has('r') }));
    return 0;
  },
});
