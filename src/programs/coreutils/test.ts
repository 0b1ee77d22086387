// /usr/bin/test and /usr/bin/[ (coreutils test.c): POSIX's rules by argument count, then
// -a/-o/!/( ) expressions; errors exit 2 with coreutils' wording (not bash's builtin).
import type { Stat } from '../../shared/stat';
import { defineProgram, type Program } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

class TestError extends Error {}

const BINOPS = new Set(['=', '!=', '==', '-nt', '-ot', '-ef', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

class Tester {
  pos = 1;
  constructor(
    private readonly ctx: Ctx,
    private readonly argv: string[],
    private readonly argc: number,
  ) {}

  private arg(i: number): string {
    return this.argv[i] ?? '';
  }

  private beyond(): never {
    throw new TestError(`missing argument after ${quote(this.argv[this.argc - 1]!)}`);
  }

  private advance(f: boolean): void {
    this.pos++;
    if (f && this.pos >= this.argc) this.beyond();
  }

  private unaryAdvance(): void {
    this.advance(true);
    this.pos++;
  }

  private findInt(s: string): bigint {
    const m = /^[ \t]*\+?(-?\d+)[ \t]*$/.exec(s);
    if (!m || /^[ \t]*\+-/.test(s)) throw new TestError(`invalid integer ${quote(s)}`);
    return BigInt(m[1]!);
  }

  private async st(path: string, follow = true): Promise<Stat | undefined> {
    try {
      return follow ? await this.ctx.sys.stat(path) : await this.ctx.sys.lstat(path);
    } catch {
      return undefined;
    }
  }

  private async binary(lIsL: boolean): Promise<boolean> {
    if (lIsL) this.advance(false);
    const op = this.pos + 1;
    let rIsL = false;
    if (op < this.argc - 2 && this.arg(op + 1) === '-l') {
      rIsL = true;
      this.advance(false);
    }
    const o = this.arg(op);
    const left = this.arg(op - 1);
    const right = this.arg(op + 1);
    if (/^-(eq|ne|lt|le|gt|ge)$/.test(o)) {
      const l = lIsL ? BigInt(left.length) : this.findInt(left);
      const r = rIsL ? BigInt(this.arg(op + 2).length) : this.findInt(right);
      this.pos += 3;
      switch (o) {
        case '-eq': return l === r;
        case '-ne': return l !== r;
        case '-lt': return l < r;
        case '-le': return l <= r;
        case '-gt': return l > r;
        default: return l >= r;
      }
    }
    if (o === '-nt' || o === '-ot' || o === '-ef') {
      this.pos += 3;
      if (lIsL || rIsL) throw new TestError(`${o} does not accept -l`);
      const a = await this.st(left);
      const b = await this.st(right);
      if (o === '-nt') return a !== undefined && (b === undefined || a.mtime > b.mtime);
      if (o === '-ot') return b !== undefined && (a === undefined || a.mtime < b.mtime);
      return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
    }
    if (o.startsWith('-')) throw new TestError(`${quote(o)}: unknown binary operator`);
    const value = o === '!=' ? this.arg(this.pos) !== this.arg(this.pos + 2) : this.arg(this.pos) === this.arg(this.pos + 2);
    this.pos += 3;
    return value;
  }

  private async unary(): Promise<boolean> {
    const op = this.arg(this.pos);
    const c = op[1]!;
    if (!'erwxNOGfdsScbpLhugktnz'.includes(c)) throw new TestError(`${quote(op)}: unary operator expected`);
    this.unaryAdvance();
    const a = this.arg(this.pos - 1);
    const sys = this.ctx.sys;
    const can = async (mode: number): Promise<boolean> => {
      try {
        await sys.access(a, mode);
        return true;
      } catch {
        return false;
      }
    };
    switch (c) {
      case 'n': return a !== '';
      case 'z': return a === '';
      case 'r': return can(4);
      case 'w': return can(2);
      case 'x': return can(1);
      case 't': {
        const fd = this.findInt(a);
        return fd >= 0n && fd <= 2147483647n && sys.isatty(Number(fd));
      }
      case 'L':
      case 'h': return (await this.st(a, false))?.kind === 'symlink';
    }
    const s = await this.st(a);
    if (!s) return false;
    switch (c) {
      case 'e': return true;
      case 'N': return s.mtime > s.atime;
      case 'O': return sys.geteuid() === s.uid;
      case 'G': return sys.getegid() === s.gid;
      case 'f': return s.kind === 'file';
      case 'd': return s.kind === 'dir';
      case 's': return s.size > 0;
      case 'S': return s.kind === 'socket';
      case 'c': return s.kind === 'chardev';
      case 'b': return s.kind === 'blockdev';
      case 'p': return s.kind === 'fifo';
      case 'u': return (s.mode & 0o4000) !== 0;
      case 'g': return (s.mode & 0o2000) !== 0;
      default: return (s.mode & 0o1000) !== 0;
    }
  }

  private async term(): Promise<boolean> {
    let negated = false;
    while (this.pos < this.argc && this.arg(this.pos) === '!') {
      this.advance(true);
      negated = !negated;
    }
    if (this.pos >= this.argc) this.beyond();
    let value: boolean;
    const a = this.arg(this.pos);
    if (a === '(') {
      this.advance(true);
      let nargs = 1;
      for (; this.pos + nargs < this.argc && this.arg(this.pos + nargs) !== ')'; nargs++) {
        if (nargs === 4) {
          nargs = this.argc - this.pos;
          break;
        }
      }
      value = await this.posixtest(nargs);
      if (this.pos >= this.argc) throw new TestError(`${quote(')')} expected`);
      if (this.arg(this.pos) !== ')') throw new TestError(`${quote(')')} expected, found ${quote(this.arg(this.pos))}`);
      this.advance(false);
    } else if (this.argc - this.pos >= 4 && a === '-l' && BINOPS.has(this.arg(this.pos + 2))) value = await this.binary(true);
    else if (this.argc - this.pos >= 3 && BINOPS.has(this.arg(this.pos + 1))) value = await this.binary(false);
    else if (a[0] === '-' && a.length === 2) value = await this.unary();
    else {
      value = a !== '';
      this.advance(false);
    }
    return negated !== value;
  }

  private async and(): Promise<boolean> {
    let value = true;
    for (;;) {
      value = (await this.term()) && value;
      if (!(this.pos < this.argc && this.arg(this.pos) === '-a')) return value;
      this.advance(false);
    }
  }

  private async or(): Promise<boolean> {
    let value = false;
    for (;;) {
      value = (await this.and()) || value;
      if (!(this.pos < this.argc && this.arg(this.pos) === '-o')) return value;
      this.advance(false);
    }
  }

  private async expr(): Promise<boolean> {
    if (this.pos >= this.argc) this.beyond();
    return this.or();
  }

  private one(): boolean {
    return this.arg(this.pos++) !== '';
  }

  private async two(): Promise<boolean> {
    const a = this.arg(this.pos);
    if (a === '!') {
      this.advance(false);
      return !this.one();
    }
    if (a[0] === '-' && a.length === 2) return this.unary();
    return this.beyond();
  }

  private async three(): Promise<boolean> {
    if (BINOPS.has(this.arg(this.pos + 1))) return this.binary(false);
    if (this.arg(this.pos) === '!') {
      this.advance(true);
      return !(await this.two());
    }
    if (this.arg(this.pos) === '(' && this.arg(this.pos + 2) === ')') {
      this.advance(false);
      const v = this.one();
      this.advance(false);
      return v;
    }
    if (this.arg(this.pos + 1) === '-a' || this.arg(this.pos + 1) === '-o') return this.expr();
    throw new TestError(`${quote(this.arg(this.pos + 1))}: binary operator expected`);
  }

  async posixtest(nargs: number): Promise<boolean> {
    switch (nargs) {
      case 1: return this.one();
      case 2: return this.two();
      case 3: return this.three();
      case 4:
        if (this.arg(this.pos) === '!') {
          this.advance(true);
          return !(await this.three());
        }
        if (this.arg(this.pos) === '(' && this.arg(this.pos + 3) === ')') {
          this.advance(false);
          const v = await this.two();
          this.advance(false);
          return v;
        }
        return this.expr();
      default: return this.expr();
    }
  }
}

const HELP = `Evaluate EXPRESSION and exit with status 0 if it is true, 1 if it is false,
2 if it is invalid. An omitted EXPRESSION is false.

${HELP_LINES}

  ( EXPRESSION ), ! EXPRESSION, EXPRESSION1 -a EXPRESSION2, EXPRESSION1 -o EXPRESSION2
  -n STRING, -z STRING, STRING1 = STRING2, STRING1 != STRING2
  INTEGER1 -eq|-ne|-lt|-le|-gt|-ge INTEGER2
  FILE1 -ef|-nt|-ot FILE2
  -b|-c|-d|-e|-f|-g|-G|-h|-L|-k|-N|-O|-p|-r|-s|-S|-t|-u|-w|-x FILE

Your shell may have its own version of test and [, which usually supersedes
the one described here.
${coreutilsHelpFooter('test')}`;

function make(name: 'test' | '['): Program {
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'coreutils',
    exitFailure: 2,
    async main(ctx, { operands }) {
      let args = operands;
      if (name === '[') {
        if (args.length === 1 && args[0] === '--help') {
          await ctx.print(`Usage: test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n  or:  [ ]\n  or:  [ OPTION\n${HELP}\n`);
          return 0;
        }
        if (args.length === 1 && args[0] === '--version') {
          await ctx.print(`${coreutilsVersion('[', ['Kevin Braunsdorf', 'Matthew Bradburn'])}\n`);
          return 0;
        }
        if (args.length < 1 || args[args.length - 1] !== ']') {
          await ctx.error(`missing ${quote(']')}`);
          return 2;
        }
        args = args.slice(0, -1);
      }
      const argv = [ctx.name, ...args];
      if (argv.length <= 1) return 1;
      const t = new Tester(ctx, argv, argv.length);
      try {
        const value = await t.posixtest(argv.length - 1);
        if (t.pos !== argv.length) throw new TestError(`extra argument ${quote(argv[t.pos]!)}`);
        return value ? 0 : 1;
      } catch (e) {
        if (!(e instanceof TestError)) throw e;
        await ctx.error(e.message);
        return 2;
      }
    },
  });
}

export const testProgram = make('test');
export const bracketProgram = make('[');
