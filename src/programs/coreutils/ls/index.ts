// ls (coreutils 9.1). The flow follows ls.c: command-line arguments are "gobbled" into a
// table, directories among them are queued, then each queued directory is read, its entries
// gobbled, sorted and printed; -R queues subdirectories as it goes, with loop detection.
import { encodeText } from '../../../shared/bytes';
import { isSysError } from '../../../shared/errno';
import type { Stat } from '../../../shared/stat';
import { defineProgram, type Program } from '../../define';
import { Accounts } from '../../lib/accounts';
import { canonicalize } from '../../lib/canonicalize';
import type { Ctx } from '../../lib/context';
import { coreutilsVersion } from '../../lib/gnu';
import { humanReadable } from '../../lib/human';
import { quotef } from '../../lib/quote';
import { quoteaf } from '../../lib/quotearg';
import { localZone } from '../../lib/tz';
import { Colors, fnmatch } from './colors';
import { ShortFormat } from './columns';
import { emptyWidths, type Entry, type Widths } from './entry';
import { LongFormat } from './format-long';
import { LS_HELP } from './help';
import { Names } from './names';
import { decode, LsUsage, OPTIONS, type LsConfig, type LsMode } from './options';
import { sortEntries } from './sort';

const LS_MINOR = 1;
const LS_FAILURE = 2;

interface Pending {
  name: string;
  realname: string | undefined;
  cmdline: boolean;
  /** A marker: the directory with this dev:ino has been fully listed (-R loop detection). */
  done?: string;
}

/** gnulib file_name_concat for ls's uses: DIR/NAME with a single slash. */
function concat(dir: string, name: string): string {
  const trimmed = dir.replace(/\/+$/, '');
  if (trimmed === '') return `/${name}`;
  return `${trimmed}/${name}`;
}

/** Bytes a string takes on stdout (UTF-8; file names' undecodable bytes count one each). */
function byteLength(text: string): number {
  return encodeText(text).length;
}

function isDotOrDotDot(path: string): boolean {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return base === '.' || base === '..';
}

class Lister {
  status = 0;
  private table: Entry[] = [];
  private widths: Widths = emptyWidths();
  private someQuoted = false;
  readonly pending: Pending[] = [];
  private readonly active = new Set<string>();
  private first = true;
  printDirName = true;
  /** --dired: bytes written so far, and the offsets of names and directory headers. */
  private pos = 0;
  private readonly diredNames: number[] = [];
  private readonly diredDirs: number[] = [];
  private readonly needsStat: boolean;
  private readonly needsType: boolean;
  private readonly checkSymlinks: boolean;

  constructor(
    private readonly ctx: Ctx,
    private readonly c: LsConfig,
    private readonly names: Names,
    private readonly long: LongFormat,
    private readonly short: ShortFormat,
  ) {
    this.needsStat = c.sort === 'time' || c.sort === 'size' || c.format === 'long' || c.blocks || c.context || c.hyperlink !== undefined;
    this.needsType = !this.needsStat && (c.recursive || c.color || c.indicator !== 'none' || c.dirsFirst);
    const col = names.colors;
    this.checkSymlinks = c.dirsFirst || (col !== undefined && (col.isColored('or') || (col.isColored('ex') && col.symlinkAsTarget) || (col.isColored('mi') && c.format === 'long')));
  }

  private async fail(serious: boolean, e: unknown, what: string, file: string): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.ctx.perror(e, `${what} ${quoteaf(file, this.c.utf8)}`);
    this.setStatus(serious);
  }

  private setStatus(serious: boolean): void {
    if (serious) this.status = LS_FAILURE;
    else if (this.status === 0) this.status = LS_MINOR;
  }

  private clear(): void {
    this.table = [];
    this.widths = emptyWidths();
    this.someQuoted = false;
  }

  private ignored(name: string): boolean {
    const c = this.c;
    if (c.show !== 'all' && name.startsWith('.') && (c.show === 'default' || name === '.' || name === '..')) return true;
    if (c.show === 'default' && c.hide.some((p) => fnmatch(p, name, true))) return true;
    return c.ignore.some((p) => fnmatch(p, name, true));
  }

  private async statFor(path: string, cmdline: boolean): Promise<Stat> {
    const sys = this.ctx.sys;
    switch (this.c.deref) {
      case 'always': return sys.stat(path);
      case 'cmdline':
        return cmdline ? sys.stat(path) : sys.lstat(path);
      case 'cmdline-dirs': {
        if (!cmdline) return sys.lstat(path);
        try {
          const st = await sys.stat(path);
          return st.kind === 'dir' ? st : sys.lstat(path);
        } catch (e) {
          if (isSysError(e) && e.errno === 'ENOENT') return sys.lstat(path);
          throw e;
        }
      }
      default: return sys.lstat(path);
    }
  }

  /** gobble_file: adds one file to the table; returns its 512-byte blocks. */
  async gobble(name: string, cmdline: boolean, dirname: string, dtype?: Stat['kind']): Promise<number> {
    const c = this.c;
    const e: Entry = { name, st: undefined, type: 'unknown', linkOk: false, linkMode: 0 };
    if (!this.someQuoted && this.names.align && this.names.needsQuoting(name)) this.someQuoted = true;
    if (!(cmdline || this.needsStat || this.needsType || c.inode)) {
      this.table.push(e);
      return 0;
    }
    // the type alone is wanted and the directory gave it: no stat, except for a regular file
    // under -F (is it executable?) and what colours or --group-directories-first look at
    if (!cmdline && !this.needsStat && !c.inode && dtype !== undefined && c.deref !== 'always' && !c.color && !c.dirsFirst && !(dtype === 'file' && c.indicator === 'classify')) {
      e.type = dtype === 'dir' ? 'dir' : dtype;
      this.table.push(e);
      return 0;
    }
    const full = name.startsWith('/') || dirname === '' ? name : dirname === '.' ? name : concat(dirname, name);
    if (c.hyperlink !== undefined) e.absoluteName = await this.absolute(full, cmdline);
    let st: Stat;
    try {
      st = await this.statFor(full, cmdline);
    } catch (err) {
      await this.fail(cmdline, err, 'cannot access', full);
      if (!cmdline) {
        // the directory entry still tells the type (d_type), e.g. 'l' for a dangling link under -L
        const kind = dtype ?? (await this.ctx.sys.lstat(full).then((l) => l.kind, () => undefined));
        if (kind === 'symlink' || kind === 'dir' || kind === 'fifo' || kind === 'chardev' || kind === 'blockdev' || kind === 'socket') e.type = kind;
        else if (kind !== undefined) e.type = 'file';
        this.table.push(e);
      }
      return 0;
    }
    e.st = st;
    if (st.kind === 'symlink' && (c.format === 'long' || this.checkSymlinks)) {
      try {
        e.linkName = await this.ctx.sys.readlink(full);
      } catch (err) {
        await this.fail(cmdline, err, 'cannot read symbolic link', full);
      }
      if (e.linkName !== undefined && (c.indicator === 'file-type' || c.indicator === 'classify' || this.checkSymlinks)) {
        const slash = full.lastIndexOf('/');
        const target = e.linkName.startsWith('/') || slash < 0 ? e.linkName : `${full.slice(0, slash + 1)}${e.linkName}`;
        try {
          const t = await this.ctx.sys.stat(target);
          e.linkOk = true;
          e.linkMode = t.mode;
        } catch {
          // a dangling link
        }
      }
    }
    e.type = st.kind === 'symlink' ? 'symlink' : st.kind === 'dir' ? (cmdline && !c.directory ? 'arg-dir' : 'dir') : 'file';
    if (c.format === 'long' && st.kind !== 'symlink' && (await hasAcl(this.ctx, full, st))) {
      e.acl = true;
      this.widths.acl = true;
    }
    this.long.measure(e, this.widths);
    if (c.inode) this.widths.inode = Math.max(this.widths.inode, String(st.ino).length);
    this.table.push(e);
    return st.blocks;
  }

  /** --hyperlink's canonicalize_filename_mode (CAN_MISSING); a failure is reported, the name left unlinked. */
  private async absolute(name: string, cmdline: boolean): Promise<string | undefined> {
    const r = await canonicalize(this.ctx.sys, name, 'missing');
    if (typeof r === 'string') return r;
    await this.fail(cmdline, r, 'error canonicalizing', name);
    return undefined;
  }

  private sort(): void {
    const c = this.c;
    if (c.sort === 'width' || ((c.format === 'columns' || c.format === 'across') && c.lineLength)) {
      for (const e of this.table) e.width = this.names.nameWidth(e, this.someQuoted);
    }
    sortEntries(this.table, c);
  }

  /** Moves directories out of the table into the queue (extract_dirs_from_files). */
  extractDirs(dirname: string | undefined, cmdline: boolean, doneKey?: string): void {
    if (dirname !== undefined && doneKey !== undefined) this.pending.push({ name: dirname, realname: undefined, cmdline: false, done: doneKey });
    for (let i = this.table.length - 1; i >= 0; i--) {
      const e = this.table[i]!;
      if ((e.type === 'dir' || e.type === 'arg-dir') && (dirname === undefined || !isDotOrDotDot(e.name))) {
        const name = dirname === undefined || e.name.startsWith('/') ? e.name : concat(dirname, e.name);
        this.pending.push({ name, realname: e.linkName, cmdline });
      }
    }
    this.table = this.table.filter((e) => e.type !== 'arg-dir');
  }

  /** Writes to stdout, counting bytes for --dired. */
  async emit(text: string): Promise<void> {
    if (this.c.dired) this.pos += byteLength(text);
    await this.ctx.print(text);
  }

  async printCurrent(): Promise<void> {
    if (this.c.format === 'long') {
      let out = '';
      for (const e of this.table) {
        if (this.c.dired) {
          // dired lines are indented two spaces; the name's byte offsets are recorded
          const l = this.long.lineParts(e, this.widths, this.someQuoted);
          const at = this.pos + byteLength(out) + 2;
          const start = at + byteLength(l.text.slice(0, l.nameStart));
          this.diredNames.push(start, start + byteLength(l.text.slice(l.nameStart, l.nameEnd)));
          out += `  ${l.text}${this.c.eol}`;
        } else out += this.long.line(e, this.widths, this.someQuoted) + this.c.eol;
        if (out.length > 16384) {
          await this.emit(out);
          out = '';
          await this.ctx.tick();
        }
      }
      await this.emit(out);
      return;
    }
    await this.emit(this.short.render(this.table, this.widths, this.someQuoted));
  }

  /** --dired: the offsets and the quoting style, after everything else. */
  async diredTrailer(): Promise<void> {
    if (!this.c.dired) return;
    let t = '';
    if (this.diredNames.length) t += `//DIRED// ${this.diredNames.join(' ')}\n`;
    if (this.diredDirs.length) t += `//SUBDIRED// ${this.diredDirs.join(' ')}\n`;
    t += `//DIRED-OPTIONS// --quoting-style=${this.c.quoting ?? 'literal'}\n`;
    await this.ctx.print(t);
  }

  hasTable(): boolean {
    return this.table.length > 0;
  }

  sortTable(): void {
    this.sort();
  }

  /** print_dir: lists one queued directory. */
  async printDir(p: Pending): Promise<void> {
    const { ctx, c } = this;
    let names: string[];
    // each entry's type as the directory gives it (d_type): enough where no stat is needed,
    // and all there is when the directory may be read but not searched
    const types = new Map<string, Stat['kind'] | undefined>();
    try {
      const listed = await ctx.sys.readdirTypes(p.name);
      names = listed.map((d) => d.name);
      for (const d of listed) types.set(d.name, d.kind);
    } catch (err) {
      await this.fail(p.cmdline, err, 'cannot open directory', p.name);
      return;
    }
    let key: string | undefined;
    if (c.recursive) {
      try {
        const st = await ctx.sys.stat(p.name);
        key = `${st.dev}:${st.ino}`;
      } catch (err) {
        await this.fail(p.cmdline, err, 'cannot determine device and inode of', p.name);
        return;
      }
      if (this.active.has(key)) {
        await ctx.error(`${quotef(p.name)}: not listing already-listed directory`);
        this.setStatus(true);
        return;
      }
      this.active.add(key);
    }
    this.clear();
    if (c.recursive || this.printDirName) {
      if (!this.first) await this.emit('\n');
      this.first = false;
      const dirName = this.names.dirName(p.realname ?? p.name, c.hyperlink === undefined ? undefined : await this.absolute(p.name, p.cmdline));
      if (c.dired) {
        this.diredDirs.push(this.pos + 2, this.pos + 2 + byteLength(dirName));
        await this.emit(`  ${dirName}:\n`);
      } else await this.emit(`${dirName}:\n`);
    }
    let total = 0;
    for (const name of ['.', '..', ...names]) {
      await ctx.tick();
      if (this.ignored(name)) continue;
      total += await this.gobble(name, false, p.name, types.get(name));
    }
    this.sort();
    if (c.recursive) this.extractDirs(p.name, false, key);
    if (c.format === 'long' || c.blocks) {
      const t = humanReadable(total, 512, c.blockSize, c.blockHuman);
      await this.emit(`${c.dired ? '  ' : ''}total ${t}${c.eol}`);
    }
    if (this.table.length) await this.printCurrent();
  }

  /** A finished directory leaves the set of directories being listed. */
  finish(done: string): void {
    this.active.delete(done);
  }
}

/** ls, or dir and vdir (ls.c built with another ls_mode): the same options, other defaults. */

/** file_has_acl: an access ACL beyond the mode, or a directory's default ACL. */
async function hasAcl(ctx: Ctx, path: string, st: Stat): Promise<boolean> {
  try {
    if ((await ctx.sys.getAcl(path, 'access')).some((x) => x.tag === 'user' || x.tag === 'group' || x.tag === 'mask')) return true;
    return st.kind === 'dir' && (await ctx.sys.getAcl(path, 'default')).length > 0;
  } catch {
    // a file system without ACLs, or a file gone since
    return false;
  }
}

export function lsProgram(mode: LsMode, help = LS_HELP): Program {
  return defineProgram({
    name: mode,
    installPath: `/usr/bin/${mode}`,
    pkg: 'coreutils',
    usage: `${mode} [OPTION]... [FILE]...`,
    help,
    version: coreutilsVersion(mode, ['Richard M. Stallman', 'David MacKenzie']),
    usageStatus: LS_FAILURE,
    options: OPTIONS,
    async main(ctx, args) {
      let c: LsConfig;
      try {
        c = await decode(ctx, args, mode);
      } catch (e) {
        if (e instanceof LsUsage) return e.status;
        throw e;
      }
      let colors: Colors | undefined;
      if (c.color) {
        colors = await Colors.load(ctx);
        if (!colors) c.color = false;
        else c.tabsize = 0;
      }
      const names = new Names(c, colors);
      const acc = await Accounts.load(ctx.sys);
      const long = new LongFormat(c, names, acc, () => ctx.sys.now(), await localZone(ctx.sys));
      const short = new ShortFormat(c, names, (e) => long.blocksText(e));
      const ls = new Lister(ctx, c, names, long, short);
      const files = args.operands;
      if (files.length === 0) {
        if (c.directory) await ls.gobble('.', true, '');
        else ls.pending.push({ name: '.', realname: undefined, cmdline: true });
      } else {
        for (const f of files) {
          await ctx.tick();
          await ls.gobble(f, true, '');
        }
      }
      if (ls.hasTable()) {
        ls.sortTable();
        if (!c.directory) ls.extractDirs(undefined, true);
      }
      if (ls.hasTable()) {
        await ls.printCurrent();
        if (ls.pending.length) await ls.emit('\n');
      } else if (files.length <= 1 && ls.pending.length === 1) {
        ls.printDirName = false;
      }
      for (;;) {
        const p = ls.pending.pop();
        if (!p) break;
        await ctx.tick();
        if (p.done !== undefined) {
          ls.finish(p.done);
          continue;
        }
        await ls.printDir(p);
        ls.printDirName = true;
      }
      await ls.diredTrailer();
      if (colors && names.usedColorOnce() && !(colors.seq.get('lc') === '\x1b[' && colors.seq.get('rc') === 'm')) {
        await ctx.print(`${colors.seq.get('lc') ?? ''}${colors.seq.get('rc') ?? ''}`);
      }
      return ls.status;
    },
  });
}

export default lsProgram('ls');
