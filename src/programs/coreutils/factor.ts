import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'factor',
  installPath: '/usr/bin/factor',
  pkg: 'coreutils',
  usage: 'factor [NUMBER]...\nfactor OPTION',
  help: `Print the prime factors of each NUMBER, or of the numbers read from standard
input when none is given.

${HELP_LINES}
${coreutilsHelpFooter('factor')}`,
  version: coreutilsVersion('factor', ['Paul Rubin', 'Torbjorn Granlund', 'Niels Moller']),
  options: [],
};

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

const WITNESSES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n];

function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of WITNESSES) if (n % p === 0n) return n === p;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  outer: for (const a of WITNESSES) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

/** Pollard-Brent rho: a non-trivial factor of the composite n. */
async function rho(ctx: Ctx, n: bigint): Promise<bigint> {
  if (n % 2n === 0n) return 2n;
  for (let c = 1n; ; c++) {
    let y = 2n;
    let x = 2n;
    let g = 1n;
    let r = 1;
    let q = 1n;
    let ys = 2n;
    const f = (v: bigint): bigint => (v * v + c) % n;
    do {
      x = y;
      for (let i = 0; i < r; i++) y = f(y);
      let k = 0;
      while (k < r && g === 1n) {
        ys = y;
        for (let i = 0; i < Math.min(128, r - k); i++) {
          y = f(y);
          q = (q * (x > y ? x - y : y - x)) % n;
        }
        g = gcd(q, n);
        k += 128;
        await ctx.tick();
      }
      r *= 2;
    } while (g === 1n);
    if (g === n) {
      do {
        ys = f(ys);
        g = gcd(x > ys ? x - ys : ys - x, n);
      } while (g === 1n);
    }
    if (g !== n) return g;
  }
}

async function factorize(ctx: Ctx, n: bigint): Promise<bigint[]> {
  const out: bigint[] = [];
  for (const p of [2n, 3n, 5n]) {
    while (n % p === 0n) {
      out.push(p);
      n /= p;
    }
  }
  for (let p = 7n, i = 0; p * p <= n && p < 10000n; p += [4n, 2n, 4n, 2n, 4n, 6n, 2n, 6n][i++ % 8]!) {
    while (n % p === 0n) {
      out.push(p);
      n /= p;
    }
  }
  const stack = n > 1n ? [n] : [];
  while (stack.length) {
    const m = stack.pop()!;
    if (isPrime(m)) out.push(m);
    else {
      const d = await rho(ctx, m);
      stack.push(d, m / d);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * factor's own line buffer: results below 2^127 are kept until 512 bytes are
 * buffered (at once on a terminal); bigger ones go out through stdio at once, so they can
 * appear before smaller numbers given earlier.
 */
class LineBuffer {
  private buf = '';
  constructor(private readonly ctx: Ctx) {}

  async line(text: string): Promise<void> {
    this.buf += text;
    if (this.ctx.sys.isatty(0) || this.ctx.sys.isatty(1)) await this.flush();
    else if (this.buf.length >= 512) {
      const cut = this.buf.lastIndexOf('\n', 511) + 1;
      const rest = this.buf.slice(cut);
      this.buf = this.buf.slice(0, cut);
      await this.flush();
      this.buf = rest;
    }
  }

  async flush(): Promise<void> {
    await this.ctx.print(this.buf);
    await this.ctx.out.flush();
    this.buf = '';
  }
}

async function one(ctx: Ctx, lbuf: LineBuffer, token: string): Promise<boolean> {
  const m = /^\s*\+?(\d+)$/.exec(token);
  if (!m) {
    await ctx.error(`${quote(token)} is not a valid positive integer`);
    return false;
  }
  const n = BigInt(m[1]!);
  const factors = n < 2n ? [] : await factorize(ctx, n);
  const text = `${n}:${factors.map((f) => ` ${f}`).join('')}\n`;
  // factor.c takes the single-precision path only when the top bit of the 128 is clear
  if (n < 2n ** 127n) await lbuf.line(text);
  else {
    await ctx.print(text);
    await ctx.out.flush();
  }
  return true;
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands }) {
    let ok = true;
    const lbuf = new LineBuffer(ctx);
    if (operands.length) {
      for (const t of operands) ok = (await one(ctx, lbuf, t)) && ok;
      await lbuf.flush();
      return ok ? 0 : 1;
    }
    const decoder = new TextDecoder();
    let pending = '';
    for (;;) {
      // a read error ends the input as its end would (factor's readtoken)
      const chunk = await ctx.sys.read(0).catch((e: unknown) => {
        if (isSysError(e)) return null;
        throw e;
      });
      const text = chunk === null ? '' : decoder.decode(chunk, { stream: true });
      pending += text;
      const parts = pending.split(/[ \t\n\v\f\r]+/);
      pending = chunk === null ? '' : parts.pop()!;
      for (const t of parts) if (t !== '') ok = (await one(ctx, lbuf, t)) && ok;
      if (chunk === null) break;
    }
    await lbuf.flush();
    return ok ? 0 : 1;
  },
});
