// Running a compiled sed program over the input (GNU sed 4.9's execute.c): cycles, ranges,
// the append queue, hold space, s with its flags and case conversion, and q/Q/n/N/D rules.
import { binToUtf8, BinWriter, bytesToBin, readAllBin, utf8ToBin } from '../lib/binary-text';
import type { Ctx } from '../lib/context';
import type { PosixRegExp } from '../lib/posix-match';
import type { Program } from './compile';
import type { Input } from './io';
import { SedOutput } from './io';
import { EXIT_BAD_USAGE, EXIT_PANIC, listing, SedError, type Addr, type Command, type SedRegex } from './script';
import { patternLine, registers, type DebugPrinter } from './debug';
import { substitute } from './subst';

export interface ExecOptions {
  quiet: boolean;
  /** --posix or POSIXLY_CORRECT: N at the last line drops the pattern space. */
  posix: boolean;
  delim: string;
  lineWidth: number;
  /** "-e expression #N, char 0" or "file F line L" for runtime script errors. */
  errorWhere: string;
  unbuffered: boolean;
  /** --debug: the printer of the program's commands. */
  debug?: DebugPrinter;
}

type Queued = { text: string } | { file: string } | { rline: string };

export class Executor {
  out!: SedOutput;
  readonly stdout: SedOutput;
  private ps = '';
  private chomped = true;
  private hold = '';
  private holdChomped = true;
  private replaced = false;
  private lastRegex: PosixRegExp | null = null;
  private queue: Queued[] = [];
  /** Set by q/Q: the exit status. */
  quit: number | undefined;
  readonly wfiles = new Map<string, SedOutput>();
  private readonly rfiles = new Map<string, { fd: number; buf: string; eof: boolean } | null>();

  constructor(
    private readonly ctx: Ctx,
    private readonly prog: Program,
    private readonly input: Input,
    private readonly o: ExecOptions,
  ) {
    this.stdout = new SedOutput(new BinWriter(ctx.sys, 1, o.unbuffered || ctx.sys.isatty(1)), o.delim);
    this.out = this.stdout;
  }

  /** Runs every cycle; returns the exit status from q/Q, or undefined at end of input. */
  async run(): Promise<number | undefined> {
    for (let n = 0; ; n++) {
      if ((n & 63) === 0) {
        await this.ctx.tick();
        if (this.stdout.w.broken) return undefined;
      }
      if (this.queue.length > 0) await this.dumpAppend();
      this.replaced = false;
      const line = this.input.readSync() ?? (await this.input.read());
      if (!line) break;
      this.ps = line.text;
      this.chomped = line.chomped;
      if (this.o.debug) {
        const name = this.input.readingStdin ? 'STDIN' : utf8ToBin(this.input.fileName);
        await this.debug(`INPUT:   '${name}' line ${this.input.lineNo}\n${patternLine('PATTERN', this.ps)}`);
      }
      const r = await this.execute();
      if (r === 'quit-silent') return this.quit;
      if (r !== 'delete' && !this.o.quiet) {
        const p = this.out.line(this.ps, this.chomped, this.o.delim);
        if (p) await p;
      }
      if (r === 'quit') {
        // q ends the output's last line even when the input's lacked a newline
        if (this.out.missingNewline) await this.out.text('');
        await this.dumpAppend();
        return this.quit;
      }
    }
    await this.dumpAppend();
    return undefined;
  }

  /** --debug output: straight to standard output, as sed's own printf. */
  private async debug(text: string): Promise<void> {
    await this.stdout.w.write(text);
  }

  private async readPatternSpace(append: boolean): Promise<boolean> {
    await this.dumpAppend();
    this.replaced = false;
    const line = this.input.readSync() ?? (await this.input.read());
    if (!line) return false;
    this.ps = append ? `${this.ps}${this.o.delim}${line.text}` : line.text;
    this.chomped = line.chomped;
    return true;
  }

  /** i and c end their text with the line delimiter (a NUL under -z); a keeps its newline. */
  private delimited(text: string): string {
    return this.o.delim !== '\n' && text.endsWith('\n') ? text.slice(0, -1) + this.o.delim : text;
  }

  private async dumpAppend(): Promise<void> {
    const q = this.queue;
    this.queue = [];
    for (const item of q) {
      if ('text' in item) await this.out.text(item.text);
      else if ('rline' in item) await this.out.text(item.rline);
      else {
        const data = await this.slurp(item.file);
        if (data) await this.out.text(data);
      }
    }
  }

  private async slurp(name: string): Promise<string | undefined> {
    const sys = this.ctx.sys;
    try {
      if (name === '/dev/stdin') return await readAllBin(sys, 0, () => this.ctx.tick());
      const fd = await sys.open(binToUtf8(name), { read: true });
      try {
        return await readAllBin(sys, fd, () => this.ctx.tick());
      } finally {
        sys.close(fd);
      }
    } catch {
      return undefined;
    }
  }

  private async rline(name: string): Promise<string | undefined> {
    let r = this.rfiles.get(name);
    if (r === undefined) {
      try {
        const fd = name === '/dev/stdin' ? 0 : await this.ctx.sys.open(binToUtf8(name), { read: true });
        r = { fd, buf: '', eof: false };
      } catch {
        r = null;
      }
      this.rfiles.set(name, r);
    }
    if (!r) return undefined;
    for (;;) {
      const at = r.buf.indexOf(this.o.delim);
      if (at >= 0) {
        const line = r.buf.slice(0, at + 1);
        r.buf = r.buf.slice(at + 1);
        return line;
      }
      const chunk = r.eof ? null : await this.ctx.sys.read(r.fd, 65536);
      if (chunk === null) {
        r.eof = true;
        const rest = r.buf;
        r.buf = '';
        return rest || undefined;
      }
      r.buf += bytesToBin(chunk);
    }
  }

  private regex(r: SedRegex): PosixRegExp {
    const re = r.re ?? this.lastRegex;
    if (!re) throw new SedError(`${this.o.errorWhere}: no previous regular expression`, EXIT_BAD_USAGE);
    this.lastRegex = re;
    return re;
  }

  private matchOne(a: Addr): boolean | Promise<boolean> {
    const l = this.input.lineNo;
    switch (a.kind) {
      case 'num': return l === a.n1;
      case 'mod': return l >= a.n1 && (l - a.n1) % a.n2 === 0;
      case 'last': return this.input.isLastSync() ?? this.input.isLast();
      case 'regex': return this.regex(a.regex!).test(this.ps, 0);
      default: return false;
    }
  }

  private async selected(c: Command): Promise<boolean> {
    if (!c.a1) return true;
    const l = this.input.lineNo;
    if (c.range === 'active') {
      const a2 = c.a2!;
      if (a2.kind === 'num' || a2.kind === 'plus' || a2.kind === 'tilde') {
        if (l >= c.rangeEnd) c.range = 'inactive';
        return l <= c.rangeEnd;
      }
      if (await this.matchOne(a2)) c.range = 'inactive';
      return true;
    }
    if (!(await this.matchOne(c.a1))) return false;
    const a2 = c.a2;
    if (!a2) return true;
    switch (a2.kind) {
      case 'num':
        if (a2.n1 <= l) return true;
        c.rangeEnd = a2.n1;
        break;
      case 'plus':
        if (a2.n1 === 0) return true;
        c.rangeEnd = l + a2.n1;
        break;
      case 'tilde':
        if (a2.n1 === 0) return true;
        c.rangeEnd = (Math.floor(l / a2.n1) + 1) * a2.n1;
        break;
      default:
        break;
    }
    c.range = 'active';
    return true;
  }

  private async execute(): Promise<'end' | 'quit' | 'quit-silent' | 'delete'> {
    const cmds = this.prog.cmds;
    let i = 0;
    const dbg = this.o.debug;
    let steps = 0;
    while (i < cmds.length) {
      // a script that loops within one cycle (:a;p;ba) still lets the others run, and a
      // signal (SIGPIPE once its reader is gone, Ctrl-C) end it
      if ((++steps & 4095) === 0) {
        await this.ctx.tick();
        if (this.stdout.w.broken) return 'quit-silent';
      }
      const c = cmds[i]!;
      if (dbg) await this.debug(`COMMAND: ${dbg.command(c)}`);
      const sel = (!c.a1 || (c.range === 'inactive' && !c.a2 && c.a1.kind !== 'last' ? this.matchOne(c.a1) as boolean : await this.selected(c))) !== c.bang;
      if (!sel) {
        i++;
        continue;
      }
      switch (c.cmd) {
        case '{':
          i = c.jump;
          continue;
        case '}': case ':':
          break;
        case '=':
          await this.out.text(`${this.input.lineNo}${this.o.delim}`);
          break;
        case 'a':
          this.queue.push({ text: c.text });
          break;
        case 'i':
          await this.out.text(this.delimited(c.text));
          break;
        case 'c':
          if (c.range !== 'active') await this.out.text(this.delimited(c.text));
          if (dbg) await this.debug('END-OF-CYCLE:\n');
          return 'delete';
        case 'd':
          if (dbg) await this.debug('END-OF-CYCLE:\n');
          return 'delete';
        case 'D': {
          const at = this.ps.indexOf(this.o.delim);
          if (at < 0) return 'delete';
          this.ps = this.ps.slice(at + 1);
          i = 0;
          if (dbg) await this.debug(patternLine('PATTERN', this.ps));
          continue;
        }
        case 'b':
          i = c.jump;
          continue;
        case 't':
          if (this.replaced) {
            this.replaced = false;
            i = c.jump;
            continue;
          }
          break;
        case 'T':
          if (!this.replaced) {
            i = c.jump;
            continue;
          }
          this.replaced = false;
          break;
        case 'e':
          await this.runE(c);
          break;
        case 'F':
          await this.out.text(`${utf8ToBin(this.input.fileName)}${this.o.delim}`);
          break;
        // the spaces carry their "ended with a newline" flag along (GNU's struct line)
        case 'g': this.ps = this.hold; this.chomped = this.holdChomped; if (dbg) await this.debug(patternLine('HOLD', this.hold)); break;
        case 'G': this.ps += this.o.delim + this.hold; this.chomped = this.holdChomped; if (dbg) await this.debug(patternLine('PATTERN', this.ps)); break;
        case 'h': this.hold = this.ps; this.holdChomped = this.chomped; if (dbg) await this.debug(patternLine('HOLD', this.hold)); break;
        case 'H': this.hold += this.o.delim + this.ps; this.holdChomped = this.chomped; if (dbg) await this.debug(patternLine('HOLD', this.hold)); break;
        case 'x':
          [this.ps, this.hold] = [this.hold, this.ps];
          [this.chomped, this.holdChomped] = [this.holdChomped, this.chomped];
          if (dbg) await this.debug(patternLine('PATTERN', this.ps) + patternLine('HOLD', this.hold));
          break;
        case 'z': this.ps = ''; if (dbg) await this.debug(patternLine('PATTERN', this.ps)); break;
        case 'l':
          await this.out.text(listing(this.ps, c.intArg >= 0 ? c.intArg : this.o.lineWidth, this.o.delim));
          break;
        case 'L':
          throw new SedError('INTERNAL ERROR: Bad cmd L', EXIT_PANIC);
        case 'n':
          if (await this.input.isLast()) {
            if (!dbg) return 'end';
            // sed prints the pattern space before it finds the input at its end
            if (!this.o.quiet) await this.out.line(this.ps, this.chomped, this.o.delim);
            await this.debug('END-OF-CYCLE:\n');
            return 'delete';
          }
          if (!this.o.quiet) await this.out.line(this.ps, this.chomped, this.o.delim);
          if (!(await this.readPatternSpace(false))) return 'end';
          if (dbg) await this.debug(patternLine('PATTERN', this.ps));
          break;
        case 'N':
          if ((await this.input.isLast()) || !(await this.readPatternSpace(true))) {
            if (dbg) await this.debug('END-OF-CYCLE:\n');
            if (this.o.posix) return 'delete';
            return 'end';
          }
          if (dbg) await this.debug(patternLine('PATTERN', this.ps));
          break;
        case 'p': {
          const p = this.out.line(this.ps, this.chomped, this.o.delim);
          if (p) await p;
          break;
        }
        case 'P': {
          const at = this.ps.indexOf(this.o.delim);
          await this.out.line(at < 0 ? this.ps : this.ps.slice(0, at), at >= 0 || this.chomped, this.o.delim);
          break;
        }
        case 'q':
          this.quit = c.intArg >= 0 ? c.intArg : 0;
          return 'quit';
        case 'Q':
          this.quit = c.intArg >= 0 ? c.intArg : 0;
          return 'quit-silent';
        case 'r':
          this.queue.push({ file: c.fname });
          break;
        case 'R': {
          const line = await this.rline(c.fname);
          if (line !== undefined) this.queue.push({ rline: line });
          break;
        }
        case 's': {
          const sub = c.subst!;
          if (dbg) {
            const first = this.regex(sub.regex).exec(this.ps, 0, true);
            if (first) await this.debug(registers(this.ps, first));
          }
          const result = substitute(this.ps, this.regex(sub.regex), sub);
          if (result !== undefined) {
            this.ps = result;
            this.replaced = true;
            if (sub.print || sub.eval || sub.outf) await this.afterSubstitute(c);
          }
          if (dbg) await this.debug(patternLine('PATTERN', this.ps));
          break;
        }
        case 'w':
          await this.wfile(c.fname).line(this.ps, this.chomped, this.o.delim);
          break;
        case 'W': {
          const at = this.ps.indexOf(this.o.delim);
          await this.wfile(c.fname).line(at < 0 ? this.ps : this.ps.slice(0, at), at >= 0 || this.chomped, this.o.delim);
          break;
        }
        case 'y':
          this.ps = this.ps.replace(/[\s\S]/g, (ch) => c.ymap![ch.charCodeAt(0)]!);
          if (dbg) await this.debug(patternLine('PATTERN', this.ps));
          break;
      }
      i++;
    }
    if (dbg) await this.debug('END-OF-CYCLE:\n');
    return 'end';
  }

  wfile(name: string): SedOutput {
    if (name === '/dev/stdout') return this.stdout;
    return this.wfiles.get(name)!;
  }

  /** s///p, s///e and s///w after a substitution. */
  private async afterSubstitute(c: Command): Promise<void> {
    const sub = c.subst!;
    if (sub.print & 1) await this.out.line(this.ps, this.chomped, this.o.delim);
    if (sub.eval) {
      await this.out.w.flush();
      this.ps = (await this.shell(this.ps)).replace(/\n$/, '');
    }
    if (sub.print & 2) await this.out.line(this.ps, this.chomped, this.o.delim);
    if (sub.outf) await this.wfile(sub.outf).line(this.ps, this.chomped, this.o.delim);
  }

  private async runE(c: Command): Promise<void> {
    await this.out.w.flush();
    if (c.text) {
      const output = await this.shell(c.text);
      await this.out.text(output);
    } else this.ps = (await this.shell(this.ps)).replace(/\n$/, '');
  }

  /** Runs a command with /bin/sh and returns what it wrote to standard output. */
  private async shell(command: string): Promise<string> {
    const sys = this.ctx.sys;
    const [r, w] = sys.pipe();
    let pid: number;
    try {
      pid = await sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', binToUtf8(command)], env: new Map(this.ctx.env), fds: new Map([[0, 0], [1, w], [2, 2]]) });
    } finally {
      sys.close(w);
    }
    const text = await readAllBin(sys, r, () => this.ctx.tick());
    sys.close(r);
    await sys.wait(pid);
    return text;
  }
}

