// Which inputs grep reads: operands, standard input, recursion (-r skips symlinks met inside
// directories, -R follows them), --include/--exclude/--exclude-dir, devices, and the per-file
// epilogue (-c counts, -l/-L names, leaving a seekable input after the last line read).
import { isSysError, SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { binToUtf8, utf8ToBin } from '../lib/binary-text';
import { ReadFailure, Scan, type Run } from './search';

export class QuitNow extends Error {}

/** fnmatch(3) without flags, as a RegExp over a whole name. */
function globRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '\\' && i + 1 < glob.length) out += `\\x${glob.charCodeAt(++i).toString(16).padStart(2, '0')}`;
    else if (c === '[') {
      const m = /^\[(!|\^)?(\]?[^\]]*)\]/.exec(glob.slice(i));
      if (!m) out += '\\[';
      else {
        const body = m[2]!.replace(/\\/g, '\\\\').replace(/\[:([a-z]+):\]/g, (_a, n: string) => `\\p{${n}}`).replace(/^\]/, '\\]');
        out += `[${m[1] ? '^' : ''}${body.replace(/\\p\{(\w+)\}/g, (_a, n: string) => CLASS[n] ?? '')}]`;
        i += m[0].length - 1;
      }
    } else out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  }
  return new RegExp(`^(?:${out})$`);
}

const CLASS: Record<string, string> = { alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v' };

function isDevice(st: Stat): boolean {
  return st.kind === 'chardev' || st.kind === 'blockdev' || st.kind === 'fifo' || st.kind === 'socket';
}

export class Inputs {
  errseen = false;
  /** 0 when some line was selected. */
  status = 1;
  /** -1: decide from the first operand (grep -r PATTERN NONDIRECTORY prints no names). */
  outFile: number;
  private readonly fileGlobs: { re: RegExp; include: boolean }[];
  private readonly dirGlobs: RegExp[];
  private outStat: Stat | undefined;

  constructor(
    private readonly run: Run,
    outFile: number,
    private readonly omitDotSlash: boolean,
  ) {
    this.outFile = outFile;
    this.fileGlobs = run.cfg.fileGlobs.map((g) => ({ re: globRegex(g.glob), include: g.include }));
    this.dirGlobs = run.cfg.dirGlobs.map(globRegex);
    try {
      const st = run.ctx.sys.fstat(1);
      if (st.kind === 'file') this.outStat = st;
    } catch {
      this.outStat = undefined;
    }
  }

  private async error(e: unknown, name: string): Promise<void> {
    if (!isSysError(e)) throw e;
    if (!this.run.cfg.suppress) await this.run.ctx.perror(e, name);
    this.errseen = true;
  }

  /** exclude.c's rule: the last matching option decides; with none, the first one's opposite. */
  private excluded(name: string, dir: boolean, commandLine: boolean): boolean {
    const bin = utf8ToBin(name);
    const candidates = commandLine ? [bin, ...[...bin.matchAll(/\/(?=[^/])/g)].map((m) => bin.slice(m.index + 1))] : [bin];
    const hit = (re: RegExp): boolean => candidates.some((c) => re.test(c));
    if (dir) return this.dirGlobs.some(hit);
    if (this.fileGlobs.length === 0) return false;
    for (let i = this.fileGlobs.length - 1; i >= 0; i--) {
      const g = this.fileGlobs[i]!;
      if (hit(g.re)) return !g.include;
    }
    return this.fileGlobs[0]!.include;
  }

  async operand(arg: string): Promise<void> {
    const { ctx, cfg } = this.run;
    if (arg === '-') {
      await this.desc(0, cfg.label, true, undefined);
      return;
    }
    let fd: number;
    try {
      fd = await ctx.sys.open(arg, { read: true });
    } catch (e) {
      await this.error(e, arg);
      return;
    }
    await this.desc(fd, arg, true, arg);
  }

  private async desc(fd: number, name: string, commandLine: boolean, path: string | undefined): Promise<void> {
    const { ctx, cfg } = this.run;
    const close = (): void => {
      if (fd !== 0) ctx.sys.close(fd);
    };
    let st: Stat;
    try {
      st = ctx.sys.fstat(fd);
    } catch (e) {
      close();
      await this.error(e, name);
      return;
    }
    const isDir = st.kind === 'dir';
    if (fd !== 0 && commandLine && cfg.devices === 'skip' && isDevice(st)) return close();
    if (fd !== 0 && commandLine && (isDir ? !(cfg.directories === 'recurse' && this.omitDotSlash) && (cfg.directories === 'skip' || this.excluded(name, true, true)) : this.excluded(name, false, true))) {
      return close();
    }
    if (this.outFile < 0) this.outFile = isDir ? 1 : 0;
    if (fd !== 0 && cfg.directories === 'recurse' && isDir && path !== undefined) {
      close();
      // fts trims two or more trailing slashes of an operand to one
      await this.walk(path, name.length > 2 ? name.replace(/(?<=\/)\/+$/, '') : name, [st]);
      return;
    }
    if (fd !== 0 && ((cfg.directories === 'skip' && isDir) || ((cfg.devices === 'skip' || (cfg.devices === 'cmdline' && !commandLine)) && isDevice(st)))) return close();
    if (!this.run.outQuiet && cfg.list === 'none' && (cfg.maxCount < 0 || cfg.maxCount > 1) && st.kind === 'file' && this.outStat && st.dev === this.outStat.dev && st.ino === this.outStat.ino) {
      if (!cfg.suppress) await ctx.error(`${name}: input file is also the output`);
      this.errseen = true;
      return close();
    }
    await this.scan(fd, name, st);
    close();
  }

  private async scan(fd: number, name: string, st: Stat): Promise<void> {
    const { ctx, cfg, out } = this.run;
    const binName = utf8ToBin(name);
    const scan = new Scan(this.run, binName, this.outFile > 0, st.kind === 'file' ? st.size : undefined);
    let nlines = 0;
    try {
      const r = await scan.search(fd);
      nlines = r.nlines;
      // -q and -l/-L exit on the first match without putting the offset back (grep.c)
      if (r.stopAt !== undefined && st.kind === 'file' && !cfg.quiet && cfg.list === 'none') ctx.sys.lseek(fd, r.stopAt, 'set');
    } catch (e) {
      if (!(e instanceof ReadFailure)) throw e;
      await this.error(e.error, name);
    }
    const colors = this.run.colors;
    const fname = colors && colors.fn ? `\x1b[${colors.fn}m${colors.ne ? '' : '\x1b[K'}${binName}\x1b[m${colors.ne ? '' : '\x1b[K'}` : binName;
    if (cfg.count) {
      let line = '';
      if (this.outFile > 0) line += cfg.nullAfterName ? `${fname}\0` : `${fname}${colors && colors.se ? `\x1b[${colors.se}m${colors.ne ? '' : '\x1b[K'}:\x1b[m${colors.ne ? '' : '\x1b[K'}` : ':'}`;
      await out.write(`${line}${nlines}\n`);
    }
    if (nlines > 0) this.status = 0;
    if ((cfg.list === 'matching' && nlines > 0) || (cfg.list === 'nonmatching' && nlines === 0)) {
      await out.write(`${fname}${cfg.nullAfterName ? '\0' : '\n'}`);
    }
    if (cfg.lineBuffered) await out.flush();
    if (nlines > 0 && cfg.quiet) throw new QuitNow();
  }

  private async walk(path: string, display: string, ancestors: Stat[]): Promise<void> {
    const { ctx, cfg } = this.run;
    let names: string[];
    try {
      names = await ctx.sys.readdir(path);
    } catch (e) {
      await this.error(e, display);
      return;
    }
    for (const entry of names) {
      await ctx.tick();
      const child = path.endsWith('/') ? `${path}${entry}` : `${path}/${entry}`;
      let shown = display.endsWith('/') ? `${display}${entry}` : `${display}/${entry}`;
      if (this.omitDotSlash && shown.startsWith('./')) shown = shown.slice(2);
      let st: Stat;
      try {
        st = cfg.dereference ? await ctx.sys.stat(child) : await ctx.sys.lstat(child);
      } catch (e) {
        // what fts could not stat is no directory to grep: --include/--exclude decide on it
        // before its error is told, --exclude-dir does not
        if (this.excluded(entry, false, false)) continue;
        if (cfg.dereference && isSysError(e) && e.errno === 'ENOENT') {
          await this.error(new SysError('ENOENT', 'open', child), shown);
          continue;
        }
        await this.error(e, shown);
        continue;
      }
      if (st.kind === 'symlink') continue;
      const isDir = st.kind === 'dir';
      if (this.excluded(entry, isDir, false)) continue;
      if (isDir) {
        if (ancestors.some((a) => a.dev === st.dev && a.ino === st.ino)) {
          if (!cfg.suppress) await ctx.error(`${shown}: warning: recursive directory loop`);
          continue;
        }
        await this.walk(child, shown, [...ancestors, st]);
        continue;
      }
      if (isDevice(st) && cfg.devices !== 'read') continue;
      let fd: number;
      try {
        fd = await ctx.sys.open(child, { read: true, noFollow: !cfg.dereference });
      } catch (e) {
        await this.error(e, shown);
        continue;
      }
      await this.desc(fd, shown, false, child);
    }
  }
}

export { binToUtf8 };
