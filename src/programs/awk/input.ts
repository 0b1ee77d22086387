// The main input: ARGV's operands in order (read when reached, so the program may change
// ARGV), `var=value` assignments among them, `-` for stdin, stdin when there are no files.
import { isSysError, strerror } from '../../shared/errno';
import { G } from './ast';
import { AwkFatal } from './errors';
import { rsInfo } from './eval';
import { unescape } from './lexer';
import type { Rec, RecordReader } from './records';
import type { Runtime } from './runtime';
import type { Value } from './values';

const ASSIGN_RE = /^((?:[A-Za-z_][A-Za-z0-9_]*::)?[A-Za-z_][A-Za-z0-9_]*)=/;

/** Applies a command-line `var=value` (-v or an operand): escapes processed, a strnum. */
export function commandLineAssign(rt: Runtime, text: string): boolean {
  const m = ASSIGN_RE.exec(text);
  if (!m) return false;
  const name = m[1]!.replace(/^awk::/, '');
  const slot = rt.prog.globals.indexOf(name);
  if (rt.prog.funcs.has(name)) throw new AwkFatal(`cannot use function \`${name}' as variable name`);
  const raw = unescape(text.slice(m[0].length), (w) => rt.pending.push(`${rt.name}: warning: ${w}\n`));
  const value: Value = rt.input(raw);
  rt.cmdVars.set(name, value);
  if (slot < 0) return true;
  rt.set({ name, local: false, slot }, value);
  return true;
}

export interface FileHooks {
  beginFile(): Promise<void>;
  endFile(): Promise<void>;
  /** The program has BEGINFILE rules (they see files that cannot be opened). */
  readonly hasBeginFile: boolean;
  readonly hasEndFile: boolean;
}

export class MainInput {
  private argi = 1;
  private reader: RecordReader | undefined;
  private sawFile = false;
  private skipRest = false;

  constructor(
    private readonly rt: Runtime,
    private readonly hooks: FileHooks,
  ) {}

  /** The next record of the main input, or null at the end of the last file. */
  async next(): Promise<Rec | null | 'error'> {
    for (;;) {
      if (this.reader) {
        let r: Rec | null;
        let failed = false;
        try {
          const { rs, re } = rsInfo(this.rt);
          r = this.skipRest ? null : await this.reader.read(rs, re);
        } catch (e) {
          if (!isSysError(e)) throw e;
          // gawk: fatal, unless an ENDFILE rule is there to look at ERRNO
          if (!this.hooks.hasEndFile) throw new AwkFatal(`error reading input file \`${this.rt.str(this.rt.globals[G.FILENAME]!.v)}': ${strerror(e.errno)}`);
          this.rt.globals[G.ERRNO]!.v = strerror(e.errno);
          r = null;
          failed = true;
        }
        if (r) return r;
        await this.closeCurrent();
        // ENDFILE has seen the error; the next file starts with a clear ERRNO
        if (failed) this.rt.globals[G.ERRNO]!.v = '';
      }
      if (!(await this.openNext())) return null;
    }
  }

  /** nextfile: the rest of this file is skipped. */
  skipFile(): void {
    this.skipRest = true;
  }

  private async closeCurrent(): Promise<void> {
    const reader = this.reader;
    this.reader = undefined;
    this.skipRest = false;
    if (reader && reader.fd !== 0) this.rt.ctx.sys.close(reader.fd);
    await this.hooks.endFile();
  }

  private async openNext(): Promise<boolean> {
    const rt = this.rt;
    for (;;) {
      const argc = rt.num(rt.globals[G.ARGC]!.v);
      if (this.argi >= argc) break;
      const argv = rt.globals[G.ARGV]!.a;
      const v = argv?.get(String(this.argi));
      this.argi++;
      if (v === undefined) continue;
      const arg = rt.str(v);
      if (arg === '') continue;
      if (commandLineAssign(rt, arg)) continue;
      this.sawFile = true;
      rt.globals[G.FNR]!.v = 0;
      rt.globals[G.ARGIND]!.v = this.argi - 1;
      if (arg === '-' || arg === '/dev/stdin') {
        this.reader = rt.io.stdin();
      } else {
        let fd: number;
        try {
          fd = await rt.ctx.sys.open(rt.codec.toHost(arg), { read: true });
        } catch (e) {
          if (!isSysError(e)) throw e;
          const message = `cannot open file \`${arg}' for reading: ${strerror(e.errno)}`;
          // With BEGINFILE rules, they run first with ERRNO set; a `nextfile` there skips the file.
          if (!this.hooks.hasBeginFile) throw new AwkFatal(message);
          rt.globals[G.FILENAME]!.v = arg;
          rt.setErrno(e.errno);
          await this.hooks.beginFile();
          rt.globals[G.ERRNO]!.v = '';
          if (this.skipRest) {
            this.skipRest = false;
            continue;
          }
          throw new AwkFatal(message);
        }
        if (rt.ctx.sys.fstat(fd).kind === 'dir') {
          rt.ctx.sys.close(fd);
          rt.setErrno('EISDIR');
          // BEGINFILE rules see it (ERRNO says why) before it is skipped
          if (this.hooks.hasBeginFile) {
            rt.globals[G.FILENAME]!.v = arg;
            await this.hooks.beginFile();
            if (this.skipRest) {
              this.skipRest = false;
              continue;
            }
          }
          await rt.warn(`command line argument \`${arg}' is a directory: skipped`);
          continue;
        }
        rt.ctx.sys.setCloexec(fd, true);
        this.reader = rt.io.reader(fd);
      }
      rt.setErrno(undefined);
      rt.globals[G.FILENAME]!.v = arg;
      await this.hooks.beginFile();
      return true;
    }
    if (this.sawFile) return false;
    this.sawFile = true;
    rt.globals[G.FNR]!.v = 0;
    rt.globals[G.FILENAME]!.v = '-';
    rt.setErrno(undefined);
    this.reader = rt.io.stdin();
    await this.hooks.beginFile();
    return true;
  }
}
