// find's time tests: -mtime/-atime/-ctime in days, -mmin/-amin/-cmin in minutes (with
// findutils' rounding of "today"), -used, -newer/-anewer/-cnewer and -newerXY.
import type { Stat } from '../../../shared/stat';
import { parseDate } from '../../lib/parse-date';
import { localZone, msToTimespec } from '../../lib/tz';
import { q, type Parser, type ParserEntry } from './parse';
import { refStat } from './tests';
import { FindExit } from './types';

const DAY = 86400_000;

type Which = 'a' | 'c' | 'm';

const timeOf = (st: Stat, x: Which): number => (x === 'a' ? st.atime : x === 'c' ? st.ctime : st.mtime);

interface RelTime {
  kind: 'gt' | 'lt' | 'eq';
  ref: number;
}

/** findutils get_relative_timestamp: the comparison is inverted (+N means older). */
function relative(str: string, origin: number, unitMs: number): RelTime | undefined {
  let kind: RelTime['kind'] = 'eq';
  let rest = str;
  if (str[0] === '+') {
    kind = 'lt';
    rest = str.slice(1);
  } else if (str[0] === '-') {
    kind = 'gt';
    rest = str.slice(1);
  }
  // xstrtod: a C floating-point number and nothing after it
  if (!/^[ \t\n]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(rest)) {
    if (/^[ \t\n]*[+-]?nan/i.test(rest)) throw new FindExit(1, `invalid not-a-number argument: \`${rest}'`);
    if (!/^[ \t\n]*[+-]?inf(inity)?$/i.test(rest)) return undefined;
  }
  const offset = Number(rest.trim());
  return { kind, ref: origin - offset * unitMs };
}

function inWindow(t: number, r: RelTime, windowMs: number): boolean {
  if (r.kind === 'gt') return t > r.ref;
  if (r.kind === 'lt') return t < r.ref;
  const delta = t - r.ref;
  return delta > 0 && delta <= windowMs;
}

function dayTest(x: Which): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      const arg = p.collect();
      if (arg === undefined) return false;
      let origin = p.s.opts.dayStart;
      if (arg[0] === '-') origin += DAY - 1000;
      const r = relative(arg, origin, DAY);
      if (!r) {
        p.i--;
        return false;
      }
      p.primary(name, (e) => inWindow(timeOf(e.st, x), r, DAY));
      return true;
    },
  };
}

function minTest(x: Which): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      const arg = p.collect();
      if (arg === undefined) return false;
      const r = relative(arg, p.s.opts.dayStart + DAY, 60_000);
      if (!r) {
        p.i--;
        return false;
      }
      p.primary(name, (e) => inWindow(timeOf(e.st, x), r, 60_000));
      return true;
    },
  };
}

const usedTest: ParserEntry = {
  kind: 'test',
  parse(p, name) {
    const arg = p.collect();
    if (arg === undefined) return false;
    const r = relative(arg, 0, DAY);
    if (!r) throw new FindExit(1, `Invalid argument ${arg} to -used`);
    p.primary(name, (e) => {
      if (e.st.atime < e.st.ctime) return false;
      return inWindow(e.st.ctime - e.st.atime, r, DAY);
    });
    return true;
  },
};

function newerTest(x: Which): ParserEntry {
  return {
    kind: 'test',
    async parse(p, name) {
      const file = p.collect();
      if (file === undefined) return false;
      const ref = (await refStat(p, file)).mtime;
      p.primary(name, (e) => timeOf(e.st, x) > ref);
      return true;
    },
  };
}

const newerXY: ParserEntry = {
  kind: 'test',
  async parse(p: Parser, name: string) {
    if (name.length !== 8) return false;
    const x = name[6]!;
    const y = name[7]!;
    if (x === 'B' || y === 'B') {
      await p.warn('This system does not provide a way to find the birth time of a file.');
      return false;
    }
    if (x === 't' || !'acmt'.includes(x) || !'acmt'.includes(y)) return false;
    if (p.i + 1 >= p.args.length) throw new FindExit(1, `The ${q(name)} test needs an argument`);
    p.i++;
    const arg = p.args[p.i]!;
    let ref: number;
    if (y === 't') {
      // a date in the local zone, as date -d reads it
      p.s.tz ??= await localZone(p.s.ctx.sys);
      const r = parseDate(arg, msToTimespec(p.s.opts.now), p.s.tz);
      const t = r === undefined ? undefined : r.sec * 1000 + r.ns / 1e6;
      if (t === undefined) throw new FindExit(1, `I cannot figure out how to interpret ${q(arg)} as a date or time`);
      ref = t;
    } else {
      ref = timeOf(await refStat(p, arg), y as Which);
    }
    p.i++;
    p.primary(name, (e) => timeOf(e.st, x as Which) > ref);
    return true;
  },
};

export const timeParsers: Record<string, ParserEntry> = {
  atime: dayTest('a'),
  ctime: dayTest('c'),
  mtime: dayTest('m'),
  amin: minTest('a'),
  cmin: minTest('c'),
  mmin: minTest('m'),
  used: usedTest,
  newer: newerTest('m'),
  anewer: newerTest('a'),
  cnewer: newerTest('c'),
  newerXY,
};
