// awk: GNU awk 5.1 (Photon installs gawk as /usr/bin/gawk with /usr/bin/awk -> gawk).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { G, SPECIALS, type Program } from './ast';
import { knownExtension, parseOptions, USAGE, VERSION, type Options } from './options';
import { AwkFatal, OutOfMemory } from './errors';
import { debugSession } from './debugger';
import { writeDump } from './dump';
import { Executor } from './exec';
import { Inplace } from './inplace';
import { PrettyPrinter } from './pretty';
import { Profile, writeProfile } from './profile';
import { commandLineAssign } from './input';
import { BUILTIN_FUNCS, LexError, tokenize, unescape, type Comment, type Source, type Token } from './lexer';
import { ParseError } from './parse-expr';
import { Parser } from './parser';
import { RegexError, translate } from './regex';
import { makeCodec } from './records';
import { Runtime, type LintMode } from './runtime';
import { Symtab } from './symtab';
import { loadSources, progName } from './sources';
import { systemZone } from '../lib/tz';
import type { NumMode } from './strtod';
import type { Value } from './values';
import { AwkArray } from './array';

const SIGKILL = 9;

/** gawk names itself by the basename of argv[0]. */

/** The source line of a token and the column of the token in it. */
function lineOf(sources: Source[], tok: Token): { text: string; col: number } {
  const src = sources[tok.src]?.text ?? '';
  const pos = Math.min(tok.pos, src.length);
  const start = src.lastIndexOf('\n', pos - 1) + 1;
  let end = src.indexOf('\n', start);
  if (end < 0) end = src.length;
  return { text: src.slice(start, end), col: pos - start };
}

async function parseError(ctx: Ctx, err: (t: string) => Promise<void>, sources: Source[], e: LexError | ParseError): Promise<number> {
  let tok = e.tok;
  const source = sources[tok.src];
  const parse = e instanceof ParseError;
  // at the end of a source gawk points at the end of its last line
  if (parse && tok.type === 'EOF' && source?.text.endsWith('\n')) tok = { ...tok, line: tok.line - 1, pos: tok.pos - 1 };
  const where = `${progName(ctx)}: ${source?.name ?? 'cmd. line'}:${tok.type === 'NEWLINE' ? tok.line + 1 : tok.line}: `;
  if (e instanceof ParseError && e.style !== 'caret') {
    await err(`${where}${e.style === 'fatal' ? 'fatal: ' : ''}${e.message}\n`);
    return e.style === 'fatal' ? 2 : 1;
  }
  if (parse && source && source.name !== 'cmd. line' && (tok.type === 'EOF' || tok.synthetic)) {
    const last = source.text.endsWith('\n') ? '' : source.text.slice(source.text.lastIndexOf('\n') + 1);
    const pad = ' '.repeat(Math.max(0, last.length - 1));
    await err(`${where}(END OF FILE)\n${where}${pad}^ source files / command-line arguments must contain complete functions or rules\n`);
    return 1;
  }
  const { text, col } = lineOf(sources, tok);
  const pad = text.slice(0, col).replace(/[^\t]/g, ' ');
  await err(`${where}${text}\n${where}${pad}^ ${e.message}\n`);
  return 1;
}

function initGlobals(rt: Runtime, hostArgs: readonly string[], operands: string[]): void {
  const g = rt.globals;
  const symtab = rt.prog.globals.indexOf('SYMTAB');
  if (symtab >= 0) g[symtab]!.a = new Symtab(rt);
  const set = (slot: number, v: string | number): void => {
    g[slot]!.v = v;
    g[slot]!.scalar = true;
  };
  set(G.FS, ' ');
  set(G.OFS, ' ');
  set(G.ORS, '\n');
  set(G.RS, '\n');
  set(G.SUBSEP, '\x1c');
  set(G.CONVFMT, '%.6g');
  set(G.OFMT, '%.6g');
  set(G.NR, 0);
  set(G.FNR, 0);
  set(G.FILENAME, '');
  set(G.RSTART, 0);
  set(G.RLENGTH, 0);
  set(G.RT, '');
  set(G.IGNORECASE, 0);
  set(G.ERRNO, '');
  set(G.FIELDWIDTHS, '');
  set(G.FPAT, '[^[:space:]]+');
  set(G.BINMODE, 0);
  set(G.LINT, 0);
  set(G.TEXTDOMAIN, 'messages');
  set(G.ARGIND, 0);
  set(G.PREC, 53);
  set(G.ROUNDMODE, 'N');
  const functab = new AwkArray();
  for (const name of [...BUILTIN_FUNCS, ...rt.prog.funcs.keys()].sort()) functab.set(name, name);
  g[G.FUNCTAB]!.a = functab;
  const env = new AwkArray();
  for (const [k, v] of rt.ctx.env) env.set(rt.codec.fromHost(k), rt.input(rt.codec.fromHost(v)));
  if (!env.has('AWKPATH')) env.set('AWKPATH', rt.input('.:/usr/share/awk'));
  if (!env.has('AWKLIBPATH')) env.set('AWKLIBPATH', rt.input('/usr/lib/gawk'));
  g[G.ENVIRON]!.a = env;
  const argv = new AwkArray();
  argv.set('0', rt.name);
  operands.forEach((o, i) => argv.set(String(i + 1), rt.input(o)));
  g[G.ARGV]!.a = argv;
  set(G.ARGC, operands.length + 1);
  const sys = rt.ctx.sys;
  const procinfo = new AwkArray();
  for (const [k, v] of [
    ['version', '5.1.1'],
    ['api_major', 3],
    ['api_minor', 1],
    ['platform', 'posix'],
    ['pid', sys.pid],
    ['ppid', sys.getppid()],
    ['pgrpid', sys.getpgid()],
    ['uid', sys.getuid()],
    ['euid', sys.geteuid()],
    ['gid', sys.getgid()],
    ['egid', sys.getegid()],
    ['FS', 'FS'],
    ['strftime', '%a %b %e %H:%M:%S %Z %Y'],
    ['gmp_version', 'GNU MP 6.2.1'],
    ['mpfr_version', 'GNU MPFR 4.1.0-p13'],
    ['prec_max', 9223372036854775807],
    ['prec_min', 1],
  ] as const) procinfo.set(k, v);
  const args = new AwkArray();
  [rt.name, ...hostArgs].forEach((a, i) => args.set(String(i), rt.codec.fromHost(a)));
  procinfo.set('argv', args as unknown as Value);
  // what each name is as the program starts: its globals are all still untyped
  const identifiers = new AwkArray();
  for (const name of SPECIALS) identifiers.set(name, g[G[name]]!.a ? 'array' : 'scalar');
  identifiers.set('PROCINFO', 'array');
  identifiers.set('SYMTAB', 'array');
  for (const name of BUILTIN_FUNCS) identifiers.set(name, 'builtin');
  for (const name of rt.prog.funcs.keys()) identifiers.set(name, 'user');
  for (const name of rt.prog.globals.slice(SPECIALS.length)) identifiers.set(name, 'untyped');
  procinfo.set('identifiers', identifiers as unknown as Value);
  g[G.PROCINFO]!.a = procinfo;
}

async function compile(ctx: Ctx, err: (t: string) => Promise<void>, sources: Source[], preset: string[], lint: LintMode, posix: boolean, traditional: boolean, lintExtensions: boolean): Promise<Program | number> {
  const warned = new Set<string>();
  const warnings: string[] = [];
  const warn = (w: string, tok: Token, each = false): void => {
    if (warned.has(w) && !each) return;
    warned.add(w);
    warnings.push(`${progName(ctx)}: ${sources[tok.src]?.name ?? 'cmd. line'}:${tok.line}: warning: ${w}\n`);
  };
  // gawk prints its non-fatal errors as it meets them: those before a syntax error come first
  const lexErrors: { message: string; tok: Token }[] = [];
  let parser: Parser | undefined;
  const errorLine = (e: { message: string; tok: Token }): string => `${progName(ctx)}: ${sources[e.tok.src]?.name ?? 'cmd. line'}:${e.tok.line}: error: ${e.message}\n`;
  try {
    const comments: Comment[] = [];
    let lintFatal: { w: string; tok: Token } | undefined;
    const lintWarn = lint === false ? undefined : (w: string, tok: Token): void => {
      if (lint !== 'fatal') warn(w, tok, true);
      else lintFatal ??= { w, tok };
    };
    const toks = tokenize(sources, warn, posix, comments, traditional, lintWarn, lexErrors, lintExtensions);
    if (lintFatal) {
      for (const x of warnings) await err(x);
      await err(`${progName(ctx)}: ${sources[lintFatal.tok.src]?.name ?? 'cmd. line'}:${lintFatal.tok.line}: fatal: ${lintFatal.w}\n`);
      return 2;
    }
    const errors: string[] = [];
    for (const t of toks) {
      if (t.type !== 'ERE') continue;
      try {
        for (const w of translate(t.text).warnings) warn(w, t);
      } catch (e) {
        if (!(e instanceof RegexError)) throw e;
        errors.push(`${progName(ctx)}: ${sources[t.src]?.name ?? 'cmd. line'}:${t.line}: error: ${e.message}: /${t.text}/\n`);
      }
    }
    parser = new Parser(toks);
    parser.errors.push(...lexErrors);
    for (const name of preset) parser.preset.add(name);
    parser.lint = lint !== false;
    parser.gawkDirectives = !traditional;
    const prog = parser.parseProgram();
    prog.comments = comments;
    for (const w of parser.warnings) {
      if (lint === 'fatal' && parser.lintWarnings.has(w.message)) {
        for (const x of warnings) await err(x);
        await err(`${progName(ctx)}: ${sources[w.tok.src]?.name ?? 'cmd. line'}:${w.tok.line}: fatal: ${w.message}\n`);
        return 2;
      }
      warn(w.message, w.tok, w.each);
    }
    if (lint !== false) {
      for (const name of prog.funcs.keys()) {
        if (parser.calledDirectly.has(name)) continue;
        if (lint === 'fatal') {
          for (const x of warnings) await err(x);
          await err(`${progName(ctx)}: fatal: function \`${name}' defined but never called directly\n`);
          return 2;
        }
        warnings.push(`${progName(ctx)}: warning: function \`${name}' defined but never called directly\n`);
      }
    }
    for (const w of warnings) await err(w);
    for (const e of parser.errors) errors.push(errorLine(e));
    for (const e of errors) await err(e);
    return errors.length ? 1 : prog;
  } catch (e) {
    for (const w of parser?.warnings ?? []) warn(w.message, w.tok, w.each);
    for (const w of warnings) await err(w);
    if (!(e instanceof LexError || e instanceof ParseError)) throw e;
    const at = e.tok;
    const before = (t: Token): boolean => t.src < at.src || (t.src === at.src && t.pos <= at.pos);
    for (const x of parser?.errors ?? lexErrors) if (before(x.tok) || (e instanceof ParseError && e.style === 'fatal')) await err(errorLine(x));
    return parseError(ctx, err, sources, e);
  }
}

/** How the program reads numbers in text: --posix as C does, -n with hex and octal too. */
async function numberMode(flags: Set<string>, warn: (w: string) => Promise<void>): Promise<NumMode> {
  const posix = flags.has('P');
  if (posix && flags.has('c')) await warn("`--posix' overrides `--traditional'");
  if (flags.has('n') && (posix || flags.has('c'))) await warn("`--posix'/`--traditional' overrides `--non-decimal-data'");
  return posix ? 'posix' : flags.has('n') && !flags.has('c') ? 'nondec' : 'gawk';
}

/** gawk -o: the program pretty-printed to awkprof.out, the file named, or standard output for `-`; it does not run. */
async function prettyPrint(ctx: Ctx, prog: Program, target: string | undefined): Promise<number> {
  const codec = makeCodec(ctx.env);
  const text = new PrettyPrinter(prog, (s) => codec.encode(s)).print();
  if (target === '-') {
    await ctx.out.write(codec.toHost(text));
    return 0;
  }
  const name = target ?? 'awkprof.out';
  try {
    const fd = await ctx.sys.open(codec.toHost(name), { write: true, create: true, truncate: true }, 0o666);
    await ctx.sys.write(fd, codec.encode(text));
    ctx.sys.close(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${progName(ctx)}: fatal: cannot open \`${name}' for writing: ${strerror(e.errno)}\n`);
    return 2;
  }
  return 0;
}

export async function runAwk(ctx: Ctx, hostArgs: readonly string[]): Promise<number> {
  const codec = makeCodec(ctx.env);
  const err = (t: string): Promise<void> => ctx.err.write(codec.toHost(t));
  const optWarnings: string[] = [];
  const opts = parseOptions(hostArgs.map((a) => codec.fromHost(a)), optWarnings);
  for (const w of optWarnings) await err(`${progName(ctx)}: ${w}\n`);
  if (opts.kind === 'run') {
    const missing = opts.loads.find((l) => !knownExtension(l));
    if (missing !== undefined) {
      await err(`${progName(ctx)}: fatal: cannot open shared library \`${missing}' for reading: No such file or directory\n`);
      return 2;
    }
  }
  if (opts.kind === 'fatal') {
    await err(`${progName(ctx)}: fatal: ${opts.message}\n`);
    return 2;
  }
  if (opts.kind === 'error') {
    if (opts.message) await ctx.err.write(`${progName(ctx)}: ${opts.message}\n`);
    await ctx.err.write(USAGE(progName(ctx)));
    return 1;
  }
  if (opts.kind === 'help') {
    await ctx.print(USAGE(progName(ctx)));
    return 0;
  }
  if (opts.kind === 'version') {
    await ctx.print(VERSION);
    return 0;
  }
  const mode = await numberMode(opts.flags, (w) => err(`${progName(ctx)}: warning: ${w}\n`));
  const sources = await loadSources(ctx, codec, err, opts);
  if (typeof sources === 'number') return sources;
  const preset = opts.assigns.flatMap((a) => (a.kind === 'var' ? [a.value.slice(0, a.value.indexOf('='))] : []));
  const lint: LintMode = !opts.flags.has('L') ? false : opts.optional.get('L') === 'fatal' ? 'fatal' : true;
  const prog = await compile(ctx, err, sources, preset, lint, opts.flags.has('P'), opts.flags.has('P') || opts.flags.has('c'), opts.optional.get('L') !== 'no-ext');
  if (typeof prog === 'number') return prog;
  if (opts.flags.has('o') && !opts.flags.has('p')) return prettyPrint(ctx, prog, opts.optional.get('o'));
  const rt = new Runtime(ctx, prog, sources, mode);
  rt.systemZone = await systemZone(ctx.sys);
  rt.sandbox = opts.flags.has('S');
  rt.lint = lint;
  rt.traditional = opts.flags.has('P') || opts.flags.has('c');
  if (opts.flags.has('inplace')) {
    sources.push({ name: 'inplace', text: '' });
    rt.inplace = new Inplace(rt, sources.length - 1);
  }
  if (opts.flags.has('p')) rt.profile = new Profile();
  initGlobals(rt, hostArgs, opts.operands);
  const fail = async (e: unknown): Promise<number> => {
    let fatal = e;
    if (e instanceof OutOfMemory) {
      // what is still buffered goes with the process
      rt.ctx.sys.kill(rt.ctx.sys.pid, SIGKILL);
      await rt.ctx.sys.tick();
      return 128 + SIGKILL;
    }
    if (e instanceof RegexError) fatal = new AwkFatal(`invalid regexp: ${e.message}`);
    if (!(fatal instanceof AwkFatal)) throw e;
    await rt.drainWarnings();
    await rt.io.stdout.flush();
    await rt.io.stderr.write(rt.fatalText(fatal));
    return 2;
  };
  const run = async (): Promise<number> => {
    try {
      const status = await new Executor(rt).run();
      await rt.drainWarnings();
      if (opts.flags.has('d')) await writeDump(rt, opts.optional.get('d'));
      if (rt.profile) await writeProfile(rt, rt.profile, opts.optional.get('p') ?? opts.optional.get('o'));
      return status;
    } catch (e) {
      return fail(e);
    }
  };
  let status: number;
  try {
    for (const a of opts.assigns) {
      if (a.kind === 'fs') rt.set({ name: 'FS', local: false, slot: G.FS }, unescape(a.value));
      else commandLineAssign(rt, a.value);
    }
    rt.inplace?.forgetOptions();
    status = opts.flags.has('D') ? await debugSession(rt, sources, opts.optional.get('D'), run) : await run();
  } catch (e) {
    status = await fail(e);
  }
  await rt.io.closeAll(rt.lint ? rt.name : undefined);
  return status;
}

export default defineProgram({
  name: 'gawk',
  installPath: '/usr/bin/gawk',
  aliases: ['/usr/bin/awk'],
  pkg: 'gawk',
  main: (ctx, args) => runAwk(ctx, args.operands),
});
