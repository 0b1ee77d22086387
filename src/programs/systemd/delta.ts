// systemd-delta (src/delta/delta.c, as systemd 252 behaves): compares the configuration
// directories of each kind (/etc, /run, /usr/local/lib, /usr/local/share, /usr/lib, /usr/share
// with sysctl.d, tmpfiles.d, systemd/system, ...) and reports files that hide others of the same
// name (masked, equivalent, redirected, overridden), unit files with drop-ins (extended) and,
// on request, files nobody overrides (unchanged). Entries appear in the order they were first
// met: by directory priority, then drop-in directories before plain files, each sorted.
import type { OptionDef } from '../lib/getopt';
import { parseArgsInOrder, reportBad } from './ctl/common';
import type { Ctx } from '../lib/context';
import { defineProgram } from '../define';
import { glyphs } from '../../shared/systemd/glyphs';
import { parseBoolean } from '../../shared/systemd/unit-file';
import { runCommand } from '../findutils/run';

const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' },
  { key: 'version', long: 'version' },
  { key: 'no-pager', long: 'no-pager' },
  { key: 'diff', long: 'diff', arg: 'optional' },
  { key: 'type', short: 't', long: 'type', arg: 'required' },
];

const PREFIXES = ['/etc', '/run', '/usr/local/lib', '/usr/local/share', '/usr/lib', '/usr/share'];
const SUFFIXES = [
  'sysctl.d', 'tmpfiles.d', 'modules-load.d', 'binfmt.d', 'systemd/system', 'systemd/user',
  'systemd/system-preset', 'systemd/user-preset', 'udev/rules.d', 'modprobe.d',
];
const HAVE_DROPINS = ['systemd/system', 'systemd/user'];

const TYPES = ['masked', 'equivalent', 'redirected', 'overridden', 'unchanged', 'extended'] as const;
type Show = (typeof TYPES)[number];
const DEFAULT_TYPES: Show[] = ['masked', 'equivalent', 'redirected', 'overridden', 'extended'];

/** The tag and the padding after it, so that the paths line up. */
const TAGS: Record<Show, string> = {
  masked: '[MASKED]     ',
  equivalent: '[EQUIVALENT] ',
  redirected: '[REDIRECTED] ',
  overridden: '[OVERRIDDEN] ',
  unchanged: '[UNCHANGED]  ',
  extended: '[EXTENDED]   ',
};

function help(name: string): string {
  return `${name} [OPTIONS...] [SUFFIX...]

Find overridden configuration files.

  -h --help           Show this help
     --version        Show package version
     --no-pager       Do not pipe output into a pager
     --diff[=1|0]     Show a diff when overridden files differ
  -t --type=LIST...   Only display a selected set of override types

See the systemd-delta(1) man page for details.
`;
}

/** hidden_or_backup_file(): names systemd skips when it lists a directory. */
function hiddenOrBackup(name: string): boolean {
  if (name.startsWith('.')) return true;
  if (name.endsWith('~')) return true;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = name.slice(dot + 1);
  return ['rpmnew', 'rpmsave', 'rpmorig', 'dpkg-old', 'dpkg-new', 'dpkg-tmp', 'dpkg-dist', 'dpkg-bak', 'dpkg-backup', 'dpkg-remove',
    'ucf-new', 'ucf-old', 'ucf-dist', 'swp', 'bak', 'old', 'new'].includes(ext);
}

interface Scan {
  /** relative name -> the highest-priority path (insertion order kept) */
  top: Map<string, string>;
  /** relative name -> the lowest-priority path */
  bottom: Map<string, string>;
  /** unit name -> drop-in file name -> its highest-priority path */
  drops: Map<string, Map<string, string>>;
}

class Delta {
  found = 0;
  private readonly arrow: string;

  constructor(private readonly ctx: Ctx, private readonly show: Set<Show>, private readonly diff: boolean) {
    this.arrow = glyphs(ctx.env).arrowRight;
  }

  private async kind(path: string, follow: boolean): Promise<string | undefined> {
    try {
      const st = follow ? await this.ctx.sys.stat(path) : await this.ctx.sys.lstat(path);
      return st.kind === 'file' && st.size === 0 ? 'empty' : st.kind;
    } catch {
      return undefined;
    }
  }

  private async list(path: string): Promise<string[] | undefined> {
    try {
      return (await this.ctx.sys.readdir(path)).filter((n) => n !== '.' && n !== '..').sort();
    } catch {
      return undefined;
    }
  }

  private put(s: Scan, key: string, path: string): void {
    if (!s.top.has(key)) s.top.set(key, path);
    s.bottom.delete(key);
    s.bottom.set(key, path);
  }

  private async enumerate(s: Scan, dir: string, dropins: boolean): Promise<void> {
    const names = await this.list(dir);
    if (!names) return;
    const dirs: string[] = [];
    const files: string[] = [];
    for (const n of names) {
      const k = await this.kind(`${dir}/${n}`, false);
      if (dropins && k === 'dir' && n.endsWith('.d')) dirs.push(n);
      else if ((k === 'file' || k === 'empty' || k === 'symlink') && !hiddenOrBackup(n)) files.push(n);
    }
    for (const d of dirs) {
      const unit = d.slice(0, -2);
      for (const f of (await this.list(`${dir}/${d}`)) ?? []) {
        if (!f.endsWith('.conf') || f.startsWith('.')) continue;
        const p = `${dir}/${d}/${f}`;
        this.put(s, `${d}/${f}`, p);
        let h = s.drops.get(unit);
        if (!h) s.drops.set(unit, (h = new Map()));
        if (!h.has(f)) h.set(f, p);
      }
    }
    for (const f of files) this.put(s, f, `${dir}/${f}`);
  }

  private async line(type: Show, top: string, bottom?: string): Promise<number> {
    if (!this.show.has(type)) return 0;
    await this.ctx.print(bottom === undefined ? `${TAGS[type]}${top}\n` : `${TAGS[type]}${top} ${this.arrow} ${bottom}\n`);
    return 1;
  }

  private async realpath(p: string): Promise<string | undefined> {
    try {
      return await this.ctx.sys.realpath(p);
    } catch {
      return undefined;
    }
  }

  private async override(top: string, bottom: string): Promise<number> {
    const k = await this.kind(top, true);
    if (k === 'empty' || k === 'chardev' || k === 'blockdev') return this.line('masked', top, bottom);
    if ((await this.kind(top, false)) === 'symlink') {
      const a = await this.realpath(top);
      const b = await this.realpath(bottom);
      return this.line(a !== undefined && a === b ? 'equivalent' : 'redirected', top, bottom);
    }
    const r = await this.line('overridden', top, bottom);
    if (!this.diff) return r;
    await this.ctx.print('\n');
    await runCommand(this.ctx, ['diff', '-us', '--', bottom, top]);
    await this.ctx.print('\n');
    return r;
  }

  async suffix(suffix: string, only?: string): Promise<void> {
    const s: Scan = { top: new Map(), bottom: new Map(), drops: new Map() };
    const dropins = HAVE_DROPINS.includes(suffix);
    for (const p of PREFIXES) await this.enumerate(s, `${p}/${suffix}`, dropins);
    const inScope = (p: string): boolean => only === undefined || p.startsWith(only);
    for (const [key, top] of s.top) {
      const bottom = s.bottom.get(key)!;
      if (inScope(bottom)) {
        if (bottom === top) await this.line('unchanged', top);
        else this.found += await this.override(top, bottom);
      }
      for (const drop of s.drops.get(key)?.values() ?? []) {
        if (inScope(drop)) this.found += await this.line('extended', top, drop);
      }
    }
  }

  /** process_suffix_chop(): a relative argument is a suffix; an absolute one names a prefix. */
  async argument(arg: string): Promise<string | undefined> {
    if (!arg.startsWith('/')) {
      await this.suffix(arg);
      return undefined;
    }
    for (const p of PREFIXES) {
      if (!arg.startsWith(p)) continue;
      const rest = arg.slice(p.length).replace(/^\/+/, '');
      if (rest) await this.suffix(rest, arg);
      else for (const s of SUFFIXES) await this.suffix(s, arg);
      return undefined;
    }
    return `Invalid suffix specification ${arg}.`;
  }
}

/** path_simplify(): doubled and trailing slashes and "." components go. */
function simplify(p: string): string {
  const abs = p.startsWith('/');
  const parts = p.split('/').filter((c) => c !== '' && c !== '.');
  const s = (abs ? '/' : '') + parts.join('/');
  return s || (abs ? '/' : '.');
}

export default defineProgram({
  name: 'systemd-delta',
  installPath: '/usr/bin/systemd-delta',
  pkg: 'systemd',
  async main(ctx) {
    const fail = async (msg: string): Promise<number> => {
      await ctx.err.write(`${msg}\n`);
      return 1;
    };
    const parsed = parseArgsInOrder(ctx, DEFS);
    const show = new Set<Show>();
    let diff: boolean | undefined;
    for (const { key, value } of parsed.order) {
      switch (key) {
        case 'help':
          await ctx.print(help(ctx.name));
          return 0;
        case 'version': {
          const { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } = await ctx.sys.loadCode(() => import('./systemctl/help'));
          await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
          return 0;
        }
        case 'type':
          // (separators do not coalesce: an empty piece is no type either)
          for (const w of (value ?? '').split(',')) {
            // "default" stands for the types shown without --type=
            if (w === 'default') {
              DEFAULT_TYPES.forEach((t) => show.add(t));
              continue;
            }
            if (!(TYPES as readonly string[]).includes(w)) return fail('Failed to parse flags field.');
            show.add(w as Show);
          }
          break;
        case 'diff':
          if (value === undefined) diff = true;
          else {
            const b = parseBoolean(value);
            if (b === undefined) return fail(`Failed to parse boolean argument to --diff: ${value}.`);
            diff = b;
          }
          break;
      }
    }
    if (await reportBad(ctx, parsed)) return 1;
    if (show.size === 0) DEFAULT_TYPES.forEach((t) => show.add(t));
    const d = new Delta(ctx, show, diff ?? show.has('overridden'));
    if (parsed.operands.length === 0) {
      for (const s of SUFFIXES) await d.suffix(s);
    } else {
      for (const a of parsed.operands) {
        const err = await d.argument(simplify(a));
        if (err !== undefined) return fail(err);
      }
    }
    await ctx.print(`${d.found ? '\n' : ''}${d.found} overridden configuration files found.\n`);
    return 0;
  },
});
