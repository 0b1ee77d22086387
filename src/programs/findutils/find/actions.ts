// find's actions (-print, -printf, -fprint, -ls, -delete, -prune, -quit, the -exec family)
// and its options (-maxdepth, -depth, -xdev, -daystart, -regextype, ...).
import { isSysError } from '../../../shared/errno';
import { Writer } from '../../lib/context';
import { execParsers } from './exec';
import { listLine } from './ls';
import { displayName, q, type Parser, type ParserEntry } from './parse';
import { compileFormat, formatEntry } from './printf';
import { FindExit, FindQuit, type Entry, type FindState } from './types';

/** Opens (truncating) a file named by -fprint and friends, once per name. */
async function outputFile(p: Parser, path: string): Promise<Writer> {
  const s = p.s;
  if (path === '/dev/stdout') return s.ctx.out;
  if (path === '/dev/stderr') return s.ctx.err;
  const known = s.files.get(path);
  if (known) return known;
  try {
    const fd = await s.ctx.sys.open(path, { write: true, create: true, truncate: true }, 0o666);
    const w = new Writer(s.ctx.sys, fd, false);
    s.files.set(path, w);
    return w;
  } catch (err) {
    if (!isSysError(err)) throw err;
    await s.ctx.perror(err, q(path));
    throw new FindExit(1);
  }
}

type Emit = (e: Entry, s: FindState) => Promise<string>;

/** An action writing text for each file to stdout (`file` false) or to a named file. */
function writer(file: boolean, emit: Emit, extra: (p: Parser) => boolean = () => true): ParserEntry {
  return {
    kind: 'action',
    async parse(p, name) {
      let out: Writer | undefined;
      if (file) {
        const path = p.collect();
        if (path === undefined) return false;
        out = await outputFile(p, path);
      }
      if (!extra(p)) return false;
      const w = out;
      p.primary(name, async (e, s) => {
        await (w ?? s.ctx.out).write(await emit(e, s));
        return true;
      }, { noDefaultPrint: true });
      return true;
    },
  };
}

function printfAction(file: boolean): ParserEntry {
  return {
    kind: 'action',
    async parse(p, name) {
      let out: Writer | undefined;
      const start = p.i;
      if (file) {
        // both arguments are taken before the file is opened; with the format missing the
        // file name is the argument complained about
        const path = p.collect();
        if (path === undefined) return false;
        if (p.i >= p.args.length) {
          p.i = start;
          return false;
        }
        out = await outputFile(p, path);
      }
      const fmt = p.collect();
      if (fmt === undefined) return false;
      const warnings: string[] = [];
      const segs = compileFormat(fmt, (m) => warnings.push(m));
      for (const m of warnings) await p.warn(m);
      p.primary(name, async (e, s) => {
        const w = out ?? s.ctx.out;
        await w.write(await formatEntry(segs, e, s, w));
        if (segs[segs.length - 1]?.kind === 'stop') await w.flush();
        return true;
      }, { noDefaultPrint: true });
      return true;
    },
  };
}

const deleteAction: ParserEntry = {
  kind: 'action',
  parse(p, name) {
    p.s.opts.depthFirst = true;
    p.primary(name, async (e, s) => {
      if (e.path === '.' && e.depth === 0) return true;
      const sys = s.ctx.sys;
      try {
        if (e.st.kind === 'dir') await sys.rmdir(e.path);
        else await sys.unlink(e.path);
        return true;
      } catch (err) {
        if (isSysError(err) && err.errno === 'EISDIR') {
          try {
            await sys.rmdir(e.path);
            return true;
          } catch (err2) {
            await s.ctx.perror(err2, `cannot delete ${q(e.path)}`);
            s.status = 1;
            return false;
          }
        }
        await s.ctx.perror(err, `cannot delete ${q(e.path)}`);
        s.status = 1;
        return false;
      }
    }, { noDefaultPrint: true });
    return true;
  },
};

export const actionParsers: Record<string, ParserEntry> = {
  ...execParsers,
  print: writer(false, async (e, s) => `${displayName(e.path, s)}\n`),
  print0: writer(false, async (e) => `${e.path}\0`),
  fprint: writer(true, async (e) => `${e.path}\n`),
  fprint0: writer(true, async (e) => `${e.path}\0`),
  ls: writer(false, (e, s) => listLine(e, s)),
  fls: writer(true, (e, s) => listLine(e, s)),
  printf: printfAction(false),
  fprintf: printfAction(true),
  delete: deleteAction,
  prune: {
    kind: 'action',
    parse(p, name) {
      p.primary(name, (e, s) => {
        // findutils stats the entry first (one it could not stat is not pruned: false)
        void e.st.mode;
        if (!s.opts.depthFirst && e.st.kind === 'dir') s.prune = true;
        return true;
      }, { isPrune: true });
      return true;
    },
  },
  quit: {
    kind: 'action',
    parse(p, name) {
      p.primary(name, () => {
        throw new FindQuit();
      });
      return true;
    },
  },
};

const REGEX_TYPES = ['findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', 'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'];

function depthOption(key: 'maxdepth' | 'mindepth'): ParserEntry {
  return {
    kind: 'option',
    parse(p, name) {
      const arg = p.collect();
      if (arg === undefined) return false;
      if (!/^\d+$/.test(arg) || Number(arg) > 2147483647) throw new FindExit(1, `Expected a positive decimal integer argument to ${name}, but got ${q(arg)}`);
      p.s.opts[key] = Number(arg);
      return p.noop(name);
    },
  };
}

const option = (kind: 'option' | 'positional', fn: (p: Parser) => void): ParserEntry => ({
  kind,
  parse(p, name) {
    fn(p);
    return p.noop(name);
  },
});

export const optionParsers: Record<string, ParserEntry> = {
  depth: option('option', (p) => {
    p.s.opts.depthFirst = true;
    p.s.opts.explicitDepth = true;
  }),
  d: option('option', (p) => {
    if (p.s.opts.warnings) void p.warn('warning: the -d option is deprecated; please use -depth instead, because the latter is a POSIX-compliant feature.');
    p.s.opts.depthFirst = true;
    p.s.opts.explicitDepth = true;
  }),
  maxdepth: depthOption('maxdepth'),
  mindepth: depthOption('mindepth'),
  xdev: option('option', (p) => (p.s.opts.xdev = true)),
  mount: option('option', (p) => (p.s.opts.xdev = true)),
  noleaf: option('option', () => undefined),
  ignore_readdir_race: option('option', () => undefined),
  noignore_readdir_race: option('option', () => undefined),
  daystart: option('positional', (p) => {
    const o = p.s.opts;
    if (!o.fullDays) {
      const start = o.dayStart + 86400_000;
      o.dayStart = start - (start % 86400_000);
      o.fullDays = true;
    }
  }),
  follow: option('positional', (p) => (p.s.opts.follow = 'L')),
  nowarn: option('positional', (p) => (p.s.opts.warnings = false)),
  warn: option('positional', (p) => (p.s.opts.warnings = true)),
  regextype: {
    kind: 'positional',
    parse(p, name) {
      const t = p.collect();
      if (t === undefined) return false;
      if (!REGEX_TYPES.includes(t)) {
        throw new FindExit(1, `Unknown regular expression type ${q(t)}; valid types are ${REGEX_TYPES.map(q).join(', ')}.`);
      }
      const o = p.s.opts;
      o.regexDotNewline = t !== 'emacs';
      o.regexSyntax = ['findutils-default', 'emacs'].includes(t) ? 'emacs' : ['ed', 'grep', 'posix-basic', 'posix-minimal-basic', 'sed'].includes(t) ? 'basic' : 'extended';
      return p.noop(name);
    },
  },
  'files0-from': {
    kind: 'option',
    parse(p, name) {
      const file = p.collect();
      if (file === undefined) return false;
      p.s.opts.files0From = file;
      return p.noop(name);
    },
  },
  context: {
    kind: 'test',
    parse() {
      throw new FindExit(1, 'invalid predicate -context: SELinux is not enabled.');
    },
  },
};
