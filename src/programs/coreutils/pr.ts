import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { parseOptions, usageFail } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { formatTime } from '../lib/nstrftime';
import { quote } from '../lib/quote';
import { quotearg } from '../lib/quotearg';
import { xstrtolFatalMessage, type XstrtolFailure } from './xstrtol-fatal';
import { binArg, closeInput, openInput, Output, readAllBin } from '../lib/textio';
import { msToTimespec, localZone } from '../lib/tz';
import { strtoint, xdectoint, xstrtol } from '../lib/xstrtol';
import { Pager, PrError, PrStall, type PrInput, type PrSettings } from './pr-engine';

const HELP = `Lay out each FILE (or standard input) in pages for printing, with a header
naming the file, its date and the page number, on standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  +FIRST_PAGE[:LAST_PAGE], --pages=FIRST_PAGE[:LAST_PAGE]
                    print only the pages from FIRST_PAGE to LAST_PAGE
  -COLUMN, --columns=COLUMN
                    print COLUMN columns, filled down each page and
                    balanced on the last one
  -a, --across      fill the columns across rather than down (with -COLUMN)
  -c, --show-control-chars
                    show control characters as ^X, others in octal
  -d, --double-space
                    leave an empty line after each line
  -D, --date-format=FORMAT
                    date the headers with FORMAT (see date(1))
  -e[CHAR[WIDTH]], --expand-tabs[=CHAR[WIDTH]]
                    expand input CHARs (tabs) to stops every WIDTH (8)
  -F, -f, --form-feed
                    end pages with a form feed, not with newlines
                    (-f also makes a 3-line header)
  -h, --header=HEADER
                    put HEADER in the header instead of the file name
  -i[CHAR[WIDTH]], --output-tabs[=CHAR[WIDTH]]
                    turn spaces into CHARs (tabs) at stops every WIDTH (8)
  -J, --join-lines  join whole lines, never truncate, ignore -W
  -l, --length=PAGE_LENGTH
                    make pages PAGE_LENGTH lines long (66); the text is
                    10 lines shorter unless -t is given or it is too short
  -m, --merge       print all files side by side, one column each
  -n[SEP[DIGITS]], --number-lines[=SEP[DIGITS]]
                    number lines with DIGITS digits (5) followed by SEP
                    (a tab); with columns, each column's lines
  -N, --first-line-number=NUMBER
                    begin counting at NUMBER on the first page printed
  -o, --indent=MARGIN
                    indent each line by MARGIN spaces
  -r, --no-file-warnings
                    say nothing about files that cannot be opened
  -s[CHAR], --separator[=CHAR]
                    separate columns by the single CHAR (a tab without -w,
                    nothing with -w); stops column alignment unless -w
  -S[STRING], --sep-string[=STRING]
                    separate columns by STRING (without -S: a tab with -J,
                    a space otherwise)
  -t, --omit-header  print neither headers nor trailers
  -T, --omit-pagination
                    like -t, and also drop the form feeds of the input
  -v, --show-nonprinting
                    show non-printing bytes as backslash and octal
  -w, --width=PAGE_WIDTH
                    make pages PAGE_WIDTH (72) characters wide, for
                    columns only
  -W, --page-width=PAGE_WIDTH
                    make pages PAGE_WIDTH (72) characters wide, always
                    cutting lines, except with -J
${HELP_LINES}
${coreutilsHelpFooter('pr')}`;

const INT_MAX = 2147483647n;

/** coreutils' quotef: shell-escape quoting that also quotes a colon. */
const qf = (s: string): string => quotearg(s, { style: 'shell-escape', quoteToo: ':' });
const INT_MIN = -2147483648n;
const UINTMAX = (1n << 64n) - 1n;

const optional = 'optional' as const;
const required = 'required' as const;
const spec = {
  name: 'pr',
  installPath: '/usr/bin/pr',
  pkg: 'coreutils',
  usage: 'pr [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('pr', ['Pete TerMaat', 'Roland Huebner']),
  options: [
    { key: 'pages', long: 'pages', arg: required },
    { key: 'columns', long: 'columns', arg: required },
    { key: 'a', short: 'a', long: 'across' },
    { key: 'b', short: 'b' },
    { key: 'c', short: 'c', long: 'show-control-chars' },
    { key: 'd', short: 'd', long: 'double-space' },
    { key: 'D', short: 'D', long: 'date-format', arg: required },
    { key: 'e', short: 'e', long: 'expand-tabs', arg: optional },
    { key: 'f', short: 'f', long: 'form-feed' },
    { key: 'f', short: 'F' },
    { key: 'h', short: 'h', long: 'header', arg: required },
    { key: 'i', short: 'i', long: 'output-tabs', arg: optional },
    { key: 'J', short: 'J', long: 'join-lines' },
    { key: 'l', short: 'l', long: 'length', arg: required },
    { key: 'm', short: 'm', long: 'merge' },
    { key: 'n', short: 'n', long: 'number-lines', arg: optional },
    { key: 'N', short: 'N', long: 'first-line-number', arg: required },
    { key: 'o', short: 'o', long: 'indent', arg: required },
    { key: 'r', short: 'r', long: 'no-file-warnings' },
    { key: 's', short: 's', long: 'separator', arg: optional },
    { key: 'S', short: 'S', long: 'sep-string', arg: optional },
    { key: 't', short: 't', long: 'omit-header' },
    { key: 'T', short: 'T', long: 'omit-pagination' },
    { key: 'v', short: 'v', long: 'show-nonprinting' },
    { key: 'w', short: 'w', long: 'width', arg: required },
    { key: 'W', short: 'W', long: 'page-width', arg: required },
    ...[...'0123456789'].map((d) => ({ key: `d${d}`, short: d })),
  ],
};

class Fatal extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
  }
}

/** A number option in MIN..INT_MAX, or the error pr dies with. */
function num(text: string, min: bigint, what: string): number {
  const r = xdectoint(text, min, INT_MAX, '', what, { signed: true });
  if (r.error !== undefined) throw new Fatal(r.error);
  return Number(r.value);
}

/** -e, -i and -n arguments: an optional leading non-digit, then an optional positive number. */
function charAndNumber(arg: string, option: string): { ch?: string; n?: number } {
  const r: { ch?: string; n?: number } = {};
  let rest = arg;
  if (!/^\d/.test(rest)) {
    r.ch = rest[0];
    rest = rest.slice(1);
  }
  if (rest !== '') {
    const v = xstrtol(rest, '', { signed: true });
    if (v.status !== 'ok' || v.value <= 0n || v.value > INT_MAX) {
      const why = v.status === 'ok' && v.value > INT_MAX ? ': Value too large for defined data type' : v.status === 'overflow' ? ': Numerical result out of range' : '';
      throw new Fatal(`'-${option}' extra characters or invalid number in the argument: ${quote(rest)}${why}`, true);
    }
    r.n = Number(v.value);
  }
  return r;
}

/** +FIRST[:LAST]: the range, or undefined when the text is not one. */
/** xstrtoumax with an end pointer and no suffixes: the value, where it ended, and the status. */
function strtoumaxAt(s: string): { value: bigint; end: number; status: 'ok' | XstrtolFailure } {
  if (/^[ \t\n\v\f\r]*-/.test(s)) return { value: 0n, end: 0, status: 'invalid' };
  const r = strtoint(s, 10, false);
  if (r.end === 0) return { value: 0n, end: 0, status: 'invalid' };
  const rest = r.end < s.length;
  return { value: r.value, end: r.end, status: r.overflow ? (rest ? 'suffix-overflow' : 'overflow') : rest ? 'suffix' : 'ok' };
}

/**
 * first_last_page: FIRST[:LAST], or undefined when it is not a range (then +FIRST is a file
 * name); a FIRST that is no number at all, or a bad LAST, ends pr.
 */
function pageRange(text: string, label: string): { first: bigint; last: bigint } | undefined {
  const a = strtoumaxAt(text);
  if (a.status !== 'ok' && a.status !== 'suffix') throw new Fatal(xstrtolFatalMessage(a.status, label, text));
  if (a.value === 0n) return undefined;
  if (text[a.end] === ':') {
    const b = strtoumaxAt(text.slice(a.end + 1));
    if (b.status !== 'ok') throw new Fatal(xstrtolFatalMessage(b.status, label, text));
    return b.value < a.value ? undefined : { first: a.value, last: b.value };
  }
  return a.end === text.length ? { first: a.value, last: UINTMAX } : undefined;
}

function settingsFrom(order: { key: string; value: string | undefined }[], operands: string[]): { s: PrSettings; files: string[]; dateFormat: string; ignoreFailed: boolean } {
  const s: PrSettings = {
    columns: 1, explicitColumns: false, firstPage: 0, lastPage: Number.MAX_SAFE_INTEGER,
    numbered: false, numberSep: '\t', numberDigits: 5, startLineNum: 1, skipCount: true,
    escapes: false, controlPrefix: false, doubleSpace: false, useColSep: false, colSep: '',
    header: undefined, extremities: true, keepFF: false, formFeed: false, across: false,
    parallel: false, storing: true, pageLength: 66, pageWidth: 72, truncate: false, join: false,
    untabify: false, inTab: '\t', inTabWidth: 8, tabify: false, outTab: '\t', outTabWidth: 8, margin: 0,
  };
  let oldOptions = false;
  let oldW = false;
  let oldS = false;
  let digits: string | undefined;
  let nDigits = 0;
  let dateFormat: string | undefined;
  let ignoreFailed = false;
  let pagesSet = false;
  const setColumns = (text: string): void => {
    s.columns = num(text, 1n, 'invalid number of columns');
    s.explicitColumns = true;
  };
  for (const { key, value } of order) {
    if (/^d\d$/.test(key)) {
      digits = (digits ?? '').slice(0, nDigits) + key[1];
      nDigits++;
      continue;
    }
    nDigits = 0;
    switch (key) {
      case 'pages': {
        const r = pageRange(value!, '--pages');
        if (!r) throw new Fatal(`invalid page range ${quote(value!)}`);
        s.firstPage = Number(r.first);
        s.lastPage = r.last >= BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(r.last);
        pagesSet = true;
        break;
      }
      case 'columns':
        setColumns(value!);
        digits = undefined;
        break;
      case 'a':
        s.across = true;
        s.storing = false;
        break;
      case 'c':
        s.controlPrefix = true;
        break;
      case 'd':
        s.doubleSpace = true;
        break;
      case 'D':
        dateFormat = value;
        break;
      case 'e':
        if (value !== undefined) {
          const r = charAndNumber(binArg(value), 'e');
          if (r.ch !== undefined) s.inTab = r.ch;
          if (r.n !== undefined) s.inTabWidth = r.n;
        }
        s.untabify = true;
        break;
      case 'f':
        s.formFeed = true;
        break;
      case 'h':
        s.header = binArg(value!);
        break;
      case 'i':
        if (value !== undefined) {
          const r = charAndNumber(binArg(value), 'i');
          if (r.ch !== undefined) s.outTab = r.ch;
          if (r.n !== undefined) s.outTabWidth = r.n;
        }
        s.tabify = true;
        break;
      case 'J':
        s.join = true;
        break;
      case 'l':
        s.pageLength = num(value!, 1n, "'-l PAGE_LENGTH' invalid number of lines");
        break;
      case 'm':
        s.parallel = true;
        s.storing = false;
        break;
      case 'n':
        s.numbered = true;
        if (value !== undefined) {
          const r = charAndNumber(binArg(value), 'n');
          if (r.ch !== undefined) s.numberSep = r.ch;
          if (r.n !== undefined) s.numberDigits = r.n;
        }
        break;
      case 'N':
        s.skipCount = false;
        s.startLineNum = num(value!, INT_MIN, "'-N NUMBER' invalid starting line number");
        break;
      case 'o':
        s.margin = num(value!, 0n, "'-o MARGIN' invalid line offset");
        break;
      case 'r':
        ignoreFailed = true;
        break;
      case 's':
        oldOptions = true;
        oldS = true;
        if (!s.useColSep && value !== undefined) s.colSep = binArg(value);
        break;
      case 'S':
        oldS = false;
        s.colSep = value === undefined ? '' : binArg(value);
        s.useColSep = true;
        break;
      case 't':
        s.extremities = false;
        s.keepFF = true;
        break;
      case 'T':
        s.extremities = false;
        s.keepFF = false;
        break;
      case 'v':
        s.escapes = true;
        break;
      case 'w': {
        oldOptions = true;
        oldW = true;
        const w = num(value!, 1n, "'-w PAGE_WIDTH' invalid number of characters");
        if (!s.truncate) s.pageWidth = w;
        break;
      }
      case 'W':
        oldW = false;
        s.truncate = true;
        s.pageWidth = num(value!, 1n, "'-W PAGE_WIDTH' invalid number of characters");
        break;
    }
  }
  const files: string[] = [];
  for (const op of operands) {
    if (!pagesSet && s.firstPage === 0 && op.startsWith('+')) {
      const r = pageRange(op.slice(1), '+');
      if (r) {
        s.firstPage = Number(r.first);
        s.lastPage = r.last >= BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(r.last);
        continue;
      }
    }
    files.push(op);
  }
  if (digits !== undefined) setColumns(digits);
  if (s.firstPage === 0) s.firstPage = 1;
  if (s.parallel && s.explicitColumns) throw new Fatal('cannot specify number of columns when printing in parallel');
  if (s.parallel && s.across) throw new Fatal('cannot specify both printing across and printing in parallel');
  if (oldOptions) {
    if (oldW) {
      if (s.parallel || s.explicitColumns) {
        s.truncate = true;
        if (oldS) s.useColSep = true;
      } else s.join = true;
    } else if (!s.useColSep && oldS && (s.parallel || s.explicitColumns)) {
      if (!s.truncate) {
        s.join = true;
        if (s.colSep.length > 0) s.useColSep = true;
      } else s.useColSep = true;
    }
  }
  return { s, files, dateFormat: dateFormat ?? '%Y-%m-%d %H:%M', ignoreFailed };
}

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx) {
    const args = await parseOptions(ctx, spec, ctx.argv.slice(1));
    if (typeof args === 'number') return args;
    let conf: ReturnType<typeof settingsFrom>;
    try {
      conf = settingsFrom(args.order, args.operands);
    } catch (e) {
      if (!(e instanceof Fatal)) throw e;
      if (e.usage) return usageFail(ctx, e.message);
      await ctx.error(e.message);
      return 1;
    }
    const { s, files, dateFormat, ignoreFailed } = conf;
    if (files.length === 0) s.parallel = false;
    const tz = await localZone(ctx.sys);
    const now = msToTimespec(ctx.sys.now());
    const dated = (ms: number | undefined): string => {
      const t = ms === undefined ? now : msToTimespec(ms);
      return formatTime(dateFormat, t.sec, t.ns, tz);
    };
    const out = new Output(ctx);
    const pager = new Pager(s);
    let failed = false;
    /** Opens and reads one operand; undefined when it cannot be opened (reported). */
    const load = async (name: string, side = false): Promise<PrInput | undefined> => {
      const fd = await openInput(ctx, name);
      if (typeof fd !== 'number') {
        failed = true;
        if (!ignoreFailed) {
          await out.flush();
          await ctx.error(`${qf(name)}: ${strerror(fd.errno)}`);
        }
        return undefined;
      }
      const stdin = name === '-';
      const mtime = stdin ? undefined : ctx.sys.fstat(fd).mtime;
      try {
        const data = await readAllBin(ctx, fd);
        return { name: stdin ? 'standard input' : name, data, pos: 0, date: dated(mtime), title: stdin ? '' : binArg(name) };
      } catch (e) {
        if (!isSysError(e)) throw e;
        const message = `${qf(stdin ? 'standard input' : name)}: ${strerror(e.errno)}`;
        // side by side, the error stops pr when its column is first read
        if (side) return { name, data: '', pos: 0, date: '', title: binArg(name), error: message };
        throw new Fatal(message);
      } finally {
        closeInput(ctx, fd);
      }
    };
    const page = async (inputs: PrInput[], named: number): Promise<void> => {
      let text: string;
      try {
        text = pager.run(inputs, named);
      } catch (e) {
        if (e instanceof PrError) out.push(e.partial);
        throw e;
      }
      out.push(text);
      for (const w of pager.warnings.splice(0)) {
        await out.flush();
        await ctx.error(w);
      }
      await out.drain();
    };
    try {
      if (files.length === 0) {
        const input = await load('-');
        if (input) await page([input], 1);
      } else if (s.parallel) {
        const inputs: PrInput[] = [];
        for (const f of files) {
          const input = await load(f, true);
          if (input) inputs.push(input);
        }
        // side by side, the header is dated now
        for (const input of inputs) input.date = dated(undefined);
        if (inputs.length) await page(inputs, files.length);
      } else {
        for (const f of files) {
          const input = await load(f);
          if (input) await page([input], 1);
        }
      }
    } catch (e) {
      if (e instanceof PrStall) {
        // as GNU pr does, never finish; a signal ends it
        await out.flush();
        for (;;) await ctx.sys.sleep(60_000);
      }
      if (!(e instanceof Fatal) && !(e instanceof PrError)) throw e;
      await out.flush();
      await ctx.error(e.message);
      return out.finish(1);
    }
    return out.finish(failed ? 1 : 0);
  },
});
