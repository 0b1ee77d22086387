// look (util-linux 2.38): the lines of a sorted file that begin with a string, found by binary
// search; without a file it searches /usr/share/dict/words with -d and -f on.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { bin, readAllBin, unbin } from '../lib/textio';
import { shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 look [options] <string> [<file>...]

Print the lines of a sorted file that start with the string.

Options:
 -a, --alternative        search the alternative word list
 -d, --alphanum           compare letters, digits and blanks only
 -f, --ignore-case        compare upper and lower case as equal
 -t, --terminate <char>   the string ends at the first <char> (included)

 -h, --help               display this help
 -V, --version            display version

For more details see look(1).
`;

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isBlank = (c: number): boolean => c === 32 || c === 9;
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

const EQUAL = 0;
const GREATER = 1;
const LESS = -1;

export function look(data: string, key: string, dflag: boolean, fflag: boolean): string | undefined {
  const want = dflag ? Array.from(key).filter((c) => isAlnum(c.charCodeAt(0)) || isBlank(c.charCodeAt(0))).join('') : key;
  const len = want.length;
  const back = data.length;
  const compare = (at: number): number => {
    const buf: number[] = [];
    let i = len;
    for (let s = at; s < back && data.charCodeAt(s) !== 10 && i; s++) {
      const c = data.charCodeAt(s);
      if (!dflag || isAlnum(c) || isBlank(c)) {
        buf.push(c);
        i--;
      }
    }
    for (let k = 0; k < len; k++) {
      let a = k < buf.length ? buf[k]! : 0;
      let b = want.charCodeAt(k);
      if (fflag) {
        a = lower(a);
        b = lower(b);
      }
      if (a !== b) return a > b ? LESS : GREATER;
      if (a === 0) break;
    }
    return EQUAL;
  };
  const skip = (p: number, end: number): number => {
    while (p < end && data.charCodeAt(p++) !== 10);
    return p;
  };
  let front = 0;
  let end = back;
  let p = skip(Math.floor((end - front) / 2) + front, end);
  while (p < end && end > front) {
    if (compare(p) === GREATER) front = p;
    else end = p;
    p = skip(front + Math.floor((end - front) / 2), end);
  }
  let found: number | undefined;
  while (front < back) {
    const r = compare(front);
    if (r === EQUAL) {
      found = front;
      break;
    }
    if (r === LESS) break;
    front = skip(front, back);
  }
  if (found === undefined) return undefined;
  let out = '';
  let f = found;
  while (f < back && compare(f) === EQUAL) {
    const nl = data.indexOf('\n', f);
    const stop = nl < 0 ? back : nl + 1;
    out += data.slice(f, stop);
    f = stop;
  }
  return out;
}

export default defineProgram({
  name: 'look',
  installPath: '/usr/bin/look',
  pkg: 'util-linux',
  options: [
    { key: 'a', short: 'a', long: 'alternative' },
    { key: 'd', short: 'd', long: 'alphanum' },
    { key: 'f', short: 'f', long: 'ignore-case' },
    { key: 't', short: 't', long: 'terminate', arg: 'required' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    let file = '/usr/share/dict/words';
    const wl = ctx.env.get('WORDLIST');
    if (wl) {
      try {
        await ctx.sys.access(wl, 4);
        file = wl;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    let dflag = false;
    let fflag = false;
    let term = '';
    for (const { key, value } of args.order) {
      if (key === 'a') file = '/usr/share/dict/web2';
      else if (key === 'd') dflag = true;
      else if (key === 'f') fflag = true;
      else if (key === 't') term = value!.charAt(0);
      else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
    }
    const ops = args.operands;
    let key: string;
    if (ops.length === 2) {
      key = ops[0]!;
      file = ops[1]!;
    } else if (ops.length === 1) {
      dflag = fflag = true;
      key = ops[0]!;
    } else {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    key = bin(new TextEncoder().encode(key));
    if (term) {
      const t = bin(new TextEncoder().encode(term)).charAt(0);
      const at = key.indexOf(t);
      if (at >= 0) key = key.slice(0, at + 1);
    }
    let data: string;
    try {
      const fd = await ctx.sys.open(file, { read: true });
      try {
        data = await readAllBin(ctx, fd);
      } finally {
        ctx.sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warnx(ctx, `${file}: ${strerror(e.errno)}`);
      return 1;
    }
    // mmap of an empty file fails
    if (data.length === 0) {
      await warnx(ctx, `${file}: Invalid argument`);
      return 1;
    }
    const out = look(data, key, dflag, fflag);
    if (out === undefined) return 1;
    await ctx.sys.write(1, unbin(out)).catch(() => undefined);
    return 0;
  },
});
