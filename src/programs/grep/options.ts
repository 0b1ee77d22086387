// grep 3.8's command line: its getopt table (in GNU's order, which the "ambiguous option"
// message shows), -NUM context digits, and the settled configuration.
import { isSysError } from '../../shared/errno';
import { argmatch, argmatchError } from '../lib/argmatch';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { readAllBin, utf8ToBin } from '../lib/binary-text';

export type MatcherKind = 'G' | 'E' | 'F' | 'P';

export interface Pattern {
  /** A binary string; one pattern per line of it. */
  text: string;
  /** The -f file it came from ('' for the command line). */
  file: string;
}

export interface GrepConfig {
  matcher: MatcherKind;
  patterns: Pattern[];
  icase: boolean;
  invert: boolean;
  word: boolean;
  line: boolean;
  count: boolean;
  list: 'none' | 'matching' | 'nonmatching';
  quiet: boolean;
  suppress: boolean;
  only: boolean;
  lineNumber: boolean;
  byteOffset: boolean;
  /** -H / -h; undefined: decided by the number of operands. */
  withFilename: boolean | undefined;
  initialTab: boolean;
  nullAfterName: boolean;
  nullData: boolean;
  /** -1: no limit. */
  maxCount: number;
  before: number;
  after: number;
  groupSeparator: string | null;
  color: boolean;
  label: string;
  binaryFiles: 'binary' | 'text' | 'without-match';
  directories: 'read' | 'skip' | 'recurse';
  devices: 'read' | 'skip' | 'cmdline';
  dereference: boolean;
  /** --include/--exclude in order. */
  fileGlobs: { glob: string; include: boolean }[];
  dirGlobs: string[];
  lineBuffered: boolean;
  operands: string[];
}

const o = (key: string, short: string | undefined, long: string | undefined, arg: 'none' | 'required' | 'optional' = 'none'): OptionDef => ({ key, short, long, arg });

export const OPTIONS: OptionDef[] = [
  o('G', 'G', 'basic-regexp'),
  o('E', 'E', 'extended-regexp'),
  o('F', undefined, 'fixed-regexp'),
  o('F', 'F', 'fixed-strings'),
  o('P', 'P', 'perl-regexp'),
  o('A', 'A', 'after-context', 'required'),
  o('B', 'B', 'before-context', 'required'),
  o('binary-files', undefined, 'binary-files', 'required'),
  o('b', 'b', 'byte-offset'),
  o('C', 'C', 'context', 'required'),
  o('color', undefined, 'color', 'optional'),
  o('color', undefined, 'colour', 'optional'),
  o('c', 'c', 'count'),
  o('D', 'D', 'devices', 'required'),
  o('d', 'd', 'directories', 'required'),
  o('R', 'R', 'dereference-recursive'),
  o('exclude', undefined, 'exclude', 'required'),
  o('exclude-from', undefined, 'exclude-from', 'required'),
  o('exclude-dir', undefined, 'exclude-dir', 'required'),
  o('f', 'f', 'file', 'required'),
  o('l', 'l', 'files-with-matches'),
  o('L', 'L', 'files-without-match'),
  o('group-separator', undefined, 'group-separator', 'required'),
  o('help', undefined, 'help'),
  o('include', undefined, 'include', 'required'),
  o('i', 'i', 'ignore-case'),
  o('no-ignore-case', undefined, 'no-ignore-case'),
  o('T', 'T', 'initial-tab'),
  o('label', undefined, 'label', 'required'),
  o('line-buffered', undefined, 'line-buffered'),
  o('n', 'n', 'line-number'),
  o('x', 'x', 'line-regexp'),
  o('m', 'm', 'max-count', 'required'),
  o('h', 'h', 'no-filename'),
  o('no-group-separator', undefined, 'no-group-separator'),
  o('s', 's', 'no-messages'),
  o('Z', 'Z', 'null'),
  o('z', 'z', 'null-data'),
  o('o', 'o', 'only-matching'),
  o('q', 'q', 'quiet'),
  o('r', 'r', 'recursive'),
  o('e', 'e', 'regexp', 'required'),
  o('v', 'v', 'invert-match'),
  o('q', undefined, 'silent'),
  o('a', 'a', 'text'),
  o('U', 'U', 'binary'),
  o('u', 'u', 'unix-byte-offsets'),
  o('V', 'V', 'version'),
  o('H', 'H', 'with-filename'),
  o('w', 'w', 'word-regexp'),
  o('I', 'I', undefined),
  o('X', 'X', undefined, 'required'),
  o('y', 'y', undefined),
];

const SHORT_WITH_ARG = new Set(OPTIONS.filter((d) => d.short && d.arg === 'required').map((d) => d.short!));

/** Rewrites -NUM digit runs to --context=NUM so the ordinary getopt can read the rest. */
function expandDigits(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (a.startsWith('--')) {
      out.push(a);
      const name = a.slice(2);
      if (!name.includes('=')) {
        const exact = OPTIONS.find((d) => d.long === name);
        const cands = exact ? [exact] : OPTIONS.filter((d) => d.long?.startsWith(name));
        if (cands.length > 0 && cands.every((d) => d.arg === 'required') && i + 1 < args.length) out.push(args[++i]!);
      }
      continue;
    }
    if (!a.startsWith('-') || a.length < 2) {
      out.push(a);
      continue;
    }
    let cluster = '';
    let j = 1;
    let takesNext = false;
    for (; j < a.length; j++) {
      const c = a[j]!;
      if (c >= '0' && c <= '9') {
        if (cluster) out.push(`-${cluster}`);
        cluster = '';
        let k = j;
        while (k < a.length && a[k]! >= '0' && a[k]! <= '9') k++;
        out.push(`--context=${a.slice(j, k)}`);
        j = k - 1;
        continue;
      }
      cluster += c;
      if (SHORT_WITH_ARG.has(c)) {
        cluster += a.slice(j + 1);
        takesNext = j + 1 === a.length;
        break;
      }
    }
    if (cluster) out.push(`-${cluster}`);
    if (takesNext && i + 1 < args.length) out.push(args[++i]!);
  }
  return out;
}

export const USAGE_LINE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

/** getprogname(): the usage lines name the program without its directory. */
function shortName(ctx: Ctx): string {
  return ctx.name.replace(/^.*\//, '');
}

export class ExitError extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

async function die(ctx: Ctx, message: string, usage = false, status = 2): Promise<never> {
  await ctx.error(message);
  if (usage) await ctx.err.write(`${USAGE_LINE.replace('grep', shortName(ctx))}\nTry '${shortName(ctx)} --help' for more information.\n`);
  throw new ExitError(status);
}

function parseIntmax(s: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(s);
  if (!m) return undefined;
  const v = Number(m[2]);
  return m[1] === '-' ? -v : v;
}

async function contextArg(ctx: Ctx, s: string): Promise<number> {
  const v = parseIntmax(s);
  if (v === undefined || v < 0) await die(ctx, `${s}: invalid context length argument`);
  return Math.min(v!, Number.MAX_SAFE_INTEGER);
}

export type Parsed = { config: GrepConfig } | { help: true } | { version: true };

/** Parses grep's arguments; throws ExitError after printing a diagnostic. */
export async function parseArgs(ctx: Ctx, args: readonly string[], posixlyCorrect: boolean): Promise<Parsed> {
  let parsed;
  try {
    parsed = getopt(expandDigits(args), OPTIONS, { posixOrder: posixlyCorrect });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    return die(ctx, e.message, true);
  }
  const c: GrepConfig = {
    matcher: 'G', patterns: [], icase: false, invert: false, word: false, line: false, count: false, list: 'none',
    quiet: false, suppress: false, only: false, lineNumber: false, byteOffset: false, withFilename: undefined,
    initialTab: false, nullAfterName: false, nullData: false, maxCount: -1, before: -1, after: -1, groupSeparator: '--',
    color: false, label: '(standard input)', binaryFiles: 'binary', directories: 'read', devices: 'cmdline',
    dereference: false, fileGlobs: [], dirGlobs: [], lineBuffered: false, operands: parsed.operands,
  };
  let matcherSet: MatcherKind | undefined;
  let context = -1;
  let keysGiven = false;
  let help = false;
  let version = false;
  let color = 'never';
  const setMatcher = async (m: MatcherKind): Promise<void> => {
    if (matcherSet !== undefined && matcherSet !== m) await die(ctx, 'conflicting matchers specified');
    matcherSet = m;
  };
  for (const { key, value } of parsed.order) {
    const v = value ?? '';
    switch (key) {
      case 'E': case 'F': case 'G': case 'P': await setMatcher(key); break;
      case 'X': {
        const m = ({ grep: 'G', egrep: 'E', fgrep: 'F', perl: 'P' } as Record<string, MatcherKind>)[v];
        if (!m) await die(ctx, `invalid matcher ${v}`);
        await setMatcher(m!);
        break;
      }
      case 'A': c.after = await contextArg(ctx, v); break;
      case 'B': c.before = await contextArg(ctx, v); break;
      case 'C': context = await contextArg(ctx, v); break;
      case 'binary-files':
        if (v === 'binary' || v === 'text' || v === 'without-match') c.binaryFiles = v;
        else await die(ctx, 'unknown binary-files type');
        break;
      case 'a': c.binaryFiles = 'text'; break;
      case 'I': c.binaryFiles = 'without-match'; break;
      case 'b': c.byteOffset = true; break;
      case 'color':
        if (value === undefined) color = 'auto';
        else if (/^(always|yes|force)$/i.test(v)) color = 'always';
        else if (/^(never|no|none)$/i.test(v)) color = 'never';
        else if (/^(auto|tty|if-tty)$/i.test(v)) color = 'auto';
        else help = true;
        break;
      case 'c': c.count = true; break;
      case 'D':
        if (v === 'read' || v === 'skip') c.devices = v;
        else await die(ctx, 'unknown devices method');
        break;
      case 'd': {
        const r = argmatch(v, [['read', 'read'], ['recurse', 'recurse'], ['skip', 'skip']] as const);
        if ('error' in r) {
          await argmatchError(ctx, '--directories', v, r.error, [['read', 'read'], ['recurse', 'recurse'], ['skip', 'skip']]);
          await ctx.err.write(`${USAGE_LINE.replace('grep', shortName(ctx))}\nTry '${shortName(ctx)} --help' for more information.\n`);
          throw new ExitError(1);
        }
        c.directories = r.value;
        if (r.value === 'recurse') c.dereference = false;
        break;
      }
      case 'r': c.directories = 'recurse'; c.dereference = false; break;
      case 'R': c.directories = 'recurse'; c.dereference = true; break;
      case 'exclude': case 'include': c.fileGlobs.push({ glob: utf8ToBin(v), include: key === 'include' }); break;
      // grep strips the pattern's trailing slashes: --exclude-dir=b/ is b
      case 'exclude-dir': c.dirGlobs.push(utf8ToBin(v.replace(/(.)\/+$/, '$1'))); break;
      case 'exclude-from': {
        const text = await readPatternFile(ctx, v);
        for (const line of text.split('\n')) if (line) c.fileGlobs.push({ glob: line, include: false });
        break;
      }
      case 'e': c.patterns.push({ text: utf8ToBin(v), file: '' }); keysGiven = true; break;
      case 'f': {
        let text = await readPatternFile(ctx, v);
        if (text.endsWith('\n')) text = text.slice(0, -1);
        else if (text === '') {
          keysGiven = true;
          break;
        }
        c.patterns.push({ text, file: v === '-' ? '(standard input)' : v });
        keysGiven = true;
        break;
      }
      case 'l': c.list = 'matching'; break;
      case 'L': c.list = 'nonmatching'; break;
      case 'group-separator': c.groupSeparator = utf8ToBin(v); break;
      case 'no-group-separator': c.groupSeparator = null; break;
      case 'help': help = true; break;
      case 'i': case 'y': c.icase = true; break;
      case 'no-ignore-case': c.icase = false; break;
      case 'T': c.initialTab = true; break;
      case 'label': c.label = v; break;
      case 'line-buffered': c.lineBuffered = true; break;
      case 'n': c.lineNumber = true; break;
      case 'x': c.line = true; break;
      case 'm': {
        const n = parseIntmax(v);
        if (n === undefined) await die(ctx, 'invalid max count');
        c.maxCount = n! < 0 ? -1 : n!;
        break;
      }
      case 'h': c.withFilename = false; break;
      case 'H': c.withFilename = true; break;
      case 's': c.suppress = true; break;
      case 'Z': c.nullAfterName = true; break;
      case 'z': c.nullData = true; break;
      case 'o': c.only = true; break;
      case 'q': c.quiet = true; break;
      case 'v': c.invert = true; break;
      case 'U': break;
      case 'u': await ctx.error('warning: --unix-byte-offsets (-u) is obsolete'); break;
      case 'V': version = true; break;
      case 'w': c.word = true; break;
    }
  }
  if (version) return { version: true };
  if (help) return { help: true };
  if (!keysGiven) {
    if (c.operands.length === 0) return usageOnly(ctx);
    c.patterns.push({ text: utf8ToBin(c.operands.shift()!), file: '' });
  }
  c.matcher = matcherSet ?? 'G';
  if (context >= 0) {
    if (c.after < 0) c.after = context;
    if (c.before < 0) c.before = context;
  }
  c.color = color === 'always' || (color === 'auto' && ctx.sys.isatty(1) && (ctx.env.get('TERM') ?? 'dumb') !== 'dumb');
  return { config: c };
}

async function usageOnly(ctx: Ctx): Promise<never> {
  await ctx.err.write(`${USAGE_LINE.replace('grep', shortName(ctx))}\nTry '${shortName(ctx)} --help' for more information.\n`);
  throw new ExitError(2);
}

async function readPatternFile(ctx: Ctx, name: string): Promise<string> {
  let fd = 0;
  try {
    if (name !== '-') fd = await ctx.sys.open(name, { read: true });
    return await readAllBin(ctx.sys, fd, () => ctx.tick());
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.perror(e, name);
    throw new ExitError(2);
  } finally {
    if (name !== '-') ctx.sys.close(fd);
  }
}
