// gzexe: replaces executables with a shell stub followed by their gzip-compressed bytes;
// the stub expands the program into a temporary file and runs it. -d restores the
// original. The old file is kept as FILE~.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { defineProgram } from '../define';
import { finish, scriptVersion, self, start } from './spawn';

const VERSION = scriptVersion('gzexe', '2007, 2011-2018', 'Jean-loup Gailly');

function usage(me: string): string {
  return `Usage: ${me} [OPTION] FILE...
Replace each executable FILE with a compressed version of itself.
Make a backup FILE~ of the old version of FILE.

  -d             Decompress each FILE instead of compressing it.
      --help     display this help and exit
      --version  output version information and exit

Report bugs to <bug-gzip@gnu.org>.
`;
}

/** Our stub (its own text): the compressed program starts on line `skip`. */
function stub(): string {
  const body = [
    '#!/bin/sh',
    '', // the skip= line goes here
    '# A program compressed by gzexe: the lines below this stub are its gzip',
    '# data. Running this file expands them into a temporary file, runs that',
    '# with the arguments given, removes it and exits with its status.',
    'umask 077',
    'for d in "${TMPDIR:-/tmp}" /tmp .; do',
    '  t=`mktemp "$d/gztmpXXXXXXXXX" 2>/dev/null` && break',
    'done',
    'test -n "$t" || { printf >&2 "%s\\n" "Cannot decompress $0"; exit 1; }',
    'if tail -n +$skip "$0" | gzip -cd > "$t" && chmod 700 "$t"; then',
    '  "$t" ${1+"$@"}',
    '  s=$?',
    '  rm -f "$t"',
    '  exit $s',
    'fi',
    'rm -f "$t"',
    'printf >&2 "%s\\n" "Cannot decompress $0"',
    'exit 1',
  ];
  // padded so the data begins where gzexe's own stub puts it, on line 49
  while (body.length < 48) body.splice(body.length - 1, 0, '#');
  body[1] = `skip=${body.length + 1}`;
  return `${body.join('\n')}\n`;
}

const SELF_DEPENDENT = new Set(['basename', 'bash', 'cat', 'chmod', 'cp', 'dirname', 'expr', 'gzip', 'ln', 'mkdir', 'mktemp', 'mv', 'printf', 'rm', 'sed', 'sh', 'sleep', 'test', 'tail']);

function lineStart(data: Uint8Array, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = data.indexOf(10, at);
    if (nl < 0) return data.length;
    at = nl + 1;
  }
  return at;
}

function skipLine(data: Uint8Array): number | undefined {
  const a = lineStart(data, 2);
  const b = data.indexOf(10, a);
  const text = new TextDecoder().decode(data.subarray(a, b < 0 ? data.length : b));
  const m = /^skip=([0-9]{1,3})$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Where the script makes its temporary file: the file's own directory when this user may write
 * and search it (`test -d && test -w && test -x`), else /tmp; with a slash at the end.
 */
async function tempDir(ctx: Ctx, file: string): Promise<string> {
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '.' : file.slice(0, slash) || '/';
  try {
    if ((await ctx.sys.stat(dir)).kind === 'dir') {
      await ctx.sys.access(dir, 3);
      return dir.endsWith('/') ? dir : `${dir}/`;
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return '/tmp/';
}

/** The script's backup: `ln -f FILE FILE~`, or where no hard link can be made, `rm -f FILE~ && cp -p FILE FILE~`. */
async function backup(ctx: Ctx, file: string, data: Uint8Array, mode: number): Promise<boolean> {
  const to = `${file}~`;
  await ctx.sys.unlink(to).catch(() => undefined);
  try {
    await ctx.sys.link(file, to);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  try {
    const fd = await ctx.sys.open(to, { write: true, create: true, truncate: true }, mode & 0o7777);
    try {
      await ctx.sys.write(fd, data);
    } finally {
      ctx.sys.close(fd);
    }
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`cp: cannot create regular file '${to}': ${strerror(e.errno)}\n`);
    return false;
  }
}

async function tempIn(ctx: Ctx, dir: string): Promise<string> {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    const name = `${dir}gzexe${Array.from({ length: 9 }, () => chars[ctx.sys.random(chars.length)]).join('')}`;
    try {
      ctx.sys.close(await ctx.sys.open(name, { write: true, create: true, exclusive: true }, 0o600));
      return name;
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EEXIST') throw e;
    }
  }
}

export default defineProgram({
  name: 'gzexe',
  installPath: '/usr/bin/gzexe',
  pkg: 'gzip',
  main: async (ctx) => {
    const me = self(ctx, 'gzexe');
    let args = ctx.argv.slice(1);
    let decomp = false;
    for (;;) {
      const a = args[0];
      if (a === '-d') decomp = true;
      else if (a?.startsWith('--h')) {
        await ctx.print(usage(me));
        return 0;
      } else if (a?.startsWith('--v')) {
        await ctx.print(VERSION);
        return 0;
      } else if (a === '--') args = args.slice(1);
      if (a !== '-d') break;
      args = args.slice(1);
    }
    if (!args.length) {
      await ctx.err.write(`${me}: missing operand\nTry \`${me} --help' for more information.\n`);
      return 1;
    }
    let res = 0;
    for (const i of args) {
      await ctx.tick();
      const file = i.startsWith('-') ? `./${i}` : i;
      let st;
      try {
        st = await ctx.sys.stat(file);
        if (st.kind !== 'file') throw new Error();
        await ctx.sys.access(file, 4);
      } catch {
        res = 0;
        await ctx.err.write(`${me}: ${i} is not a readable regular file\n`);
        continue;
      }
      const data = await ctx.sys.readFile(file);
      if (!decomp && skipLine(data) !== undefined) {
        await ctx.err.write(`${me}: ${i} is already gzexe'd\n`);
        continue;
      }
      if (st.mode & 0o4000) {
        await ctx.err.write(`${me}: ${i} has setuid permission, unchanged\n`);
        continue;
      }
      if (st.mode & 0o2000) {
        await ctx.err.write(`${me}: ${i} has setgid permission, unchanged\n`);
        continue;
      }
      if (SELF_DEPENDENT.has(file.split('/').pop()!)) {
        await ctx.err.write(`${me}: ${i} might depend on itself\n`);
        continue;
      }
      const dir = await tempDir(ctx, file);
      let tmp: string;
      try {
        tmp = await tempIn(ctx, dir);
      } catch (e) {
        if (!isSysError(e)) throw e;
        // the script's `mktemp ... && cp ... || { res=$?; ...cannot copy; continue; }`
        await ctx.err.write(`mktemp: failed to create file via template '${dir}gzexeXXXXXXXXX': ${strerror(e.errno)}\n${me}: cannot copy ${i}\n`);
        res = 1;
        continue;
      }
      await ctx.sys.chmod(tmp, st.mode & 0o777);
      const out = await ctx.sys.open(tmp, { write: true, truncate: true });
      let status: number;
      await ctx.flush();
      if (!decomp) {
        await ctx.sys.write(out, stub());
        status = await finish(ctx, await start(ctx, { argv: ['gzip', '-cv9', file], fds: new Map([[0, 0], [1, out], [2, 2]]) }));
      } else {
        const skip = skipLine(data) ?? 44;
        const [r, w] = ctx.sys.pipe();
        const p = await start(ctx, { argv: ['gzip', '-cd'], fds: new Map([[0, r], [1, out], [2, 2]]) });
        ctx.sys.close(r);
        try {
          await ctx.sys.write(w, data.subarray(lineStart(data, skip)));
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
        ctx.sys.close(w);
        status = await finish(ctx, p);
      }
      ctx.sys.close(out);
      if (status !== 0) {
        res = status;
        await ctx.sys.unlink(tmp).catch(() => undefined);
        await ctx.err.write(decomp ? `${me}: ${i} probably not in gzexe format, file unchanged.\n` : `${me}: compression not possible for ${i}, file unchanged.\n`);
        continue;
      }
      if (!(await backup(ctx, file, data, st.mode))) {
        res = 1;
        await ctx.sys.unlink(tmp).catch(() => undefined);
        await ctx.err.write(`${me}: cannot backup ${i} as ${i}~\n`);
        continue;
      }
      try {
        await ctx.sys.rename(tmp, file);
      } catch {
        res = 1;
        await ctx.err.write(`${me}: cannot rename ${tmp} to ${i}\n`);
      }
    }
    return res;
  },
});
