// gzip, gunzip and zcat (gzip 1.12): compress FILE to FILE.gz (name, time stamp and mode
// kept), or back. Messages always say "gzip:", as Photon's gunzip and zcat are scripts
// that run gzip. Exit 0, 1 on an error, 2 on a warning.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { writeBytes } from '../lib/output';
import { strftime } from '../lib/strftime';
import { localZone, type TimeZone } from '../lib/tz';
import { compress, GzipError, gunzip, ratio, readHeader, type Gunzipped } from './gzip-format';
import { HELP, VERSION, wrapperHelp, wrapperVersion } from './gzip-text';

const P = 'gzip';
const KNOWN = ['.gz', '.z', '.taz', '.tgz', '-gz', '-z', '_z'];

interface Opts {
  decompress: boolean;
  stdout: boolean;
  force: boolean;
  keep: boolean;
  list: boolean;
  test: boolean;
  quiet: boolean;
  verbose: number;
  /** -k as given (gzip -cv says "replaced with stdout" unless -k was given too) */
  keepAsked?: boolean;
  recursive: boolean;
  noName: boolean | undefined;
  level: number;
  suffix: string;
}

class State {
  status = 0;
  totals = { comp: 0, uncomp: 0, header: 0 };
  listed = false;
  /** An error that ends gzip: the files after it are left alone. */
  fatal = false;
  /** The local time zone, read when -lv first needs it. */
  tz: TimeZone | undefined;
  constructor(
    readonly ctx: Ctx,
    readonly o: Opts,
  ) {}
  async error(msg: string): Promise<void> {
    await this.ctx.out.flush();
    await this.ctx.err.write(`${P}: ${msg}\n`);
    this.status = 1;
  }
  async warn(msg: string): Promise<void> {
    if (!this.o.quiet) await this.ctx.err.write(`${P}: ${msg}\n`);
    if (this.status === 0) this.status = 2;
  }
  /** An output that is there already: said even under -q, as gzip's check does not look at it. */
  async exists(name: string): Promise<void> {
    await this.ctx.err.write(`${P}: ${name} already exists;\tnot overwritten\n`);
    if (this.status === 0) this.status = 2;
  }
  async sysError(e: unknown, name: string): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.ctx.out.flush();
    // gunzip and zcat are scripts that exec gzip, so every message says gzip
    await this.ctx.err.write(`${P}: ${name}: ${strerror(e.errno)}\n`);
    this.status = 1;
  }
}

function suffixOf(name: string, o: Opts): string | undefined {
  for (const s of [o.suffix, ...KNOWN]) if (s && name.length > s.length && name.endsWith(s)) return s;
  return undefined;
}

async function gzError(s: State, e: unknown, name: string): Promise<void> {
  if (!(e instanceof GzipError)) throw e;
  await s.ctx.out.flush();
  if (e.kind !== 'method' && (e.kind !== 'trailing' || !s.o.quiet)) await s.ctx.err.write('\n');
  if (e.kind === 'format') await s.error(`${name}: not in gzip format`);
  else if (e.kind === 'eof') await s.error(`${name}: unexpected end of file`);
  else if (e.kind === 'crc') await s.error(`${name}: invalid compressed data--crc error`);
  else if (e.kind === 'length') await s.error(`${name}: invalid compressed data--length error`);
  else if (e.kind === 'method') await s.error(`${name}: unknown method ${e.method} -- not supported`);
  else if (e.kind === 'trailing') await s.warn(`${name}: decompression OK, trailing garbage ignored`);
  else await s.error(`${name}: invalid compressed data--format violated`);
}

/** gzip -l's line for one input (decoded whole, as gzip 1.12 does to check it). */
async function listLine(s: State, r: Gunzipped, comp: number, mtimeSec: number, outName: string): Promise<void> {
  const o = s.o;
  if (r.trailing) {
    // gzip takes an input with trailing bytes for its totals call: the totals so far, no
    // line; having looked for a second member, it no longer knows a header's size
    s.totals.header = 0;
    await listTotals(s);
    return;
  }
  if (o.noName === false && r.header?.name) {
    outName = outName.slice(0, outName.lastIndexOf('/') + 1) + r.header.name;
  }
  if (o.noName === false && r.header?.mtime) mtimeSec = r.header.mtime;
  // with several members gzip no longer knows the header's size
  const headerBytes = r.members === 1 && r.header ? r.header.size + 8 : 0;
  const uncomp = r.size;
  let out = '';
  if (!s.listed) {
    if (!o.quiet) out += o.verbose ? 'method  crc     date  time           compressed        uncompressed  ratio uncompressed_name\n' : '         compressed        uncompressed  ratio uncompressed_name\n';
    s.listed = true;
  }
  if (o.verbose) out += `defla ${r.crc.toString(16).padStart(8, '0')} ${strftime('%b %e %H:%M', mtimeSec * 1000, undefined, s.tz ??= await localZone(s.ctx.sys))} `;
  out += `${String(comp).padStart(19)} ${String(uncomp).padStart(19)} ${ratio(uncomp - (comp - headerBytes), uncomp)} ${outName}\n`;
  s.totals.comp += comp;
  s.totals.header = headerBytes; // gzip keeps only the last file's header size for the totals
  s.totals.uncomp += uncomp;
  await s.ctx.print(out);
}

async function listTotals(s: State): Promise<void> {
  const t = s.totals;
  if (t.comp <= 0 || t.uncomp <= 0) return;
  const pad = s.o.verbose ? ' '.repeat(28) : '';
  await s.ctx.print(`${pad}${String(t.comp).padStart(19)} ${String(t.uncomp).padStart(19)} ${ratio(t.uncomp - (t.comp - t.header), t.uncomp)} (totals)\n`);
}

/**
 * gzip -d, -t or -l of one input, in gzip's order: the verbose "NAME:" once its header was
 * read, the data it decoded (even when an error cut it short), then the errors. Returns the
 * decoded data when the input was good (trailing bytes after the last member are only
 * warned about).
 */
async function gunzipInput(s: State, name: string, data: Uint8Array, write: boolean, isFile: boolean): Promise<Gunzipped | undefined> {
  const { ctx, o } = s;
  const r = gunzip(data, o.force && (write || o.test) && !o.list, o.test || o.list);
  if (isFile && o.verbose && !o.list && (r.header || r.copied)) await ctx.err.write(`${name}:\t`);
  if (write && !o.test && !o.list && r.data.length) await writeBytes(ctx, r.data);
  for (const e of r.errors) await gzError(s, e, name);
  if (r.fatal) s.fatal = true;
  if (r.errors.length) return undefined;
  if (r.trailing === 'garbage') await gzError(s, new GzipError('trailing'), name);
  else if (r.trailing === 'zeros' && o.verbose) {
    await ctx.out.flush();
    await ctx.err.write('\n');
    await s.warn(`${name}: decompression OK, trailing zero bytes ignored`);
  }
  return r;
}

async function readAllFd(ctx: Ctx, fd: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const c = await ctx.sys.read(fd);
    if (c === null) break;
    parts.push(c);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return all;
}

/** The tail of a verbose line when the result went to standard output. */
function toStdoutNote(o: Opts): string {
  return ` -- ${o.keepAsked ? 'created' : 'replaced with'} stdout`;
}

async function doStdin(s: State): Promise<void> {
  const { ctx, o } = s;
  if (!o.decompress && !o.list && !o.test && ctx.sys.isatty(1) && !o.force) {
    await s.error('compressed data not written to a terminal. Use -f to force compression.');
    await ctx.err.write(`For help, type: ${P} -h\n`);
    return;
  }
  if ((o.decompress || o.list || o.test) && ctx.sys.isatty(0) && !o.force) {
    await s.error('compressed data not read from a terminal. Use -f to force decompression.');
    await ctx.err.write(`For help, type: ${P} -h\n`);
    return;
  }
  const data = await readAllFd(ctx, 0);
  if (!o.decompress) {
    const gz = compress(data, o.level, undefined, 0);
    await writeBytes(ctx, gz);
    if (o.verbose) await ctx.err.write(`${ratio(data.length - (gz.length - 18), data.length)}\n`);
    return;
  }
  // standard input always goes to standard output: -f passes data that is not gzip through
  const r = await gunzipInput(s, 'stdin', data, true, false);
  if (!r) return;
  if (o.list) {
    // the time stamp of a file given as standard input; a pipe has none
    const st = ctx.sys.fstat(0);
    return listLine(s, r, data.length, st.kind === 'file' ? Math.floor(st.mtime / 1000) : 0, 'stdout');
  }
  if (o.test && o.verbose) await ctx.err.write(' OK\n');
}

async function writeOut(s: State, inName: string, outName: string, bytes: Uint8Array, st: Stat, mtime: number): Promise<boolean> {
  const sys = s.ctx.sys;
  try {
    await sys.lstat(outName);
    if (!s.o.force) {
      await s.exists(outName);
      return false;
    }
    await sys.unlink(outName);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'ENOENT') {
      await s.sysError(e, outName);
      return false;
    }
  }
  try {
    await sys.writeFile(outName, bytes, { mode: 0o600 });
    await sys.chmod(outName, st.mode & 0o7777);
    try {
      await sys.chown(outName, st.uid, st.gid);
    } catch {
      // not permitted for an ordinary user: keep ours
    }
    await sys.utimes(outName, st.atime, mtime);
  } catch (e) {
    await s.sysError(e, outName);
    return false;
  }
  if (!s.o.keep) {
    try {
      await sys.unlink(inName);
    } catch (e) {
      await s.sysError(e, inName);
    }
  }
  return true;
}

async function treatFile(s: State, name: string, inRecursion: boolean): Promise<void> {
  const { ctx, o } = s;
  if (name === '-') return doStdin(s);
  const sys = ctx.sys;
  let inName = name;
  let st: Stat;
  try {
    st = o.force || o.stdout ? await sys.stat(name) : await sys.lstat(name);
  } catch (e) {
    if (isSysError(e) && e.errno === 'ENOENT' && (o.decompress || o.list || o.test) && !suffixOf(name, o)) {
      let found: Stat | undefined;
      for (const sfx of [o.suffix, ...KNOWN.filter((k) => k !== o.suffix)]) {
        try {
          found = await sys.stat(name + sfx);
          inName = name + sfx;
          break;
        } catch {
          // try the next suffix
        }
      }
      if (!found) return s.sysError(e, name + o.suffix);
      st = found;
    } else return s.sysError(e, name);
  }
  if (st.kind === 'symlink') return s.error(`${name}: Too many levels of symbolic links`);
  if (st.kind === 'dir') {
    if (!o.recursive) return s.warn(`${inName} is a directory -- ignored`);
    let names: string[];
    try {
      names = await sys.readdir(inName);
    } catch (e) {
      return s.sysError(e, inName);
    }
    for (const n of names) {
      await ctx.tick();
      await treatFile(s, inName.endsWith('/') ? `${inName}${n}` : `${inName}/${n}`, true);
      if (s.fatal) return;
    }
    return;
  }
  if (st.kind !== 'file') return s.warn(`${inName} is not a directory or a regular file - ignored`);
  if (!o.stdout && !o.force && st.nlink > 1 && !o.list && !o.test) {
    return s.warn(`${inName} has ${st.nlink - 1} other link${st.nlink > 2 ? 's' : ''} -- file ignored`);
  }
  const base = inName.slice(inName.lastIndexOf('/') + 1);
  let data: Uint8Array;
  if (!o.decompress && !o.list && !o.test) {
    const sfx = suffixOf(inName, o);
    if (sfx && !o.force && !o.stdout) {
      if ((!inRecursion || o.verbose) && !o.quiet) await ctx.err.write(`${P}: ${inName} already has ${sfx} suffix -- unchanged\n`);
      return;
    }
    try {
      data = await sys.readFile(inName);
    } catch (e) {
      return s.sysError(e, inName);
    }
    const gz = compress(data, o.level, o.noName === true ? undefined : base, o.noName === true ? 0 : st.mtime / 1000);
    const pct = ratio(data.length - (gz.length - 18 - (o.noName === true ? 0 : new TextEncoder().encode(base).length + 1)), data.length);
    if (o.stdout) {
      await writeBytes(ctx, gz);
      if (o.verbose) await ctx.err.write(`${inName}:\t${pct}${toStdoutNote(o)}\n`);
      return;
    }
    const outName = inName + o.suffix;
    if (await writeOut(s, inName, outName, gz, st, st.mtime)) {
      if (o.verbose) await ctx.err.write(`${inName}:\t${pct} -- ${o.keep ? 'created' : 'replaced with'} ${outName}\n`);
    }
    return;
  }
  const sfx = suffixOf(inName, o);
  let outName = '';
  if (sfx) outName = inName.slice(0, -sfx.length) + (sfx === '.tgz' || sfx === '.taz' ? '.tar' : '');
  else if ((o.test || o.list) && !o.recursive) outName = inName;
  else if (!o.stdout || o.test || o.list) {
    // a name without a gzip suffix is passed over; with -r only -v says so
    if (o.verbose || (!o.recursive && !o.quiet)) await s.warn(`${inName}: unknown suffix -- ignored`);
    return;
  }
  try {
    data = await sys.readFile(inName);
  } catch (e) {
    return s.sysError(e, inName);
  }
  if (!o.stdout && !o.test && !o.list) {
    // gzip names and checks the output once the header is read, before it says "NAME:"
    // and decodes: an existing output stops it there
    let header;
    try {
      header = readHeader(data, 0);
    } catch {
      header = undefined;
    }
    if (header && !o.force) {
      const name = o.noName === false && header.name ? (inName.includes('/') ? inName.slice(0, inName.lastIndexOf('/') + 1) : '') + header.name : outName;
      try {
        await sys.lstat(name);
        await s.exists(name);
        return;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
  }
  const r = await gunzipInput(s, inName, data, o.stdout, true);
  if (!r) return;
  if (o.list) return listLine(s, r, data.length, Math.floor(st.mtime / 1000), outName || inName);
  if (o.test) {
    if (o.verbose) await ctx.err.write(' OK\n');
    return;
  }
  const pct = r.header ? ratio(r.data.length - (data.length - r.header.size - 8), r.data.length) : ratio(0, data.length);
  if (o.stdout) {
    if (o.verbose) await ctx.err.write(`${pct}${toStdoutNote(o)}\n`);
    return;
  }
  if (o.noName === false && r.header?.name) outName = (inName.includes('/') ? inName.slice(0, inName.lastIndexOf('/') + 1) : '') + r.header.name;
  const mtime = o.noName === false && r.header?.mtime ? r.header.mtime * 1000 : st.mtime;
  if (await writeOut(s, inName, outName, r.data, st, mtime)) {
    if (o.verbose) await ctx.err.write(`${pct} -- ${o.keep ? 'created' : 'replaced with'} ${outName}\n`);
  }
}

const LONG: Record<string, string> = {
  stdout: 'c', 'to-stdout': 'c', decompress: 'd', uncompress: 'd', force: 'f', help: 'h', keep: 'k', list: 'l', license: 'L',
  'no-name': 'n', name: 'N', quiet: 'q', silent: 'q', recursive: 'r', suffix: 'S', test: 't', verbose: 'v', version: 'V',
  fast: '1', best: '9', ascii: 'a', synchronous: 'Y', rsyncable: 'R',
};

export async function run(ctx: Ctx, mode: 'gzip' | 'gunzip' | 'zcat'): Promise<number> {
  const o: Opts = { decompress: mode !== 'gzip', stdout: mode === 'zcat', force: false, keep: false, list: false, test: false, quiet: false, verbose: 0, recursive: false, noName: undefined, level: 6, suffix: '.gz' };
  const files: string[] = [];
  const args = ctx.argv.slice(1);
  if (mode !== 'gzip' && (args[0] === '--help' || args[0] === '--version')) {
    // the wrapper script answers these itself, and only as its first argument; its usage
    // names the script as run ($0: the path the shell found)
    const self = ctx.name.includes('/') ? ctx.name : `/usr/bin/${mode}`;
    await ctx.print(args[0] === '--help' ? wrapperHelp(mode, self) : wrapperVersion(mode));
    return 0;
  }
  const bad = async (msg: string): Promise<number> => {
    await ctx.err.write(`${P}: ${msg}\nTry \`${P} --help' for more information.\n`);
    return 1;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    const opts: { c: string; v?: string }[] = [];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const matches = Object.keys(LONG).filter((l) => l.startsWith(k));
      const key = LONG[k] !== undefined ? k : matches.length === 1 ? matches[0]! : undefined;
      if (!key) return bad(matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
      const c = LONG[key]!;
      opts.push({ c, v: c === 'S' ? (v ?? args[++i]) : undefined });
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'S') {
          opts.push({ c, v: a.slice(j + 1) || args[++i] });
          break;
        }
        opts.push({ c });
      }
    } else {
      files.push(a);
      continue;
    }
    for (const { c, v } of opts) {
      if (/[1-9]/.test(c)) {
        o.level = Number(c);
        continue;
      }
      switch (c) {
        case 'c': o.stdout = true; break;
        case 'd': o.decompress = true; break;
        case 'f': o.force = true; break;
        case 'k': o.keep = true; break;
        case 'l': o.list = true; o.decompress = true; break;
        case 'n': o.noName = true; break;
        case 'N': o.noName = false; break;
        case 'q': o.quiet = true; o.verbose = 0; break;
        case 'r': o.recursive = true; break;
        case 't': o.test = true; o.decompress = true; break;
        case 'v': o.verbose++; o.quiet = false; break;
        case 'a': case 'Y': case 'R': break;
        case 'S':
          if (v === undefined) return bad("option requires an argument -- 'S'");
          if (v === '' || v.includes('/')) {
            await ctx.err.write(`${P}: invalid suffix '${v}'\n`);
            return 1;
          }
          o.suffix = v;
          break;
        case 'h': await ctx.print(HELP); return 0;
        case 'V': await ctx.print(VERSION); return 0;
        case 'L': await ctx.print(VERSION); return 0;
        default: return bad(`invalid option -- '${c}'`);
      }
    }
  }
  o.keepAsked = o.keep;
  if (o.stdout) o.keep = true;
  const s = new State(ctx, o);
  for (const f of files.length ? files : ['-']) {
    await ctx.tick();
    await treatFile(s, f, false);
    if (s.fatal) return 1;
  }
  if (o.list && !o.quiet && files.length > 1) await listTotals(s);
  return s.status;
}

export default defineProgram({ name: 'gzip', installPath: '/usr/bin/gzip', pkg: 'gzip', main: (ctx) => run(ctx, 'gzip') });
