// The dc language: a stack of numbers and strings, 256 registers (each itself a stack, with
// an array beside each value), macros run with x and the comparison commands, and the
// input/output bases and scale. Errors print `dc: ...` and leave the stack as it was.
import type { Ctx } from '../lib/context';
import * as N from './num';

export type Value = N.Num | string;

interface RegEntry {
  value: Value;
  array: Map<number, Value>;
}

const isNum = (v: Value): v is N.Num => typeof v !== 'string';

/** Thrown by q at the top level: dc exits. */
export class Quit {
  constructor(readonly status: number) {}
}

export class Dc {
  stack: Value[] = [];
  regs = new Map<number, RegEntry[]>();
  ibase = 10;
  obase = 10;
  scale = 0;
  /** Set while the program text comes from -e (q then exits 0). */
  fromExpression = false;
  /** Set while the program text is standard input (which ? then reads from too). */
  programFromStdin = false;
  /** Lines for ? when reading from stdin: the rest of the current input. */
  readLine: () => Promise<string | null> = async () => null;

  constructor(private readonly ctx: Ctx) {}

  private async err(msg: string): Promise<void> {
    await this.ctx.out.flush();
    await this.ctx.err.write(`dc: ${msg}\n`);
  }

  private async warn(msg: string): Promise<void> {
    await this.ctx.out.flush();
    await this.ctx.err.write(`Runtime warning: ${msg}\n`);
  }

  private lineLen(): number {
    const v = Number(this.ctx.env.get('DC_LINE_LENGTH'));
    return Number.isInteger(v) && v > 1 ? v : 70;
  }

  private wrap(text: string): string {
    const max = this.lineLen() - 1;
    let out = '';
    let col = 0;
    for (const ch of text) {
      if (col === max) {
        out += '\\\n';
        col = 0;
      }
      out += ch;
      col++;
    }
    return out;
  }

  private show(v: Value): string {
    return isNum(v) ? this.wrap(N.format(v, this.obase)) : v;
  }

  private reg(c: number): RegEntry[] {
    let r = this.regs.get(c);
    if (!r) this.regs.set(c, (r = []));
    return r;
  }

  private regName(c: number): string {
    return `'${String.fromCharCode(c)}' (0${c.toString(8)})`;
  }

  /** Pops n values (top last in the array), or reports "stack empty" and returns undefined. */
  private async pop(n: number): Promise<Value[] | undefined> {
    if (this.stack.length < n) {
      await this.err('stack empty');
      return undefined;
    }
    return this.stack.splice(this.stack.length - n, n);
  }

  private async popNums(n: number): Promise<N.Num[] | undefined> {
    const vs = await this.pop(n);
    if (!vs) return undefined;
    if (!vs.every(isNum)) {
      this.stack.push(...vs);
      await this.err('non-numeric value');
      return undefined;
    }
    return vs as N.Num[];
  }

  private async binary(op: string): Promise<void> {
    const vs = await this.popNums(2);
    if (!vs) return;
    const [a, b] = vs as [N.Num, N.Num];
    const k = this.scale;
    const restore = async (msg: string): Promise<void> => {
      this.stack.push(a, b);
      await this.err(msg);
    };
    switch (op) {
      case '+': this.stack.push(N.add(a, b)); break;
      case '-': this.stack.push(N.sub(a, b)); break;
      case '*': this.stack.push(N.mul(a, b, k)); break;
      case '/':
        if (N.isZero(b)) return restore('divide by zero');
        this.stack.push(N.div(a, b, k));
        break;
      case '%':
        if (N.isZero(b)) return restore('remainder by zero');
        this.stack.push(N.mod(a, b, k));
        break;
      case '~':
        if (N.isZero(b)) return restore('divide by zero');
        this.stack.push(N.div(a, b, k), N.mod(a, b, k));
        break;
      case '^':
        if (b.s > 0 && b.n % 10n ** BigInt(b.s) !== 0n) await this.warn('non-zero scale in exponent');
        try {
          this.stack.push(N.pow(a, b, k));
        } catch (e) {
          if (!(e instanceof N.BcError)) throw e;
          return restore(e.message);
        }
        break;
    }
  }

  private async modexp(): Promise<void> {
    const vs = await this.popNums(3);
    if (!vs) return;
    const [base, exp, m] = vs as [N.Num, N.Num, N.Num];
    if (N.isZero(m)) {
      this.stack.push(base, exp, m);
      await this.err('remainder by zero');
      return;
    }
    // (bc_raisemod refuses it, and dc puts the operands back without a word)
    if (exp.n < 0n) {
      this.stack.push(base, exp, m);
      return;
    }
    const k = this.scale;
    if (base.s > 0) await this.warn('non-zero scale in base');
    if (exp.s > 0) await this.warn('non-zero scale in exponent');
    if (m.s > 0) await this.warn('non-zero scale in modulus');
    let p: N.Num = base;
    let e = N.trunc(exp);
    let t: N.Num = N.num(1n);
    while (e !== 0n) {
      if (e % 2n === 1n) t = N.mod(N.mul(t, p, k), m, k);
      p = N.mod(N.mul(p, p, k), m, k);
      e /= 2n;
    }
    this.stack.push(t);
  }

  /** Runs program text; returns how many more macro levels to leave (q, Q). */
  async run(text: string, depth = 0): Promise<number> {
    let i = 0;
    const n = text.length;
    const code = (j: number): number => text.charCodeAt(j);
    while (i < n) {
      const c = text[i]!;
      if ((i & 255) === 0) await this.ctx.tick();
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        i++;
        continue;
      }
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || c === '.' || c === '_') {
        const neg = c === '_';
        let j = neg ? i + 1 : i;
        let dot = false;
        const start = j;
        while (j < n) {
          const d = text[j]!;
          if ((d >= '0' && d <= '9') || (d >= 'A' && d <= 'F')) j++;
          else if (d === '.' && !dot) {
            dot = true;
            j++;
          } else break;
        }
        const tok = text.slice(start, j);
        this.stack.push(N.parse(tok === '' || tok === '.' ? '0' : tok, this.ibase, neg));
        i = j;
        continue;
      }
      i++;
      switch (c) {
        case '[': {
          let level = 1;
          let j = i;
          while (j < n) {
            if (text[j] === '[') level++;
            else if (text[j] === ']' && --level === 0) break;
            j++;
          }
          this.stack.push(text.slice(i, j));
          i = j + 1;
          break;
        }
        case '#': {
          const nl = text.indexOf('\n', i);
          i = nl < 0 ? n : nl + 1;
          break;
        }
        case 'p': {
          const top = this.stack[this.stack.length - 1];
          if (top === undefined) await this.err('stack empty');
          else await this.ctx.print(`${this.show(top)}\n`);
          break;
        }
        case 'n': {
          const vs = await this.pop(1);
          if (vs) await this.ctx.print(this.show(vs[0]!));
          break;
        }
        case 'P': {
          const vs = await this.pop(1);
          if (!vs) break;
          const v = vs[0]!;
          if (isNum(v)) {
            await this.ctx.out.flush();
            await this.ctx.sys.write(1, N.toBytes(v));
          } else await this.ctx.print(v);
          break;
        }
        case 'f':
          for (let j = this.stack.length - 1; j >= 0; j--) await this.ctx.print(`${this.show(this.stack[j]!)}\n`);
          break;
        case '+': case '-': case '*': case '/': case '%': case '~': case '^':
          await this.binary(c);
          break;
        case '|':
          await this.modexp();
          break;
        case 'v': {
          const vs = await this.pop(1);
          if (!vs) break;
          if (!isNum(vs[0]!)) await this.err('square root of nonnumeric attempted');
          else if (vs[0]!.n < 0n) await this.err('square root of negative number');
          else this.stack.push(N.sqrt(vs[0] as N.Num, this.scale));
          break;
        }
        case 'd': {
          const top = this.stack[this.stack.length - 1];
          if (top === undefined) await this.err('stack empty');
          else this.stack.push(top);
          break;
        }
        case 'r': {
          const vs = await this.pop(2);
          if (vs) this.stack.push(vs[1]!, vs[0]!);
          break;
        }
        case 'c':
          this.stack = [];
          break;
        case 'R': {
          // rotate the top n values: the deepest moves to the top (n < 0: the other way)
          const vs = await this.popNums(1);
          if (!vs) break;
          const k = Number(N.trunc(vs[0]!));
          const count = Math.min(Math.abs(k), this.stack.length);
          if (count < 2) break;
          const group = this.stack.splice(this.stack.length - count, count);
          if (k > 0) group.push(group.shift()!);
          else group.unshift(group.pop()!);
          this.stack.push(...group);
          break;
        }
        case 'z':
          this.stack.push(N.num(BigInt(this.stack.length)));
          break;
        case 'Z': {
          const vs = await this.pop(1);
          if (vs) this.stack.push(N.num(BigInt(isNum(vs[0]!) ? N.length(vs[0]!) : vs[0]!.length)));
          break;
        }
        case 'X': {
          const vs = await this.pop(1);
          if (vs) this.stack.push(N.num(BigInt(isNum(vs[0]!) ? vs[0]!.s : 0)));
          break;
        }
        case 'i': case 'o': case 'k': {
          const vs = await this.pop(1);
          if (!vs) break;
          // a string is simply out of range
          const v = isNum(vs[0]!) ? N.trunc(vs[0]) : -1n;
          if (c === 'i') {
            if (v < 2n || v > 16n) await this.err('input base must be a number between 2 and 16 (inclusive)');
            else this.ibase = Number(v);
          } else if (c === 'o') {
            if (v < 2n) await this.err('output base must be a number greater than 1');
            else this.obase = Number(v);
          } else if (v < 0n) await this.err('scale must be a nonnegative number');
          else this.scale = Number(v);
          break;
        }
        case 'I': this.stack.push(N.num(BigInt(this.ibase))); break;
        case 'O': this.stack.push(N.num(BigInt(this.obase))); break;
        case 'K': this.stack.push(N.num(BigInt(this.scale))); break;
        case 'a': {
          const vs = await this.pop(1);
          if (!vs) break;
          const v = vs[0]!;
          this.stack.push(isNum(v) ? String.fromCharCode(Number(((N.trunc(v) % 256n) + 256n) % 256n)) : v.slice(0, 1));
          break;
        }
        case 's': case 'l': case 'S': case 'L': case ':': case ';': {
          if (i >= n) {
            await this.err('unexpected EOS');
            break;
          }
          const r = code(i++);
          await this.register(c, r);
          break;
        }
        case 'x': {
          const vs = await this.pop(1);
          if (!vs) break;
          const v = vs[0]!;
          if (isNum(v)) {
            this.stack.push(v);
            break;
          }
          const left = await this.run(v, depth + 1);
          if (left > 0) return left - 1;
          break;
        }
        case '<': case '>': case '=': case '!': {
          let op: string = c;
          if (c === '!') {
            const next = text[i];
            if (next === '<' || next === '>' || next === '=') {
              op = `!${next}`;
              i++;
            } else {
              const nl = text.indexOf('\n', i);
              const cmd = text.slice(i, nl < 0 ? n : nl);
              i = nl < 0 ? n : nl + 1;
              await this.shell(cmd);
              break;
            }
          }
          if (i >= n) {
            await this.err('unexpected EOS');
            break;
          }
          const r = code(i++);
          const vs = await this.popNums(2);
          if (!vs) break;
          const d = N.cmp(vs[1]!, vs[0]!);
          const hit = op === '<' ? d < 0 : op === '>' ? d > 0 : op === '=' ? d === 0 : op === '!<' ? d >= 0 : op === '!>' ? d <= 0 : d !== 0;
          if (!hit) break;
          // as `lr x`: an unset register gives 0, and a number is only pushed
          const top = this.reg(r).at(-1)?.value ?? N.num(0n);
          if (isNum(top)) {
            this.stack.push(top);
            break;
          }
          const left = await this.run(top, depth + 1);
          if (left > 0) return left - 1;
          break;
        }
        case '?': {
          let line: string | null;
          if (this.programFromStdin && depth === 0) {
            // stdin is the program itself: ? takes the rest of the line being read
            const nl = text.indexOf('\n', i);
            line = text.slice(i, nl < 0 ? n : nl + 1);
            i = nl < 0 ? n : nl + 1;
          } else line = await this.readLine();
          if (line !== null) {
            const left = await this.run(line, depth + 1);
            if (left > 0) return left - 1;
          }
          break;
        }
        case 'q':
          if (depth <= 1) throw new Quit(this.fromExpression ? 0 : 1);
          return 1;
        case 'Q': {
          const vs = await this.popNums(1);
          if (!vs) break;
          const v = N.trunc(vs[0]!);
          if (v < 1n) {
            await this.err('Q command requires a number >= 1');
            break;
          }
          if (v > BigInt(depth)) {
            // an -e expression counts as a level itself: leaving it ends dc
            if (this.fromExpression) throw new Quit(0);
            await this.err('Q command argument exceeded string execution depth');
            if (depth === 0) break;
            return depth - 1;
          }
          return Number(v) - 1;
        }
        default:
          // GNU dc writes only its name to stderr here; the rest goes to stdout
          await this.ctx.out.flush();
          await this.ctx.err.write('dc: ');
          await this.ctx.err.flush();
          await this.ctx.print(`${this.regName(c.charCodeAt(0))} unimplemented\n`);
      }
    }
    return 0;
  }

  private async register(c: string, r: number): Promise<void> {
    const reg = this.reg(r);
    switch (c) {
      case 's': {
        const vs = await this.pop(1);
        if (!vs) return;
        if (reg.length) reg[reg.length - 1]!.value = vs[0]!;
        else reg.push({ value: vs[0]!, array: new Map() });
        return;
      }
      case 'S': {
        const vs = await this.pop(1);
        if (vs) reg.push({ value: vs[0]!, array: new Map() });
        return;
      }
      case 'l':
        this.stack.push(reg.at(-1)?.value ?? N.num(0n));
        return;
      case 'L': {
        const e = reg.pop();
        if (!e) await this.err(`stack register ${this.regName(r)} is empty`);
        else this.stack.push(e.value);
        return;
      }
      case ':': {
        const vs = await this.pop(2);
        if (!vs) return;
        const idx = vs[1]!;
        if (!isNum(idx) || idx.n < 0n || N.trunc(idx) > 2048n * 1024n) {
          await this.err('array index must be a nonnegative integer');
          return;
        }
        if (!reg.length) reg.push({ value: N.num(0n), array: new Map() });
        reg[reg.length - 1]!.array.set(Number(N.trunc(idx)), vs[0]!);
        return;
      }
      case ';': {
        const vs = await this.pop(1);
        if (!vs) return;
        const idx = vs[0]!;
        if (!isNum(idx) || idx.n < 0n) {
          await this.err('array index must be a nonnegative integer');
          return;
        }
        this.stack.push(reg.at(-1)?.array.get(Number(N.trunc(idx))) ?? N.num(0n));
        return;
      }
    }
  }

  /** `!command`: runs the rest of the line with /bin/sh. */
  private async shell(cmd: string): Promise<void> {
    await this.ctx.flush();
    try {
      const pid = await this.ctx.sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', cmd], env: new Map(this.ctx.env), fds: new Map([[0, 0], [1, 1], [2, 2]]) });
      await this.ctx.sys.wait(pid);
    } catch {
      // sh missing: nothing runs, as system() would fail
    }
  }
}
