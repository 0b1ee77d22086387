// Comparing two names: files, directories (walked with -r), or a file against a directory,
// with diff.c's messages ("Only in", "Common subdirectories", "File x is a ... while ...").
import type { SafeRegExp } from '../../lib/safe-regex';
import { isSysError, SysError } from '../../../shared/errno';
import type { Stat } from '../../../shared/stat';
import type { Ctx } from '../../lib/context';
import { writeBytes } from '../../lib/output';
import { fileTypeName } from '../../lib/yesno';
import { analyze, splitLines, type FileLines } from './analyze';
import { edScript } from './ed';
import { formatScript } from './formats';
import { DiffUsage, type DiffConfig } from './options';
import { hasRealChanges, Out, printPair, type OutputOptions } from './output';
import { sideBySide } from './side';
import type { Paint } from './colors';

interface Side {
  name: string;
  st: Stat | undefined;
  /** undefined: exists; 'none': absent (-N); an error otherwise. */
  err?: SysError | 'none';
  stdin?: boolean;
}

export class Differ {
  readonly out = new Out();
  status = 0;
  constructor(
    readonly ctx: Ctx,
    readonly cfg: DiffConfig,
    readonly excluded: ((name: string) => boolean)[],
    readonly ignoreRegex: SafeRegExp | undefined,
    readonly functionRegex: SafeRegExp | undefined,
    readonly sink?: (data: Uint8Array) => void,
    readonly paint?: Paint,
  ) {}

  async flush(): Promise<void> {
    if (!this.out.size) return;
    const data = new Uint8Array(this.out.size);
    let off = 0;
    for (const p of this.out.parts) {
      data.set(p, off);
      off += p.length;
    }
    this.out.parts = [];
    this.out.size = 0;
    if (this.sink) this.sink(data);
    else await writeBytes(this.ctx, data);
  }

  async fail(e: unknown, name: string): Promise<void> {
    await this.flush();
    await this.ctx.perror(e, name);
  }

  message(text: string): void {
    // with --sdiff-merge-assist each message starts with a space (sdiff echoes such lines)
    this.out.text(this.cfg.mergeAssist ? ` ${text}` : text);
  }

  async stat(name: string): Promise<Side> {
    if (name === '-') {
      const st = this.ctx.sys.fstat(0);
      return { name, st: { ...st, mtime: Math.floor(this.ctx.sys.now()) }, stdin: true };
    }
    try {
      return { name, st: this.cfg.noDereference ? await this.ctx.sys.lstat(name) : await this.ctx.sys.stat(name) };
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { name, st: undefined, err: e };
    }
  }

  async read(s: Side): Promise<Uint8Array> {
    if (s.err === 'none') return new Uint8Array();
    if (s.stdin) {
      // `diff - -` names one input twice: it is read once
      if (this.stdinData) return this.stdinData;
      const parts: Uint8Array[] = [];
      for (;;) {
        const c = await this.ctx.sys.read(0);
        if (c === null) break;
        parts.push(c);
      }
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let off = 0;
      for (const p of parts) {
        all.set(p, off);
        off += p.length;
      }
      this.stdinData = all;
      return all;
    }
    return this.ctx.sys.readFile(s.name);
  }

  private stdinData: Uint8Array | undefined;

  outputOptions(): OutputOptions {
    const c = this.cfg;
    const lvl = ['none', 'tab', 'trailing', 'tab-trailing', 'change', 'all'].indexOf(c.whiteSpace);
    return {
      style: c.style === 'context' || c.style === 'unified' ? c.style : 'normal',
      context: c.context, labels: c.labels, initialTab: c.initialTab, expandTabs: c.expandTabs, tabsize: c.tabsize,
      suppressBlankEmpty: c.suppressBlankEmpty, ignoreBlankLines: c.ignoreBlankLines,
      whiteSpaceSkip: !c.ignoreBlankLines || lvl < 2 ? 'none' : lvl >= 4 ? 'leading' : 'trailing',
      ignoreRegex: this.ignoreRegex,
      functionRegex: this.functionRegex,
      paint: this.paint,
    };
  }

  /** Compares two regular files' contents. */
  async files(a: Side, b: Side, banner: boolean): Promise<number> {
    let data: [Uint8Array, Uint8Array];
    try {
      data = [await this.read(a), a === b ? new Uint8Array() : await this.read(b)];
      if (a === b) data[1] = data[0];
    } catch (e) {
      await this.fail(e, isSysError(e) && e.path !== undefined ? e.path : a.name);
      return 2;
    }
    if (this.cfg.stripTrailingCr) data = data.map((d) => stripCr(d)) as [Uint8Array, Uint8Array];
    const label = (f: number): string => this.cfg.labels[f] ?? [a, b][f]!.name;
    const binary = !this.cfg.text && data.some((d) => d.subarray(0, 4096).includes(0));
    if (binary) {
      const same = data[0].length === data[1].length && data[0].every((v, i) => v === data[1][i]);
      if (same) return 0;
      this.message(this.cfg.brief ? `Files ${label(0)} and ${label(1)} differ\n` : `Binary files ${label(0)} and ${label(1)} differ\n`);
      return 1;
    }
    const lines: [FileLines, FileLines] = [splitLines(data[0]), splitLines(data[1])];
    const c = this.cfg;
    const edLike = c.style === 'ed' || c.style === 'forward-ed';
    const missing = [false, false];
    if (edLike) {
      // ed scripts have no way to say "no newline": the line is completed, and diff complains
      for (const [f, fl] of lines.entries()) {
        if (!fl.missingNewline) continue;
        missing[f] = true;
        const last = fl.lines[fl.lines.length - 1]!;
        const full = new Uint8Array(last.length + 1);
        full.set(last);
        full[last.length] = 10;
        fl.lines[fl.lines.length - 1] = full;
        fl.missingNewline = false;
      }
    }
    const analysis = analyze(lines[0], lines[1], {
      ignoreCase: c.ignoreCase, whiteSpace: c.whiteSpace, tabsize: c.tabsize, minimal: c.minimal,
      speedLargeFiles: c.speedLargeFiles, horizon: c.horizon, context: c.context,
    });
    const pair = { files: lines, names: [a.name, b.name] as [string, string], stats: [a.st, b.st] as [Stat | undefined, Stat | undefined], a: analysis };
    const oo = this.outputOptions();
    const changed = hasRealChanges(pair, oo);
    if (c.brief) {
      if (changed) this.message(`Files ${label(0)} and ${label(1)} differ\n`);
    } else if (c.style === 'ifdef') {
      if (changed || !c.silentWhenSame) formatScript(pair, c.formats!, oo, this.out);
    } else if (c.style === 'side') {
      if (changed || !c.suppressCommonLines) sideBySide(pair, c, oo, this.out, banner ? `diff${c.switchString}` : undefined);
    } else if (changed) {
      const bannerText = banner ? `diff${c.switchString}` : undefined;
      if (c.style === 'ed' || c.style === 'forward-ed' || c.style === 'rcs') {
        let begun = false;
        edScript(pair, c.style, this.out, () => {
          if (!begun && bannerText !== undefined) this.out.text(`${bannerText} ${a.name} ${b.name}\n`);
          begun = true;
        });
      } else printPair(pair, oo, this.out, bannerText);
    }
    let status = changed ? 1 : 0;
    for (const f of [0, 1]) {
      if (!missing[f]) continue;
      await this.flush();
      await this.ctx.error(`${label(f)}: No newline at end of file\n`);
      status = 2;
    }
    return status;
  }

  async compare(parent: [string, string] | undefined, n0: string | undefined, n1: string | undefined, ancestors: Stat[][]): Promise<number> {
    const c = this.cfg;
    if (!((n0 !== undefined && n1 !== undefined) || (c.unidirectionalNewFile && n1 !== undefined) || c.newFile)) {
      this.message(`Only in ${parent![n0 === undefined ? 1 : 0]}: ${n0 ?? n1}\n`);
      return 1;
    }
    const base0 = n0 ?? n1!;
    const base1 = n1 ?? n0!;
    const names = parent ? [joinName(parent[0], base0), joinName(parent[1], base1)] : [base0, base1];
    const sides: [Side, Side] = [
      n0 === undefined ? { name: names[0]!, st: undefined, err: 'none' } : await this.stat(names[0]!),
      n1 === undefined ? { name: names[1]!, st: undefined, err: 'none' } : names[1] === names[0] && n0 !== undefined ? { name: names[1]!, st: undefined } : await this.stat(names[1]!),
    ];
    if (n1 !== undefined && n0 !== undefined && names[1] === names[0]) sides[1] = { ...sides[0], name: names[1]! };
    for (let f = 0; f < 2; f++) {
      const s = sides[f]!;
      const o = sides[1 - f]!;
      if (c.newFile || (f === 0 && c.unidirectionalNewFile)) {
        const enoent = s.err instanceof SysError && (s.err.errno === 'ENOENT' || s.err.errno === 'EBADF');
        if (enoent && !parent && o.err === undefined) s.err = 'none';
        else if (s.err === undefined && s.st?.kind === 'file' && !(s.st.mode & 0o777) && s.st.size === 0) s.err = 'none';
      }
    }
    for (let f = 0; f < 2; f++) if (sides[f]!.err === 'none') sides[f]!.st = sides[1 - f]!.st ? { ...sides[1 - f]!.st!, size: 0, mtime: 0 } : undefined;
    let status = 0;
    for (const s of sides) {
      if (s.err instanceof SysError) {
        await this.fail(s.err, s.name);
        status = 2;
      }
    }
    const isDir = (s: Side): boolean => s.st?.kind === 'dir';
    if (status === 0 && !parent && isDir(sides[0]) !== isDir(sides[1])) {
      const dirArg = isDir(sides[0]) ? 0 : 1;
      const fnm = sides[1 - dirArg]!.name;
      if (fnm === '-') {
        await this.flush();
        await this.ctx.error("cannot compare '-' to a directory");
        throw new DiffUsage('');
      }
      const name = joinName(sides[dirArg]!.name, fnm.replace(/\/+$/, '').split('/').pop() ?? fnm);
      const s = await this.stat(name);
      sides[dirArg] = s;
      if (s.err instanceof SysError) {
        await this.fail(s.err, name);
        status = 2;
      }
    }
    const [s0, s1] = sides;
    if (status !== 0) {
      // nothing to compare
    } else if (s0.err === 'none' && s1.err === 'none') {
      // neither exists
    } else if (
      s0.err === undefined && s1.err === undefined && s0.st && s1.st &&
      ((s0.st.ino === s1.st.ino && s0.st.dev === s1.st.dev && !s0.stdin && !s1.stdin) || (s0.stdin && s1.stdin)) &&
      c.silentWhenSame
    ) {
      // the same file
    } else if (isDir(s0) && isDir(s1)) {
      if (c.style === 'ifdef') {
        await this.flush();
        await this.ctx.error('-D option not supported with directories');
        throw new DiffUsage('');
      }
      if (parent && !c.recursive) this.message(`Common subdirectories: ${s0.name} and ${s1.name}\n`);
      else status = await this.dirs(s0, s1, ancestors);
    } else if (isDir(s0) || isDir(s1) || (parent && !(isRegOrLink(s0.st) && isRegOrLink(s1.st)))) {
      if (s0.err === 'none' || s1.err === 'none') {
        if ((isDir(s0) || isDir(s1)) && c.recursive && (c.newFile || (c.unidirectionalNewFile && s0.err === 'none'))) status = await this.dirs(s0, s1, ancestors);
        else {
          this.message(`Only in ${parent![s0.err === 'none' ? 1 : 0]}: ${base0}\n`);
          status = 1;
        }
      } else {
        this.message(`File ${c.labels[0] ?? s0.name} is a ${fileTypeName(s0.st!.kind, s0.st!.size)} while file ${c.labels[1] ?? s1.name} is a ${fileTypeName(s1.st!.kind, s1.st!.size)}\n`);
        status = 1;
      }
    } else if ((s0.st?.kind === 'symlink' || s1.st?.kind === 'symlink') && s0.err === undefined && s1.err === undefined) {
      // --no-dereference: links compare by what they point to, as text
      if (s0.st!.kind !== s1.st!.kind) {
        this.message(`File ${c.labels[0] ?? s0.name} is a ${fileTypeName(s0.st!.kind, s0.st!.size)} while file ${c.labels[1] ?? s1.name} is a ${fileTypeName(s1.st!.kind, s1.st!.size)}\n`);
        status = 1;
      } else if ((await this.ctx.sys.readlink(s0.name)) !== (await this.ctx.sys.readlink(s1.name))) {
        this.message(`Symbolic links ${s0.name} and ${s1.name} differ\n`);
        status = 1;
      }
    } else {
      status = await this.files(s0, s1, parent !== undefined);
    }
    if (status === 0 && c.reportIdentical && !isDir(s0)) this.message(`Files ${c.labels[0] ?? s0.name} and ${c.labels[1] ?? s1.name} are identical\n`);
    return status;
  }

  async dirs(a: Side, b: Side, ancestors: Stat[][]): Promise<number> {
    const stats = [a.st, b.st];
    const loop = (f: number): boolean => ancestors.some((anc) => anc[f] && stats[f] && anc[f]!.ino === stats[f]!.ino && anc[f]!.dev === stats[f]!.dev);
    if ((a.err === 'none' || loop(0)) && (b.err === 'none' || loop(1))) {
      await this.flush();
      await this.ctx.error(`${(a.err === 'none' ? b : a).name}: recursive directory loop`);
      return 2;
    }
    const lists: string[][] = [];
    let status = 0;
    for (const s of [a, b]) {
      if (s.err === 'none') {
        lists.push([]);
        continue;
      }
      try {
        lists.push((await this.ctx.sys.readdir(s.name)).filter((n) => !this.excluded.some((m) => m(n))).sort(cmpBytes));
      } catch (e) {
        await this.fail(e, s.name);
        status = 2;
      }
    }
    if (status) return status;
    let [l0, l1] = lists as [string[], string[]];
    if (this.cfg.startingFile !== undefined && ancestors.length === 0) {
      const start = this.cfg.startingFile;
      l0 = l0.filter((n) => cmpBytes(n, start) >= 0);
      l1 = l1.filter((n) => cmpBytes(n, start) >= 0);
    }
    let i = 0;
    let j = 0;
    const chain = [...ancestors, [a.st, b.st] as Stat[]];
    while (i < l0.length || j < l1.length) {
      await this.ctx.tick();
      const order = i >= l0.length ? 1 : j >= l1.length ? -1 : cmpBytes(l0[i]!, l1[j]!);
      const v = await this.compare([a.name, b.name], order <= 0 ? l0[i] : undefined, order >= 0 ? l1[j] : undefined, chain);
      if (order <= 0) i++;
      if (order >= 0) j++;
      status = Math.max(status, v);
      if (this.out.size > 65536) await this.flush();
    }
    return status;
  }
}

function isRegOrLink(st: Stat | undefined): boolean {
  return st?.kind === 'file' || st?.kind === 'symlink';
}

function cmpBytes(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function joinName(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function stripCr(d: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) if (!(d[i] === 13 && d[i + 1] === 10)) out.push(d[i]!);
  return Uint8Array.from(out);
}

