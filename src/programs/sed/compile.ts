// Compiling sed scripts as GNU sed 4.9's compile.c does, character by character, so every
// error names the same expression and character (or file and line) as the real one.
import { PosixRegExp } from '../lib/posix-match';
import { parsePosix, RegexSyntaxError } from '../lib/posix-regex';
import { digit, EOF, parseReplacement, ScriptReader, space } from './reader';
import { escapeAt, EXIT_PANIC, regexText, SedError, type Addr, type Command, type SedRegex, type Subst } from './script';


export interface ScriptChunk {
  text: string;
  /** -f file name; undefined for -e (and the script operand). */
  file?: string;
}

export interface CompileOptions {
  extended: boolean;
  posix: boolean;
  sandbox: boolean;
}

export interface Program {
  cmds: Command[];
  /** #n on the first line of the first script. */
  quiet: boolean;
  wfiles: string[];
}


export function compileScript(chunks: ScriptChunk[], o: CompileOptions): Program {
  return new Compiler(o).run(chunks);
}

class Compiler extends ScriptReader {
  private readonly cmds: Command[] = [];
  private readonly blocks: { index: number; expr: number; line: number; file: string | undefined }[] = [];
  private readonly wfiles: string[] = [];
  private quiet = false;
  private first = true;

  constructor(private readonly o: CompileOptions) {
    super(o.sandbox);
  }

  run(chunks: ScriptChunk[]): Program {
    for (const chunk of chunks) {
      this.s = chunk.text;
      this.cur = 0;
      this.file = chunk.file;
      this.line = 1;
      if (chunk.file === undefined) this.expr++;
      if (this.pendingText) this.readText(undefined, this.inchar());
      this.compile();
      this.first = false;
    }
    if (this.blocks.length > 0) {
      const b = this.blocks[this.blocks.length - 1]!;
      this.s = '';
      this.cur = 0;
      this.expr = b.expr;
      this.line = b.line;
      this.file = b.file;
      this.bad("unmatched `{'");
    }
    const labels = new Map<string, number>();
    this.cmds.forEach((c, i) => {
      if (c.cmd === ':' && !labels.has(c.label)) labels.set(c.label, i);
    });
    for (const c of this.cmds) {
      if (!'btT'.includes(c.cmd)) continue;
      if (c.label === '') c.jump = this.cmds.length;
      else {
        const at = labels.get(c.label);
        if (at === undefined) throw new SedError(`can't find label for jump to \`${c.label}'`, EXIT_PANIC);
        c.jump = at;
      }
    }
    return { cmds: this.cmds, quiet: this.quiet, wfiles: this.wfiles };
  }

  private compileRx(pattern: string, icase: boolean, multiline: boolean, needed: number): SedRegex {
    if (pattern === '') {
      if (icase || multiline) this.bad('cannot specify modifiers on empty regexp');
      return { re: null };
    }
    try {
      const src = regexText(pattern);
      const parsed = parsePosix(src, { extended: this.o.extended, flavor: 'sed', icase, multiline, noGnuOps: this.o.posix });
      if (needed > parsed.groups) this.bad(`invalid reference \\${needed} on \`s' command's RHS`);
      return { re: new PosixRegExp(parsed, { icase, multiline }), src, icase, multiline };
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      if (e.dfa) throw new SedError(e.message, EXIT_PANIC);
      return this.bad(e.message);
    }
  }

  private address(c: number): Addr | undefined {
    if (c === 47 || c === 92) {
      if (c === 92) c = this.inchar();
      const pat = this.matchSlash(c, true);
      if (pat === undefined) this.bad('unterminated address regex');
      let icase = false;
      let multi = false;
      for (;;) {
        c = this.nonblank();
        if (c === 73 && !this.o.posix) icase = true;
        else if (c === 77 && !this.o.posix) multi = true;
        else {
          this.savchar(c);
          return { kind: 'regex', n1: 0, n2: 0, regex: this.compileRx(pat!, icase, multi, 0) };
        }
      }
    }
    if (digit(c)) {
      const a: Addr = { kind: 'num', n1: this.integer(c), n2: 0 };
      c = this.nonblank();
      if (c !== 126 || this.o.posix) this.savchar(c);
      else {
        const step = this.integer(this.nonblank());
        if (step > 0) {
          a.kind = 'mod';
          a.n2 = step;
        }
      }
      return a;
    }
    if ((c === 43 || c === 126) && !this.o.posix) return { kind: c === 43 ? 'plus' : 'tilde', n1: this.integer(this.nonblank()), n2: 0 };
    if (c === 36) return { kind: 'last', n1: 0, n2: 0 };
    return undefined;
  }

  private newCommand(): Command {
    return { bang: false, cmd: '', range: 'inactive', rangeEnd: 0, text: '', label: '', jump: -1, intArg: -1, fname: '' };
  }

  private substFlags(sub: Subst): { icase: boolean; multi: boolean } {
    let icase = false;
    let multi = false;
    for (;;) {
      const c = this.inchar();
      // --posix knows none of GNU's i I m M e flags
      if (this.o.posix && (c === 105 || c === 73 || c === 109 || c === 77 || c === 101)) this.bad("unknown option to `s'");
      switch (c) {
        case 105: case 73: icase = true; break;
        case 109: case 77: multi = true; break;
        case 101: sub.eval = true; break;
        case 112:
          if (sub.print) this.bad("multiple `p' options to `s' command");
          sub.print |= 1 << (sub.eval ? 1 : 0);
          break;
        case 103:
          if (sub.global) this.bad("multiple `g' options to `s' command");
          sub.global = true;
          break;
        case 119:
          sub.outf = this.openWrite(this.filename());
          return { icase, multi };
        case 32: case 9: break;
        case 125: case 35:
          this.savchar(c);
          return { icase, multi };
        case 10: case 59: case EOF:
          return { icase, multi };
        default:
          if (digit(c)) {
            if (sub.numb) this.bad("multiple number options to `s' command");
            sub.numb = this.integer(c);
            if (!sub.numb) this.bad("number option to `s' command may not be zero");
            break;
          }
          this.bad("unknown option to `s'");
      }
    }
  }

  private openWrite(name: string): string {
    if (name === '') this.bad('missing filename in r/R/w/W commands');
    if (!this.wfiles.includes(name)) this.wfiles.push(name);
    return name;
  }

  private compile(): void {
    for (;;) {
      let c: number;
      do c = this.inchar();
      while (c === 59 || space(c));
      if (c === EOF) return;
      const cmd = this.newCommand();
      const a1 = this.address(c);
      if (a1) {
        if (a1.kind === 'plus' || a1.kind === 'tilde') this.bad('invalid usage of +N or ~N as first address');
        cmd.a1 = a1;
        c = this.nonblank();
        if (c === 44) {
          const a2 = this.address(this.nonblank());
          if (!a2) this.bad("unexpected `,'");
          cmd.a2 = a2;
          c = this.nonblank();
        }
        if (a1.kind === 'num' && a1.n1 === 0 && (!cmd.a2 || cmd.a2.kind !== 'regex' || this.o.posix)) this.bad('invalid usage of line address 0');
        // 0,/re/: the range is open before the first line
        if (a1.kind === 'num' && a1.n1 === 0) cmd.range = 'active';
      }
      if (c === 33) {
        cmd.bang = true;
        c = this.nonblank();
        if (c === 33) this.bad("multiple `!'s");
      }
      cmd.cmd = c === EOF ? '' : String.fromCharCode(c);
      if (this.command(cmd, c)) this.cmds.push(cmd);
    }
  }

  /** Parses one command's arguments; false for commands that compile to nothing. */
  private command(cmd: Command, c: number): boolean {
    switch (cmd.cmd) {
      case '#': {
        if (cmd.a1) this.bad("comments don't accept any addresses");
        c = this.inchar();
        // GNU 4.9 takes any script that starts with #n as -n, whatever follows the n
        if (c === 110 && this.first && this.cur === 2 && (this.file !== undefined || this.expr === 1)) this.quiet = true;
        while (c !== EOF && c !== 10) c = this.inchar();
        return false;
      }
      case 'v': {
        const v = this.label();
        if (v && compareVersions(v, '4.9') > 0) this.bad('expected newer version of sed');
        return false;
      }
      case '{':
        this.blocks.push({ index: this.cmds.length, expr: this.expr, line: this.line, file: this.file });
        cmd.bang = !cmd.bang;
        return true;
      case '}': {
        const open = this.blocks.pop();
        if (!open) this.bad("unexpected `}'");
        if (cmd.a1) this.bad("`}' doesn't want any addresses");
        this.endOfCmd();
        // a block that is not run jumps to its `}' (a no-op, shown by --debug)
        this.cmds[open!.index]!.jump = this.cmds.length;
        return true;
      }
      case 'e':
        if (this.o.sandbox) this.bad('e/r/w commands disabled in sandbox mode');
        c = this.nonblank();
        if (c === EOF || c === 10) return true;
        this.savchar(c);
        this.readText(cmd, 10);
        cmd.text = cmd.text.replace(/\n$/, '');
        return true;
      case 'a': case 'i': case 'c':
        c = this.nonblank();
        if (c === EOF) this.bad("expected \\ after `a', `c' or `i'");
        if (c === 92) c = this.inchar();
        else {
          if (this.o.posix) this.bad("expected \\ after `a', `c' or `i'");
          this.savchar(c);
          c = 10;
        }
        this.readText(cmd, c);
        return true;
      case ':': {
        if (cmd.a1) this.bad(': doesn\'t want any addresses');
        const l = this.label();
        if (!l) this.bad('":" lacks a label');
        cmd.label = l;
        return true;
      }
      case 'T': case 'b': case 't':
        cmd.label = this.label();
        return true;
      case 'Q': case 'q': case 'L': case 'l':
        if ((cmd.cmd === 'q' || cmd.cmd === 'Q') && cmd.a2) this.bad('command only uses one address');
        c = this.nonblank();
        if (digit(c) && !this.o.posix) {
          cmd.intArg = this.integer(c);
          c = this.nonblank();
        }
        if (c === 125 || c === 35) this.savchar(c);
        else if (c !== EOF && c !== 10 && c !== 59) this.bad('extra characters after command');
        return true;
      case '=': case 'd': case 'D': case 'F': case 'g': case 'G': case 'h': case 'H':
      case 'n': case 'N': case 'p': case 'P': case 'z': case 'x':
        this.endOfCmd();
        return true;
      case 'r':
        cmd.fname = this.filename();
        if (!cmd.fname) this.bad('missing filename in r/R/w/W commands');
        return true;
      case 'R':
        cmd.fname = this.filename();
        if (!cmd.fname) this.bad('missing filename in r/R/w/W commands');
        return true;
      case 'W': case 'w':
        cmd.fname = this.openWrite(this.filename());
        return true;
      case 's': return this.substitute(cmd);
      case 'y': return this.translit(cmd);
      case '':
        return this.bad('missing command');
      default:
        return this.bad(`unknown command: \`${cmd.cmd}'`);
    }
  }

  private substitute(cmd: Command): boolean {
    const slash = this.inchar();
    const pat = this.matchSlash(slash, true);
    if (pat === undefined) this.bad("unterminated `s' command");
    const rep = this.matchSlash(slash, false);
    if (rep === undefined) this.bad("unterminated `s' command");
    const { parts, max } = parseReplacement(rep!);
    const sub: Subst = { regex: { re: null }, repl: parts, global: false, print: 0, numb: 0, eval: false, outf: undefined };
    const f = this.substFlags(sub);
    sub.regex = this.compileRx(pat!, f.icase, f.multi, max);
    if (sub.eval && this.o.sandbox) this.bad('e/r/w commands disabled in sandbox mode');
    cmd.subst = sub;
    return true;
  }

  private translit(cmd: Command): boolean {
    const slash = this.inchar();
    const src = this.matchSlash(slash, false);
    if (src === undefined) this.bad("unterminated `y' command");
    const dst = this.matchSlash(slash, false);
    if (dst === undefined) this.bad("unterminated `y' command");
    const a = yChars(src!);
    const b = yChars(dst!);
    if (a === undefined || b === undefined) this.bad("unterminated `y' command");
    if (a!.length !== b!.length) this.bad("strings for `y' command are different lengths");
    const map: string[] = [];
    for (let i = 0; i < 256; i++) map.push(String.fromCharCode(i));
    a!.forEach((ch, i) => {
      map[ch.charCodeAt(0)] = b![i]!;
    });
    cmd.ymap = map;
    this.endOfCmd();
    return true;
  }
}

/** y's strings: \\ is a backslash, \n a newline and the other escapes their characters. */
function yChars(s: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out.push(s[i]!);
      continue;
    }
    if (i + 1 >= s.length) return undefined;
    if (s[i + 1] === '\\') {
      out.push('\\');
      i++;
      continue;
    }
    const e = escapeAt(s, i + 1) ?? [s[i + 1]!, 1];
    out.push(e[0]);
    i += e[1];
  }
  return out;
}

/** glibc's strverscmp(3): digit runs compare by value, ones with leading zeros as fractions. */
function compareVersions(a: string, b: string): number {
  // states: 0 plain, 3 in an integer, 6 in a fraction, 9 in leading zeros; plus the class of the
  // character (0 other, 1 digit, 2 zero)
  const NEXT = [0, 3, 9, 0, 3, 3, 0, 6, 6, 0, 6, 9];
  const CMP = 2;
  const LEN = 3;
  const RESULT = [
    CMP, CMP, CMP, CMP, LEN, CMP, CMP, CMP, CMP,
    CMP, -1, -1, 1, LEN, LEN, 1, LEN, LEN,
    CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP, CMP,
    CMP, 1, 1, -1, CMP, CMP, -1, CMP, CMP,
  ];
  const at = (s: string, i: number): number => (i < s.length ? s.charCodeAt(i) : 0);
  const isDigit = (c: number): boolean => c >= 48 && c <= 57;
  const cls = (c: number): number => (c === 48 ? 2 : isDigit(c) ? 1 : 0);
  let i = 0;
  let c1 = at(a, 0);
  let c2 = at(b, 0);
  let state = cls(c1);
  while (c1 === c2) {
    if (c1 === 0) return 0;
    state = NEXT[state]!;
    i++;
    c1 = at(a, i);
    c2 = at(b, i);
    state += cls(c1);
  }
  const diff = c1 - c2;
  const r = RESULT[state * 3 + cls(c2)]!;
  if (r === CMP) return diff;
  if (r !== LEN) return r;
  // the longer run of digits after the difference is the larger number
  let j = i + 1;
  for (; isDigit(at(a, j)); j++) if (!isDigit(at(b, j))) return 1;
  return isDigit(at(b, j)) ? -1 : diff;
}
