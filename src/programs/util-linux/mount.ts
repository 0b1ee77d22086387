// mount (util-linux 2.38): lists the mount table, mounts tmpfs and proc, binds directories and
// files, remounts (ro/rw and the other flags, a tmpfs's size), mounts what /etc/fstab names
// (one entry, or -a), and reports failures with libmount's messages and exit statuses.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { SysError } from '../../shared/errno';
import { utilLinuxHelp } from './common';
import { PARTITIONS } from '../../shared/block-devices';
import { parseTab, type TabEntry } from './fstab';
import { matchFsType, matchOptions } from './mount-match';
import { mountPath } from './mount-path';

const VERSION = 'mount from util-linux 2.38 (libmount 2.38.0: btrfs, verity, namespaces, assert, debug)';
const EX_USAGE = 1;
const EX_FAIL = 32;
const EX_SOMEOK = 64;

// option -> [flag, set or clear]
const FLAGS: Record<string, [string, boolean]> = {
  ro: ['ro', true], rw: ['ro', false], nosuid: ['nosuid', true], suid: ['nosuid', false], nodev: ['nodev', true], dev: ['nodev', false],
  noexec: ['noexec', true], exec: ['noexec', false], sync: ['sync', true], async: ['sync', false], dirsync: ['dirsync', true],
  noatime: ['noatime', true], atime: ['noatime', false], nodiratime: ['nodiratime', true], diratime: ['nodiratime', false],
  strictatime: ['strictatime', true], nostrictatime: ['strictatime', false], relatime: ['strictatime', false], norelatime: ['strictatime', true],
};
// what libmount keeps to itself (never passed to the kernel)
const USERSPACE = /^(defaults|auto|noauto|user|nouser|users|owner|group|nofail|_netdev|comment=.*|x-.*|loop(=.*)?|offset=.*|sizelimit=.*|encryption=.*|helper=.*|silent|loud|mand|nomand|lazytime|nolazytime|remount|bind|rbind|move|rec)$/;

/** -o, -r and -w in the order given: libmount appends each to one option string. */
function optionList(argv: string[]): string[] {
  const out: string[] = [];
  const withArg = new Set(['o', 't', 'L', 'U', 'T', 'O', 'N']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      const [name, value] = a.includes('=') ? [a.slice(2, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a.slice(2), undefined];
      if (name === 'options') out.push(...(value ?? argv[++i] ?? '').split(','));
      else if (name === 'read-only') out.push('ro');
      else if (name === 'rw' || name === 'read-write') out.push('rw');
      else if (value === undefined && ['types', 'label', 'uuid', 'fstab', 'test-opts', 'namespace', 'source', 'target', 'target-prefix', 'options-mode', 'options-source'].includes(name)) i++;
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'r') out.push('ro');
      else if (c === 'w') out.push('rw');
      else if (withArg.has(c)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i] ?? '';
        if (c === 'o') out.push(...value.split(','));
        break;
      }
    }
  }
  return out.filter(Boolean);
}

export default defineProgram({
  name: 'mount',
  installPath: '/usr/bin/mount',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'all' }, { key: 'l', short: 'l', long: 'show-labels' }, { key: 't', short: 't', long: 'types', arg: 'required' },
        { key: 'o', short: 'o', long: 'options', arg: 'required' }, { key: 'r', short: 'r', long: 'read-only' }, { key: 'w', short: 'w', long: 'rw' },
        { key: 'w', long: 'read-write' }, { key: 'v', short: 'v', long: 'verbose' }, { key: 'n', short: 'n', long: 'no-mtab' }, { key: 'f', short: 'f', long: 'fake' },
        { key: 'B', short: 'B', long: 'bind' }, { key: 'R', short: 'R', long: 'rbind' }, { key: 'M', short: 'M', long: 'move' },
        { key: 'T', short: 'T', long: 'fstab', arg: 'required' }, { key: 'O', short: 'O', long: 'test-opts', arg: 'required' },
        { key: 'c', short: 'c', long: 'no-canonicalize' }, { key: 'F', short: 'F', long: 'fork' }, { key: 's', short: 's', long: 'sloppy' },
        { key: 'i', short: 'i', long: 'internal-only' }, { key: 'source', long: 'source', arg: 'required' }, { key: 'target', long: 'target', arg: 'required' },
        { key: 'mp', long: 'make-private' }, { key: 'mp', long: 'make-rprivate' }, { key: 'mp', long: 'make-shared' }, { key: 'mp', long: 'make-rshared' },
        { key: 'mp', long: 'make-slave' }, { key: 'mp', long: 'make-rslave' }, { key: 'mp', long: 'make-unbindable' }, { key: 'mp', long: 'make-runbindable' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
        { key: 'L', short: 'L', long: 'label', arg: 'required' }, { key: 'U', short: 'U', long: 'uuid', arg: 'required' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`mount: ${e.message}\nTry 'mount --help' for more information.\n`);
      return EX_USAGE;
    }
    // -T's table is read as the option is taken: one that cannot be read stops mount there
    const tabFile = p.values.get('T')?.at(-1);
    if (tabFile !== undefined) {
      try {
        await ctx.sys.stat(tabFile);
      } catch {
        await ctx.err.write(`mount: ${tabFile}: failed to parse\n`);
        return EX_USAGE;
      }
    }
    if (p.flags.has('V')) return ctx.print(`${VERSION}\n`).then(() => 0);
    if (p.flags.has('h')) {
      return ctx.print(utilLinuxHelp('mount', ['mount [-lhV]', 'mount -a [options]', 'mount [options] [--source] <source> | [--target] <directory>', 'mount [options] <source> <directory>', 'mount <operation> <mountpoint> [<target>]'], 'Mount a filesystem.', [
        ' -a, --all               mount every filesystem /etc/fstab lists',
        ' -B, --bind              show a directory (or file) at a second place',
        ' -l, --show-labels       list filesystem labels too',
        ' -o, --options <list>    comma-separated mount options',
        ' -r, --read-only         mount read-only (same as -o ro)',
        ' -t, --types <list>      the filesystem type (or the types to list)',
        ' -v, --verbose           say what is being done',
        ' -w, --rw, --read-write  mount read-write (the default)',
      ]).replace('(1).', '(8).')).then(() => 0);
    }
    const sys = ctx.sys;
    const types = p.values.get('t')?.at(-1);
    const operands = [...p.operands];
    // -L and -U give the source as a tag (written with quotes)
    const byTag = p.values.has('L') ? `LABEL="${p.values.get('L')!.at(-1)!}"` : p.values.has('U') ? `UUID="${p.values.get('U')!.at(-1)!}"` : undefined;
    if (byTag !== undefined) operands.unshift(byTag);
    if (p.values.has('source')) operands.unshift(p.values.get('source')!.at(-1)!);
    if (p.values.has('target')) operands.push(p.values.get('target')!.at(-1)!);
    if (operands.length === 0 && !p.flags.has('a')) {
      let out = '';
      for (const m of sys.mounts()) {
        if (types !== undefined && !matchFsType(m.type, types)) continue;
        out += `${m.source} on ${m.target} type ${m.type} (${m.options})\n`;
      }
      await ctx.print(out);
      return 0;
    }
    const opts = optionList(ctx.argv.slice(1));
    if (p.flags.has('B')) opts.push('bind');
    if (p.flags.has('R')) opts.push('rbind');
    if (p.flags.has('M')) opts.push('move');
    const root = sys.geteuid() === 0;
    const err = (spec: string, text: string, syscall: boolean): Promise<void> =>
      ctx.err.write(`mount: ${spec}: ${text}.\n${syscall ? '       dmesg(1) may have more information after failed mount system call.\n' : ''}`);
    const exists = async (path: string, follow = true): Promise<boolean> => {
      try {
        await (follow ? sys.stat(path) : sys.lstat(path));
        return true;
      } catch {
        return false;
      }
    };
    const canonical = async (path: string): Promise<string> => {
      try {
        return await mountPath(sys, path);
      } catch {
        return path;
      }
    };
    let fstab: TabEntry[] | undefined;
    /** The table (-T's, or /etc/fstab) as libmount parses it, its parse errors said once. */
    const readFstab = async (): Promise<TabEntry[]> => {
      if (fstab) return fstab;
      const file = p.values.get('T')?.at(-1) ?? '/etc/fstab';
      let text = '';
      try {
        text = new TextDecoder().decode(await sys.readFile(file));
      } catch {
        // no table: nothing in it
      }
      const t = parseTab(text);
      for (const n of t.errors) await ctx.err.write(`mount: ${file}: parse error at line ${n} -- ignored\n`);
      fstab = t.entries;
      return fstab;
    };
    /** One mount: libmount's preparation, the system call, and its error message. */
    const mountOne = async (source: string, target: string, type: string | undefined, options: string[], quiet = false): Promise<number> => {
      // a tag names a device, or nothing (found before anything else is looked at)
      const dev = tagDevice(source);
      if (dev === undefined) {
        await ctx.err.write(`mount: ${(await exists(target)) ? await canonical(target) : target}: can't find ${source}.\n`);
        return EX_USAGE;
      }
      if (dev) source = dev;
      const remount = options.includes('remount');
      const bind = options.includes('bind') || options.includes('rbind');
      const move = options.includes('move');
      const tgt = (await exists(target)) ? await canonical(target) : target;
      if (!root) {
        // mount(2) looks the target up before it asks for the privilege
        if (!(await exists(target))) await err(tgt, (await exists(target, false)) ? 'mount point is a symbolic link to nowhere' : 'mount point does not exist', true);
        else await err(tgt, 'must be superuser to use mount', true);
        return EX_FAIL;
      }
      // the flags: a remount starts from the mount's own, anything else from none
      const flags = new Set<string>();
      if (remount) {
        const cur = sys.mounts().filter((m) => m.target === tgt).at(-1);
        for (const o of cur?.options.split(',') ?? []) if (FLAGS[o]?.[1] && o !== 'relatime') flags.add(FLAGS[o]![0]);
        if (cur && !cur.options.split(',').includes('relatime') && !flags.has('noatime')) flags.add('strictatime');
      }
      const data: string[] = [];
      for (const o of options) {
        const f = FLAGS[o];
        if (f) {
          // one atime mode at a time: noatime, relatime (the default) or strictatime
          if (o === 'noatime' || o === 'strictatime' || o === 'relatime') for (const a of ['noatime', 'strictatime']) flags.delete(a);
          if (f[1]) flags.add(f[0]);
          else flags.delete(f[0]);
        } else if (o === 'defaults') {
          for (const x of ['ro', 'nosuid', 'nodev', 'noexec', 'sync']) flags.delete(x);
        } else if (!USERSPACE.test(o)) data.push(await fixId(o));
      }
      const src = (bind || move) && (await exists(source)) ? await canonical(source) : source;
      const call = async (fl: string[], d: string): Promise<unknown> => {
        try {
          await sys.mount(src, tgt, type ?? '', fl, d);
          return undefined;
        } catch (e) {
          if (e instanceof SysError) return e;
          throw e;
        }
      };
      let e = await call([...flags, ...(remount ? ['remount'] : []), ...(bind ? ['bind'] : []), ...(move ? ['move'] : [])], data.join(','));
      // a read-only (or otherwise flagged) bind mount is a bind, then a remount of it
      if (!e && bind && !remount && flags.size) e = await call([...new Set([...mountFlags(sys.mounts().filter((m) => m.target === tgt).at(-1)?.options), ...flags])].concat('remount', 'bind'), '');
      if (!e) {
        if (p.flags.has('v') && !quiet) await ctx.print(`mount: ${src} mounted on ${tgt}.\n`);
        return 0;
      }
      const errno = (e as SysError).errno;
      const isDir = async (path: string): Promise<boolean> => {
        try {
          return (await sys.stat(path)).kind === 'dir';
        } catch {
          return false;
        }
      };
      let text: string;
      switch (errno) {
        case 'EPERM':
          text = (await isDir(tgt)) ? 'permission denied' : 'mount point is not a directory';
          break;
        case 'EBUSY':
          text = remount ? 'mount point is busy' : `${src} already mounted or mount point busy`;
          break;
        case 'ENOENT':
          if (!(await exists(tgt, false))) text = 'mount point does not exist';
          else if (!(await exists(tgt))) text = 'mount point is a symbolic link to nowhere';
          else if (!(await exists(src))) text = `special device ${src} does not exist`;
          else text = 'mount(2) system call failed: No such file or directory';
          break;
        case 'ENOTDIR':
          text = !(await isDir(tgt)) ? 'mount point is not a directory' : 'mount(2) system call failed: Not a directory';
          break;
        case 'EINVAL':
          text = remount ? 'mount point not mounted or bad option' : `wrong fs type, bad option, bad superblock on ${src}, missing codepage or helper program, or other error`;
          break;
        case 'ENOTBLK': {
          let kind: string | undefined;
          try {
            kind = (await sys.stat(src)).kind;
          } catch {
            kind = undefined;
          }
          const shown = kind ? await canonical(src) : src;
          text = kind === undefined ? `${shown} is not a block device, and stat(2) fails?` : kind === 'file' ? `${shown} is not a block device; try "-o loop"` : `${shown} is not a block device`;
          break;
        }
        case 'ENODEV':
          text = type ? `unknown filesystem type '${type}'` : 'unknown filesystem type';
          break;
        default:
          text = `mount(2) system call failed: ${(e as SysError).message.replace(/^[^:]*: /, '')}`;
      }
      await err(tgt, text, true);
      return EX_FAIL;
    };

    /** uid= and gid= by name become numbers, as libmount writes them. */
    const fixId = async (o: string): Promise<string> => {
      const m = /^(uid|gid)=(.*\D.*)$/.exec(o);
      if (!m) return o;
      try {
        const text = new TextDecoder().decode(await sys.readFile(m[1] === 'uid' ? '/etc/passwd' : '/etc/group'));
        const line = text.split('\n').find((l) => l.split(':')[0] === m[2]);
        return line ? `${m[1]}=${line.split(':')[2]}` : o;
      } catch {
        return o;
      }
    };

    if (p.flags.has('mp')) {
      const tgt = await canonical(operands[0] ?? '');
      // --make-[r]shared|private|slave|unbindable: MS_<TYPE>, with MS_REC for the r forms
      const kind = /^--make-(r?)(shared|private|slave|unbindable)$/.exec(ctx.argv.filter((a) => a.startsWith('--make-')).at(-1) ?? '');
      try {
        await sys.mount('none', tgt, '', kind ? [kind[2]!, ...(kind[1] ? ['rec'] : [])] : [], '');
        return 0;
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
      }
      await err(tgt, 'not mount point or bad option', true);
      return EX_FAIL;
    }
    if (p.flags.has('a')) {
      let ok = 0;
      let failed = 0;
      // -v says what became of each entry, its target in a 25-wide field
      const say = (target: string, what: string): Promise<void> => (p.flags.has('v') ? ctx.print(`${target.padEnd(25)}: ${what}\n`) : Promise.resolve());
      for (const e of await readFstab()) {
        const o = e.options.split(',').filter(Boolean);
        if (e.type === 'swap' || e.target === 'none') continue;
        const testOpts = p.values.get('O')?.at(-1);
        if (o.includes('noauto') || (types !== undefined && !matchFsType(e.type, types)) || (testOpts !== undefined && !matchOptions(e.options, testOpts))) {
          await say(e.target, 'ignored');
          continue;
        }
        const tgt = await canonical(e.target);
        if (sys.mounts().some((m) => m.target === tgt)) {
          await say(e.target, 'already mounted');
          continue;
        }
        if ((await mountOne(e.source, e.target, e.type === 'auto' ? undefined : e.type, [...o, ...opts], true)) === 0) {
          ok++;
          await say(e.target, 'successfully mounted');
        } else failed++;
      }
      return failed === 0 ? 0 : ok ? EX_SOMEOK : EX_FAIL;
    }
    if (operands.length === 1) {
      const arg = operands[0]!;
      if (opts.includes('remount')) return mountOne('none', arg, types, opts);
      const tgt = await canonical(arg);
      const entry = (await readFstab()).find((e) => e.target === tgt || e.target === arg) ?? (await readFstab()).find((e) => e.source === arg);
      if (!entry) {
        await ctx.err.write(byTag !== undefined ? `mount: ${arg}: can't find mount source ${arg} in /etc/fstab.\n` : `mount: ${arg}: can't find in /etc/fstab.\n`);
        return EX_USAGE;
      }
      return mountOne(entry.source, entry.target, types ?? (entry.type === 'auto' ? undefined : entry.type), [...entry.options.split(',').filter(Boolean), ...opts]);
    }
    return mountOne(operands[0]!, operands[1]!, types, opts);
  },
});

/** The flags (ro, nosuid, ...) in a mount's options. */
function mountFlags(options = ''): string[] {
  return options.split(',').filter((o) => FLAGS[o]?.[1] && o !== 'relatime').map((o) => FLAGS[o]![0]);
}

/** A LABEL=, UUID=, PARTLABEL= or PARTUUID= source (quotes allowed): the device it names, undefined if none, false if no tag. */
function tagDevice(spec: string): string | undefined | false {
  const m = /^(LABEL|UUID|PARTLABEL|PARTUUID)=(.*)$/.exec(spec);
  if (!m) return false;
  const v = m[2]!.replace(/^"(.*)"$/, '$1');
  // the machine's filesystems carry UUIDs and its partitions PARTUUIDs; none has a label
  const hit = PARTITIONS.find((x) => (m[1] === 'UUID' ? x.uuid === v : m[1] === 'PARTUUID' ? x.partuuid === v : false));
  return hit ? `/dev/${hit.name}` : undefined;
}
