// findmnt (util-linux 2.38): the mount table as a tree (ASCII in the C locale), a list, raw,
// pairs or JSON; filtered by type, by source or target, or by the filesystem a path is on.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import type { FsUsage } from '../../shared/stat';
import { partitionOf } from '../../shared/block-devices';
import { mountPath } from './mount-path';
import { utilLinuxHelp } from './common';
import { humanSize } from './human-size';
import { verifyTab } from './findmnt-verify';
import { outputColumns } from './smartcols';

const PSEUDO = new Set(['proc', 'sysfs', 'devtmpfs', 'tmpfs', 'devpts', 'cgroup', 'cgroup2', 'nsfs', 'ramfs', 'rootfs', 'overlay', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'configfs', 'bpf', 'pstore', 'hugetlbfs', 'autofs', 'fusectl']);
// the columns findmnt 2.38 knows
const COLUMNS = ['ACTION', 'AVAIL', 'FREQ', 'FSROOT', 'FSTYPE', 'FS-OPTIONS', 'ID', 'LABEL', 'MAJ:MIN', 'OLD-OPTIONS', 'OLD-TARGET', 'OPTIONS', 'OPT-FIELDS',
  'PARENT', 'PARTLABEL', 'PARTUUID', 'PASSNO', 'PROPAGATION', 'SIZE', 'SOURCES', 'SOURCE', 'TARGET', 'TID', 'USED', 'USE%', 'UUID', 'VFS-OPTIONS'];
const RIGHT = new Set(['SIZE', 'AVAIL', 'USED', 'USE%', 'ID', 'PARENT']);

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
    if (p.flags.has('s')) return 0; // /etc/fstab is empty
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
    const types = p.values.get('t')?.at(-1)?.split(',');
    let list = all.map((m, id) => ({ m, id }));
    if (types) {
      const no = types[0]!.startsWith('no');
      list = list.filter(({ m }) => (no ? !types.map((t) => t.replace(/^no/, '')).includes(m.type) : types.includes(m.type)));
    }
    // --df leaves out pseudo filesystems, tmpfs and devtmpfs aside, unless --all is given
    if (df && !p.flags.has('A')) list = list.filter(({ m }) => !PSEUDO.has(m.type) || m.type.includes('tmpfs'));
    if (p.flags.has('real')) list = list.filter(({ m }) => !PSEUDO.has(m.type));
    if (p.flags.has('pseudo')) list = list.filter(({ m }) => PSEUDO.has(m.type));
    let flat = p.flags.has('l') || p.flags.has('r') || p.flags.has('P') || df;
    const byTarget = p.values.get('T')?.at(-1);
    const ops = [...p.operands, ...(p.values.get('S') ?? []), ...(p.values.get('M') ?? [])];
    if (byTarget !== undefined) {
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
    if (p.flags.has('J')) {
      const ind = (d: number): string => '   '.repeat(d);
      const obj = (n: Node, d: number): string => {
        const fields = cols.map((c) => `${ind(d + 1)}"${c.toLowerCase()}": ${JSON.stringify(cell(n.m, c, bytes, infos[n.id]))}`);
        if (n.kids.length) fields.push(`${ind(d + 1)}"children": [\n${arr(n.kids, d + 2)}\n${ind(d + 1)}]`);
        return `${ind(d)}{\n${fields.join(',\n')}\n${ind(d)}}`;
      };
      const arr = (ns: Node[], d: number): string => ns.map((n, i) => (i ? obj(n, d).trimStart() : obj(n, d))).join(',');
      await ctx.print(`{\n   "filesystems": [\n${arr(roots, 2)}\n   ]\n}\n`);
      return 0;
    }
    const rows: string[][] = [];
    const walk = (n: Node, prefix: string, last: boolean, depth: number): void => {
      rows.push(cols.map((c) => (c === 'TARGET' && depth > 0 ? `${prefix}${last ? '`-' : '|-'}` : '') + cell(n.m, c, bytes, infos[n.id])));
      n.kids.forEach((k, i) => walk(k, depth === 0 ? '' : `${prefix}${last ? '  ' : '| '}`, i === n.kids.length - 1, depth + 1));
    };
    roots.forEach((r, i) => walk(r, '', i === roots.length - 1, 0));
    if (p.flags.has('P')) {
      await ctx.print(rows.map((r) => r.map((v, i) => `${cols[i]}="${v}"`).join(' ')).join('\n') + '\n');
      return 0;
    }
    const table = p.flags.has('n') ? rows : [cols, ...rows];
    if (p.flags.has('r')) {
      await ctx.print(table.map((r) => r.map((v) => v.replace(/ /g, '\\x20')).join(' ')).join('\n') + '\n');
      return 0;
    }
    // the header's width counts even when it is not printed (libsmartcols' minimum width)
    const widths = cols.map((c, i) => Math.max(c.length, ...table.map((r) => r[i]!.length)));
    await ctx.print(table.map((r) => r.map((v, i) => (RIGHT.has(cols[i]!) ? v.padStart(widths[i]!) : i === r.length - 1 ? v : v.padEnd(widths[i]!))).join(' ')).join('\n') + '\n');
    return 0;
  },
});
