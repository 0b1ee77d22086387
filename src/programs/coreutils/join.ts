import { strerror, isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { binArg, closeInput, openInput, Output, qaf, qf, ql, readAllLines, textOf } from '../lib/textio';
import { xstrtol } from '../lib/xstrtol';

const HELP = `For each pair of input lines with identical join fields, write a line to
standard output. The default join field is the first, delimited by blanks.

When FILE1 or FILE2 (not both) is -, read standard input.

  -a FILENUM        also print unpairable lines from file FILENUM, where
                      FILENUM is 1 or 2
  -e STRING         print STRING for missing fields (with -o)
  -i, --ignore-case  compare the join fields without regard to case
  -j FIELD          same as '-1 FIELD -2 FIELD'
  -o FORMAT         print the fields FORMAT lists (see below)
  -t CHAR           fields are separated by CHAR, in input and output
  -v FILENUM        like -a FILENUM, but leave out the joined lines
  -1 FIELD          join on this field of file 1
  -2 FIELD          join on this field of file 2
      --check-order   fail if the input is not sorted, even when every line
                        pairs
      --nocheck-order  do not check that the input is sorted
      --header        treat the first line of each file as headers: join and
                        print them without checking their order
  -z, --zero-terminated     lines end with a NUL byte, not a newline
${HELP_LINES}

Unless -t CHAR is given, leading blanks are skipped and fields are separated
by runs of blanks; output fields are separated by a space.

FORMAT is 'auto' or a list, separated by commas or blanks, of FILENUM.FIELD
or 0 (the join field). 'auto' takes the fields of the first line of each file.

Both inputs must be sorted on the join fields, as 'sort -k 1b,1' does.
${coreutilsHelpFooter('join')}`;

const spec = {
  name: 'join',
  installPath: '/usr/bin/join',
  pkg: 'coreutils',
  usage: 'join [OPTION]... FILE1 FILE2',
  help: HELP,
  version: coreutilsVersion('join', ['Mike Haertel']),
  options: [
    { key: 'a', short: 'a', arg: 'required' as const },
    { key: 'e', short: 'e', arg: 'required' as const },
    { key: 'i', short: 'i', long: 'ignore-case' },
    { key: 'j', short: 'j', arg: 'required' as const },
    { key: 'o', short: 'o', arg: 'required' as const },
    { key: 't', short: 't', arg: 'required' as const },
    { key: 'v', short: 'v', arg: 'required' as const },
    { key: '1', short: '1', arg: 'required' as const },
    { key: '2', short: '2', arg: 'required' as const },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'check', long: 'check-order' },
    { key: 'nocheck', long: 'nocheck-order' },
    { key: 'header', long: 'header' },
  ],
};

class Die extends Error {}

type Line = { text: string; fields: string[] };

function fieldsOf(text: string, tab: number): string[] {
  if (text === '') return [];
  if (tab >= 0 && tab !== 10) return text.split(String.fromCharCode(tab));
  if (tab === 10) return [text];
  // blanks are field_sep(): space, tab and newline (which only -z lets into a line)
  const t = text.replace(/^[ \t\n]+/, '');
  if (t === '') return [];
  return t.split(/[ \t\n]+/);
}

function fieldNumber(s: string): number {
  const r = xstrtol(s, '');
  if (r.status === 'overflow') return Number.MAX_SAFE_INTEGER;
  if (r.status !== 'ok' || r.value === 0n) throw new Die(`invalid field number: ${ql(s)}`);
  return r.value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(r.value) - 1;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    try {
      return await run(ctx, args.order, args.operands);
    } catch (e) {
      if (e instanceof Die) {
        await ctx.error(e.message);
        return 1;
      }
      throw e;
    }
  },
});

async function run(ctx: Ctx, order: { key: string; value: string | undefined }[], operands: string[]): Promise<number> {
  let unpair1 = false;
  let unpair2 = false;
  let pairs = true;
  let empty: string | undefined;
  let ignoreCase = false;
  let jf1 = -1;
  let jf2 = -1;
  let tab = -1;
  let eol = '\n';
  let check: 'default' | 'on' | 'off' = 'default';
  let header = false;
  let auto = false;
  const outlist: [number, number][] = [];
  const setField = (cur: number, v: number): number => {
    if (cur >= 0 && cur !== v) throw new Die(`incompatible join fields ${cur + 1}, ${v + 1}`);
    return v;
  };
  for (const { key, value } of order) {
    const v = value ?? '';
    switch (key) {
      case 'v':
      case 'a': {
        if (key === 'v') pairs = false;
        const r = xstrtol(v, '');
        if (r.status !== 'ok' || (r.value !== 1n && r.value !== 2n)) throw new Die(`invalid field number: ${ql(v)}`);
        if (r.value === 1n) unpair1 = true;
        else unpair2 = true;
        break;
      }
      case 'e':
        if (empty !== undefined && empty !== v) throw new Die('conflicting empty-field replacement strings');
        empty = binArg(v);
        break;
      case 'i': ignoreCase = true; break;
      case '1': jf1 = setField(jf1, fieldNumber(v)); break;
      case '2': jf2 = setField(jf2, fieldNumber(v)); break;
      case 'j':
        jf1 = setField(jf1, fieldNumber(v));
        jf2 = setField(jf2, jf1);
        break;
      case 'o':
        if (v === 'auto') auto = true;
        else {
          for (const item of v.split(/[, \t]/)) {
            if (item[0] === '0') {
              if (item.length > 1) throw new Die(`invalid field specifier: ${ql(item)}`);
              outlist.push([0, 0]);
            } else if (item[0] === '1' || item[0] === '2') {
              if (item[1] !== '.') throw new Die(`invalid field specifier: ${ql(item)}`);
              outlist.push([Number(item[0]), fieldNumber(item.slice(2))]);
            } else throw new Die(`invalid file number in field spec: ${ql(item)}`);
          }
        }
        break;
      case 't': {
        let t = binArg(v);
        let c: number;
        if (t === '') c = 10;
        else if (t.length > 1) {
          if (t !== '\\0') throw new Die(`multi-character tab ${ql(v)}`);
          t = '\0';
          c = 0;
        } else c = t.charCodeAt(0);
        if (tab >= 0 && tab !== c) throw new Die('incompatible tabs');
        tab = c;
        break;
      }
      case 'z': eol = '\0'; break;
      case 'check': check = 'on'; break;
      case 'nocheck': check = 'off'; break;
      case 'header': header = true; break;
      default: break;
    }
  }
  if (operands.length > 2) return usageFail(ctx, `extra operand ${qaf(operands[2]!)}`);
  if (operands.length < 2) return usageFail(ctx, operands.length === 0 ? 'missing operand' : `missing operand after ${ql(ctx.argv[ctx.argv.length - 1]!)}`);
  if (jf1 < 0) jf1 = 0;
  if (jf2 < 0) jf2 = 0;
  const names = operands;
  if (names[0] === '-' && names[1] === '-') throw new Die('both files cannot be standard input');
  const data: Line[][] = [];
  for (const name of names) {
    const fd = await openInput(ctx, name);
    if (typeof fd !== 'number') throw new Die(`${qf(name)}: ${strerror(fd.errno)}`);
    try {
      const { lines } = await readAllLines(ctx, fd, eol);
      data.push(lines.map((text) => ({ text, fields: fieldsOf(text, tab) })));
    } catch (e) {
      if (isSysError(e)) throw new Die(`read error: ${strerror(e.errno)}`);
      throw e;
    } finally {
      closeInput(ctx, fd);
    }
  }
  const upper = (s: string): string => (ignoreCase ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s);
  const keycmp = (a: Line, b: Line, f1: number, f2: number): number => {
    const x = a.fields[f1] ?? '';
    const y = b.fields[f2] ?? '';
    if (x === '') return y === '' ? 0 : -1;
    if (y === '') return 1;
    const p = upper(x);
    const q = upper(y);
    return p < q ? -1 : p > q ? 1 : 0;
  };
  const out = new Output(ctx);
  const sep = tab < 0 || tab === 10 ? ' ' : String.fromCharCode(tab);
  const blank: Line = { text: '', fields: [] };
  let auto1 = 0;
  let auto2 = 0;
  const field = (line: Line, n: number): string => {
    const f = line.fields[n];
    return f === undefined || f === '' ? (empty ?? '') : f;
  };
  const others = (line: Line, jf: number, count: number): string => {
    const n = auto ? count : line.fields.length;
    let s = '';
    for (let i = 0; i < n; i++) if (i !== jf) s += sep + field(line, i);
    return s;
  };
  const prjoin = (l1: Line, l2: Line): void => {
    if (outlist.length) {
      out.push(outlist.map(([f, n]) => (f === 0 ? (l1 === blank ? field(l2, jf2) : field(l1, jf1)) : field(f === 1 ? l1 : l2, n))).join(sep) + eol);
      return;
    }
    const key = l1 === blank ? field(l2, jf2) : field(l1, jf1);
    out.push(key + others(l1, jf1, auto1) + others(l2, jf2, auto2) + eol);
  };
  // the reading side of join.c: line numbers, and order checks against the previous line
  const pos = [0, 0];
  const prev: (Line | undefined)[] = [undefined, undefined];
  const warned = [false, false];
  let seenUnpairable = false;
  const getLine = async (w: 0 | 1): Promise<Line | undefined> => {
    const line = data[w]![pos[w]!];
    if (!line) return undefined;
    pos[w]!++;
    const p = prev[w];
    if (p && check !== 'off' && (check === 'on' || seenUnpairable) && !warned[w]) {
      const jf = w === 0 ? jf1 : jf2;
      if (keycmp(p, line, jf, jf) > 0) {
        await out.flush();
        await ctx.error(`${names[w]}:${pos[w]}: is not sorted: ${textOf(line.text)}`);
        if (check === 'on') throw new Die('');
        warned[w] = true;
      }
    }
    prev[w] = line;
    return line;
  };
  try {
    const seq: Line[][] = [[], []];
    const getseq = async (w: 0 | 1): Promise<boolean> => {
      const l = await getLine(w);
      if (!l) return false;
      seq[w]!.push(l);
      return true;
    };
    const advance = async (w: 0 | 1, first: boolean): Promise<boolean> => {
      if (first) seq[w] = [];
      return getseq(w);
    };
    await getseq(0);
    await getseq(1);
    if (auto) {
      auto1 = seq[0]![0]?.fields.length ?? 0;
      auto2 = seq[1]![0]?.fields.length ?? 0;
    }
    if (header && (seq[0]!.length || seq[1]!.length)) {
      prjoin(seq[0]![0] ?? blank, seq[1]![0] ?? blank);
      prev[0] = undefined;
      prev[1] = undefined;
      if (seq[0]!.length) await advance(0, true);
      if (seq[1]!.length) await advance(1, true);
    }
    while (seq[0]!.length && seq[1]!.length) {
      await ctx.tick();
      const diff = keycmp(seq[0]![0]!, seq[1]![0]!, jf1, jf2);
      if (diff < 0) {
        if (unpair1) prjoin(seq[0]![0]!, blank);
        await advance(0, true);
        seenUnpairable = true;
        continue;
      }
      if (diff > 0) {
        if (unpair2) prjoin(blank, seq[1]![0]!);
        await advance(1, true);
        seenUnpairable = true;
        continue;
      }
      let eof1 = false;
      do {
        if (!(await advance(0, false))) {
          eof1 = true;
          break;
        }
      } while (!keycmp(seq[0]![seq[0]!.length - 1]!, seq[1]![0]!, jf1, jf2));
      let eof2 = false;
      do {
        if (!(await advance(1, false))) {
          eof2 = true;
          break;
        }
      } while (!keycmp(seq[0]![0]!, seq[1]![seq[1]!.length - 1]!, jf1, jf2));
      const n1 = eof1 ? seq[0]!.length : seq[0]!.length - 1;
      const n2 = eof2 ? seq[1]!.length : seq[1]!.length - 1;
      if (pairs) for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) prjoin(seq[0]![i]!, seq[1]![j]!);
      seq[0] = eof1 ? [] : [seq[0]![seq[0]!.length - 1]!];
      seq[1] = eof2 ? [] : [seq[1]![seq[1]!.length - 1]!];
      await out.drain();
    }
    const checktail = check !== 'off' && !(warned[0] && warned[1]);
    for (const w of [0, 1] as const) {
      const unpair = w === 0 ? unpair1 : unpair2;
      if ((unpair || checktail) && seq[w]!.length) {
        const show = (l: Line): void => prjoin(w === 0 ? l : blank, w === 0 ? blank : l);
        if (unpair) show(seq[w]![0]!);
        if (seq[1 - w]!.length) seenUnpairable = true;
        for (let l = await getLine(w); l; l = await getLine(w)) {
          if (unpair) show(l);
          if (warned[w] && !unpair) break;
        }
      }
    }
  } catch (e) {
    if (e instanceof Die && e.message === '') {
      await out.flush();
      return 1;
    }
    throw e;
  }
  const status = await out.finish(0);
  if (warned[0] || warned[1]) {
    await ctx.error('input is not in sorted order');
    return 1;
  }
  return status;
}
