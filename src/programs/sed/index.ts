// GNU sed 4.9: options, script assembly (-e, -f, or the first operand), the w files, and
// in-place editing (each file written to a temporary in its directory, then renamed over it,
// with the original's mode and owner and an optional backup).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { BinWriter, readAllBin, utf8ToBin } from '../lib/binary-text';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { compileScript, type Program, type ScriptChunk } from './compile';
import { DebugPrinter } from './debug';
import { Executor } from './exec';
import { Input, SedOutput, type FileHooks } from './io';
import { EXIT_BAD_INPUT, EXIT_BAD_USAGE, EXIT_PANIC, SedError } from './script';

const VERSION = `sed (GNU sed) 4.9
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Jay Fenlason, Tom Lord, Ken Pizzini,
Paolo Bonzini, Jim Meyering, and Assaf Gordon.

This sed program was built with SELinux support.
SELinux is disabled on this system.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
E-mail bug reports to: <bug-sed@gnu.org>.`;

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 print only what the script prints (no automatic printing)
      --debug
                 print the program, then every step of the run
  -e script, --expression=script
                 add script to the commands to run
  -f script-file, --file=script-file
                 add the commands in script-file
  --follow-symlinks
                 with -i, edit the file a symlink points to
  -i[SUFFIX], --in-place[=SUFFIX]
                 write the result back to each file (keeping FILE+SUFFIX if given)
  -l N, --line-length=N
                 wrap the output of the l command at N characters
  --posix
                 turn off the GNU extensions
  -E, -r, --regexp-extended
                 read regular expressions as extended ones (like grep -E)
  -s, --separate
                 treat each file on its own (line numbers, $) instead of one stream
      --sandbox
                 refuse the e, r and w commands
  -u, --unbuffered
                 read and write as little as possible at a time
  -z, --null-data
                 lines end with a zero byte instead of a newline
      --help     show this help and exit
      --version  show the version and exit

Without -e or -f, the first operand is the script.  The other operands are the input
files; with none, standard input is read.
`;

const OPTIONS: OptionDef[] = [
  { key: 'b', short: 'b', long: 'binary' },
  { key: 'r', short: 'r', long: 'regexp-extended' },
  { key: 'debug', long: 'debug' },
  { key: 'i', short: 'i', long: 'in-place', arg: 'optional' },
  { key: 'e', short: 'e', long: 'expression', arg: 'required' },
  { key: 'f', short: 'f', long: 'file', arg: 'required' },
  { key: 'l', short: 'l', long: 'line-length', arg: 'required' },
  { key: 'z', short: 'z', long: 'null-data' },
  { key: 'z', long: 'zero-terminated' },
  { key: 'n', short: 'n', long: 'quiet' },
  { key: 'posix', long: 'posix' },
  { key: 'n', long: 'silent' },
  { key: 'sandbox', long: 'sandbox' },
  { key: 's', short: 's', long: 'separate' },
  { key: 'u', short: 'u', long: 'unbuffered' },
  { key: 'version', long: 'version' },
  { key: 'help', long: 'help' },
  { key: 'follow', long: 'follow-symlinks' },
  { key: 'r', short: 'E' },
];

async function usage(ctx: Ctx, status: number): Promise<number> {
  const text = USAGE.replace('Usage: sed', `Usage: ${ctx.name}`);
  if (status === 0) await ctx.print(text);
  else await ctx.err.write(text);
  return status;
}

function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1]!, 10) : 0;
}

async function readScriptFile(ctx: Ctx, name: string): Promise<string> {
  let fd = 0;
  try {
    if (name !== '-') fd = await ctx.sys.open(name, { read: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new SedError(`couldn't open file ${name}: ${strerror(e.errno)}`, EXIT_PANIC);
  }
  try {
    let text: string;
    try {
      text = await readAllBin(ctx.sys, fd, () => ctx.tick());
    } catch (e) {
      // compile.c reads the script with getc(), which takes a read error (a directory's EISDIR)
      // for the end of the file: `sed -f /etc` runs an empty script
      if (!isSysError(e) || e.errno !== 'EISDIR') throw e;
      text = '';
    }
    return text;
  } finally {
    if (fd !== 0) ctx.sys.close(fd);
  }
}

/** -i: every input file gets a temporary output renamed over it at its end. */
class InPlace implements FileHooks {
  private tmp: { path: string; fd: number } | undefined;
  exec!: Executor;

  constructor(
    private readonly ctx: Ctx,
    private readonly suffix: string,
    private readonly follow: boolean,
    private readonly delim: string,
  ) {}

  async start(name: string, fd: number): Promise<boolean> {
    const sys = this.ctx.sys;
    const st = sys.fstat(fd);
    if (st.kind !== 'file') throw new SedError(`couldn't edit ${name}: not a regular file`, EXIT_PANIC);
    let target = name;
    if (this.follow) {
      try {
        target = await sys.realpath(name);
      } catch {
        target = name;
      }
    }
    const slash = target.lastIndexOf('/');
    const dir = slash < 0 ? '.' : target.slice(0, slash) || '/';
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (let attempt = 0; ; attempt++) {
      let rand = '';
      for (let i = 0; i < 6; i++) rand += letters[sys.random(letters.length)];
      const path = `${dir}/sed${rand}`;
      try {
        const tfd = await sys.open(path, { write: true, create: true, exclusive: true }, 0o600);
        this.tmp = { path, fd: tfd };
        break;
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EEXIST' || attempt > 100) {
          if (!isSysError(e)) throw e;
          throw new SedError(`couldn't open temporary file ${path}: ${strerror(e.errno)}`, EXIT_PANIC);
        }
      }
    }
    try {
      await sys.chown(this.tmp.path, st.uid, st.gid);
    } catch {
      // only root may give files away
    }
    await sys.chmod(this.tmp.path, st.mode & 0o7777);
    this.exec.out = new SedOutput(new BinWriter(sys, this.tmp.fd), this.delim);
    this.target = target;
    return true;
  }

  private target = '';

  /** A failed rename drops the temporary file and is fatal, naming the source. */
  private async rename(from: string, to: string, tmp: string): Promise<void> {
    const sys = this.ctx.sys;
    try {
      await sys.rename(from, to);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.unlink(tmp).catch(() => undefined);
      throw new SedError(`cannot rename ${from}: ${strerror(e.errno)}`, EXIT_PANIC);
    }
  }

  /** After a fatal error: the temporary file goes, the original stays. */
  async abort(): Promise<void> {
    const tmp = this.tmp;
    if (!tmp) return;
    this.tmp = undefined;
    this.ctx.sys.close(tmp.fd);
    await this.ctx.sys.unlink(tmp.path).catch(() => undefined);
  }

  async end(): Promise<void> {
    const sys = this.ctx.sys;
    const tmp = this.tmp;
    if (!tmp) return;
    this.tmp = undefined;
    await this.exec.out.w.flush();
    sys.close(tmp.fd);
    this.exec.out = this.exec.stdout;
    const target = this.target;
    if (this.suffix) {
      const slash = target.lastIndexOf('/');
      const base = target.slice(slash + 1);
      let backup = this.suffix.includes('*') ? this.suffix.replace(/\*/g, base) : base + this.suffix;
      if (!backup.includes('/') && slash >= 0) backup = target.slice(0, slash + 1) + backup;
      await this.rename(target, backup, tmp.path);
    }
    await this.rename(tmp.path, target, tmp.path);
  }
}

async function sed(ctx: Ctx): Promise<number> {
  let parsed;
  try {
    parsed = getopt(ctx.argv.slice(1), OPTIONS, { posixOrder: ctx.env.has('POSIXLY_CORRECT') });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    return usage(ctx, EXIT_BAD_USAGE);
  }
  const chunks: ScriptChunk[] = [];
  let inPlace: string | undefined;
  let lineWidth = 70;
  for (const { key, value } of parsed.order) {
    if (key === 'e') chunks.push({ text: utf8ToBin(value!) });
    else if (key === 'f') chunks.push({ text: await readScriptFile(ctx, value!), file: value! === '-' ? '-' : value! });
    else if (key === 'i') inPlace = value ?? '';
    else if (key === 'l') lineWidth = atoi(value!);
  }
  const has = (k: string): boolean => parsed.flags.has(k);
  if (has('help')) return usage(ctx, 0);
  if (has('version')) {
    await ctx.print(`${VERSION}\n`);
    return 0;
  }
  const operands = [...parsed.operands];
  if (chunks.length === 0) {
    if (operands.length === 0) return usage(ctx, EXIT_BAD_USAGE);
    chunks.push({ text: utf8ToBin(operands.shift()!) });
  }
  const posix = has('posix');
  const program: Program = compileScript(chunks, { extended: has('r'), posix, sandbox: has('sandbox') });
  const separate = inPlace !== undefined || has('s');
  if (inPlace !== undefined && operands.length === 0) throw new SedError('no input files', EXIT_PANIC);
  const files = operands.length ? operands : ['-'];
  const delim = has('z') ? '\0' : '\n';
  const last = chunks[chunks.length - 1]!;
  const exprs = chunks.filter((c) => c.file === undefined).length;
  const errorWhere = last.file !== undefined ? `file ${last.file} line ${last.text.split('\n').length}` : `-e expression #${exprs}, char 0`;
  const hooks = inPlace !== undefined ? new InPlace(ctx, inPlace, has('follow'), delim) : undefined;
  const input = new Input(ctx, files, separate, delim, hooks);
  const debug = has('debug') ? new DebugPrinter(program) : undefined;
  const exec = new Executor(ctx, program, input, { quiet: has('n') || program.quiet, posix: posix || ctx.env.has('POSIXLY_CORRECT'), delim, lineWidth, errorWhere, unbuffered: has('u'), debug });
  if (hooks) hooks.exec = exec;
  for (const name of program.wfiles) {
    if (name === '/dev/stdout') continue;
    if (name === '/dev/stderr') {
      // stderr is unbuffered: each line goes out as it is written, ahead of buffered stdout
      exec.wfiles.set(name, new SedOutput(new BinWriter(ctx.sys, 2, true), delim));
      continue;
    }
    try {
      const fd = await ctx.sys.open(name, { write: true, create: true, truncate: true }, 0o666);
      exec.wfiles.set(name, new SedOutput(new BinWriter(ctx.sys, fd), delim));
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new SedError(`couldn't open file ${name}: ${strerror(e.errno)}`, EXIT_PANIC);
    }
  }
  let status: number | undefined;
  let failure: SedError | undefined;
  try {
    if (debug) await exec.stdout.w.write(debug.program());
    status = await exec.run();
    await input.finish();
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    await hooks?.abort();
    // stderr is unbuffered: the message goes out before what stdout still holds
    await ctx.error(e.message);
    failure = e;
  }
  await exec.stdout.w.flush();
  for (const [, o] of exec.wfiles) {
    await o.w.flush();
    if (o.w.fd > 2) ctx.sys.close(o.w.fd);
  }
  if (failure) return failure.status;
  if (input.badInput) return EXIT_BAD_INPUT;
  const err = exec.stdout.w.error;
  if (err && err.errno !== 'EPIPE') {
    await ctx.error(`couldn't write items to stdout: ${strerror(err.errno)}`);
    return EXIT_PANIC;
  }
  return status ?? 0;
}

export default defineProgram({
  name: 'sed',
  installPath: '/usr/bin/sed',
  pkg: 'sed',
  async main(ctx) {
    try {
      return await sed(ctx);
    } catch (e) {
      if (!(e instanceof SedError)) throw e;
      await ctx.error(e.message);
      return e.status;
    }
  },
});
