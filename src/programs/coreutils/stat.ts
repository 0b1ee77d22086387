import { isSysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import { Accounts } from '../lib/accounts';
import { argmatch, argmatchError } from '../lib/argmatch';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { fsFacts, fsOfDev, makedev, mountPointOf, type FsFacts } from '../lib/fsinfo';
import { modeString } from '../lib/mode-string';
import { formatTime } from '../lib/nstrftime';
import { quoteaf, quotearg, QUOTING_STYLES, type QuotingStyle } from '../lib/quotearg';
import { expandFormat, InvalidDirective, outEpochSec, outHex, outInt, outOct, outString, outStringIn, outUint } from '../lib/stat-format';
import { localZone, msToTimespec, type TimeZone } from '../lib/tz';
import { fileTypeName } from '../lib/yesno';

const FMT_FILE = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n';
const FMT_DEV = 'Device: %Hd,%Ld\tInode: %-10i  Links: %h\n';
const FMT_DEV2 = 'Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n';
const FMT_REST = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const FMT_FS = '  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\nBlocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n';
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';
const TERSE_FS = '%n %i %l %t %s %S %b %f %a %c %d\n';

const spec = {
  name: 'stat',
  installPath: '/usr/bin/stat',
  pkg: 'coreutils',
  usage: 'stat [OPTION]... FILE...',
  help: `Show the status of each FILE, or with -f of the file system that holds it.

Long options take the same arguments as their short forms.
  -L, --dereference     follow symbolic links
  -f, --file-system     show file system status instead of file status
      --cached=MODE     accepted for compatibility: always, never or default
  -c  --format=FORMAT   use FORMAT instead of the default, with a newline after
      --printf=FORMAT   like --format, but backslash escapes are interpreted
                          and no newline is added
  -t, --terse           print the information in terse form
${HELP_LINES}

File sequences: %a octal mode, %A mode as ls shows it, %b blocks of %B bytes,
%d/%D device (decimal/hex, %Hd %Ld major/minor), %f raw mode in hex, %F type,
%g/%G group ID/name, %h links, %i inode, %m mount point, %n name, %N quoted
name (with the symlink target), %o I/O block, %s size, %t/%T device major/minor
in hex, %u/%U owner ID/name, %w/%W birth, %x/%X access, %y/%Y modification,
%z/%Z change (the capital forms in seconds since the Epoch).
File system sequences: %a free blocks for users, %b total blocks, %c total
inodes, %d free inodes, %f free blocks, %i ID, %l name length, %n name, %s/%S
block sizes, %t type in hex, %T type.
${coreutilsHelpFooter('stat')}`,
  version: coreutilsVersion('stat', ['Michael Meskes']),
  options: [
    { key: 'L', short: 'L', long: 'dereference' },
    { key: 'f', short: 'f', long: 'file-system' },
    { key: 'c', short: 'c', long: 'format', arg: 'required' as const },
    { key: 'printf', long: 'printf', arg: 'required' as const },
    { key: 't', short: 't', long: 'terse' },
    { key: 'cached', long: 'cached', arg: 'required' as const },
  ],
};

interface Env {
  ctx: Ctx;
  acc: Accounts;
  tz: TimeZone;
  follow: boolean;
  quoting: QuotingStyle;
  fail: boolean;
}

const seconds = (ms: number): number => msToTimespec(ms).sec;
const nanos = (ms: number): number => msToTimespec(ms).ns;
const humanTime = (env: Env, ms: number): string => formatTime('%Y-%m-%d %H:%M:%S.%N %z', seconds(ms), nanos(ms), env.tz);

async function fileDirective(env: Env, name: string, st: Stat, p: string, mod: string, conv: string, flush: () => Promise<void>): Promise<string> {
  const { ctx } = env;
  const fs = fsOfDev(ctx.sys, st.dev);
  const major = fs?.major ?? 0;
  const minor = fs?.minor ?? st.dev;
  const [rmaj, rmin] = st.rdev ?? [0, 0];
  switch (conv) {
    case 'n': return outString(p, name);
    case 'N': {
      // both names go through the one directive buffer, which the first rewrites (a dropped
      // flag leaves "%#N" printing the target through "%ss")
      const buf = [...p];
      let s = outStringIn(buf, p.length, quotearg(name, { style: env.quoting }));
      if (st.kind === 'symlink') {
        try {
          s += ` -> ${outStringIn(buf, p.length, quotearg(await ctx.sys.readlink(name), { style: env.quoting }))}`;
        } catch (e) {
          await ctx.perror(e, `cannot read symbolic link ${quoteaf(name)}`);
          env.fail = true;
        }
      }
      return s;
    }
    case 'd': return outUint(p, mod === 'H' ? major : mod === 'L' ? minor : makedev(major, minor));
    case 'D': return outHex(p, makedev(major, minor));
    case 'i': return outUint(p, st.ino);
    case 'a': return outOct(p, st.mode & 0o7777);
    case 'A': return outString(p, modeString(st.mode));
    case 'f': return outHex(p, st.mode);
    case 'F': return outString(p, fileTypeName(st.kind, st.size));
    case 'h': return outUint(p, st.nlink);
    case 'u': return outUint(p, st.uid);
    case 'U': return outString(p, env.acc.userName(st.uid) ?? 'UNKNOWN');
    case 'g': return outUint(p, st.gid);
    case 'G': return outString(p, env.acc.groupName(st.gid) ?? 'UNKNOWN');
    case 'm': {
      let path = name;
      try {
        path = env.follow || st.kind !== 'symlink' ? await ctx.sys.realpath(name) : name;
      } catch (e) {
        await ctx.perror(e, `failed to canonicalize ${quoteaf(name)}`);
        env.fail = true;
        return outString(p, '?');
      }
      if (!path.startsWith('/')) path = `${ctx.sys.getcwd().replace(/\/$/, '')}/${path}`;
      return outString(p, mountPointOf(ctx.sys, path) ?? '?');
    }
    case 's': return outInt(p, st.size);
    case 'r': return outUint(p, mod === 'H' ? rmaj : mod === 'L' ? rmin : makedev(rmaj, rmin));
    case 'R': return outHex(p, makedev(rmaj, rmin));
    case 't': return outHex(p, rmaj);
    case 'T': return outHex(p, rmin);
    case 'B': return outUint(p, 512);
    case 'b': return outUint(p, st.blocks);
    case 'o': return outUint(p, st.blksize);
    // the file systems here record no birth time
    case 'w': return outString(p, '-');
    case 'W': return outEpochSec(p, 0, 0);
    case 'x': return outString(p, humanTime(env, st.atime));
    case 'X': return outEpochSec(p, seconds(st.atime), nanos(st.atime));
    case 'y': return outString(p, humanTime(env, st.mtime));
    case 'Y': return outEpochSec(p, seconds(st.mtime), nanos(st.mtime));
    case 'z': return outString(p, humanTime(env, st.ctime));
    case 'Z': return outEpochSec(p, seconds(st.ctime), nanos(st.ctime));
    case 'C':
      // no SELinux policy: a file has no security.selinux attribute (ENODATA), and procfs no
      // extended attributes at all
      const why = await noContext(env, name);
      await flush();
      await env.ctx.error(`failed to get security context of ${quoteaf(name)}: ${why}`);
      env.fail = true;
      return outString(p, '?');
    default: return '?';
  }
}

async function noContext(env: Env, name: string): Promise<string> {
  const type = await env.ctx.sys.statfs(name).then((f) => f.type, () => '');
  return type === 'proc' ? 'Operation not supported' : 'No data available';
}

function fsDirective(f: FsFacts, name: string, p: string, conv: string): string {
  switch (conv) {
    case 'n': return outString(p, name);
    case 'i': return outHex(p, BigInt(`0x${f.fsid}`));
    case 'l': return outUint(p, f.namelen);
    case 't': return outHex(p, f.magic);
    case 'T': return outString(p, f.typeName);
    case 'b': return outInt(p, f.totalBlocks);
    case 'f': return outInt(p, f.freeBlocks);
    case 'a': return outInt(p, f.availBlocks);
    case 's':
    case 'S': return outUint(p, f.blockSize);
    case 'c': return outUint(p, f.inodesTotal);
    case 'd': return outInt(p, f.inodesTotal - f.inodesUsed);
    default: return '?';
  }
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let format: string | undefined;
    let escapes = false;
    let trailing = '\n';
    for (const { key, value } of args.order) {
      if (key === 'c') [format, escapes, trailing] = [value, false, '\n'];
      else if (key === 'printf') [format, escapes, trailing] = [value, true, ''];
      else if (key === 'cached') {
        const choices = [['default', 0], ['never', 1], ['always', 2]] as const;
        const r = argmatch(value!, choices);
        if ('error' in r) {
          await argmatchError(ctx, '--cached', value!, r.error, choices);
          await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
          return 1;
        }
      }
    }
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    const fs = flag(args, 'f');
    const terse = flag(args, 't');
    const env: Env = { ctx, acc: await Accounts.load(ctx.sys), tz: await localZone(ctx.sys), follow: flag(args, 'L'), quoting: 'literal', fail: false };
    if (format !== undefined && format.includes('%N')) {
      env.quoting = 'shell-escape-always';
      const q = ctx.env.get('QUOTING_STYLE');
      if (q !== undefined) {
        const r = argmatch(q, QUOTING_STYLES.map((s) => [s, s] as const));
        if ('value' in r) env.quoting = r.value;
        else await ctx.error(`ignoring invalid value of environment variable QUOTING_STYLE: ${quotearg(q, { style: 'locale' })}`);
      }
    }
    let ok = true;
    // a warning about the format goes out between the text made before it and the rest
    const warn = async (before: string, message?: string): Promise<void> => {
      await ctx.print(before);
      if (message !== undefined) await ctx.error(message);
    };
    for (const name of args.operands) {
      await ctx.tick();
      env.fail = false;
      let text: string;
      try {
        if (fs) {
          if (name === '-') {
            await ctx.error(`using ${quoteaf(name)} to denote standard input does not work in file system mode`);
            ok = false;
            continue;
          }
          let f: FsFacts;
          try {
            const st = await ctx.sys.stat(name);
            const index = st.dev;
            f = fsFacts(await ctx.sys.statfs(name), index);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await ctx.perror(e, `cannot read file system information for ${quoteaf(name)}`);
            ok = false;
            continue;
          }
          const r = await expandFormat(format ?? (terse ? TERSE_FS : FMT_FS), escapes, false, async (p, _m, c) => fsDirective(f, name, p, c), warn);
          text = r.out;
        } else {
          let st: Stat;
          try {
            st = name === '-' ? ctx.sys.fstat(0) : env.follow ? await ctx.sys.stat(name) : await ctx.sys.lstat(name);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await ctx.perror(e, name === '-' ? 'cannot stat standard input' : `cannot statx ${quoteaf(name)}`);
            ok = false;
            continue;
          }
          const device = st.kind === 'chardev' || st.kind === 'blockdev';
          const f = format ?? (terse ? TERSE : FMT_FILE + (device ? FMT_DEV2 : FMT_DEV) + FMT_REST);
          const r = await expandFormat(f, escapes, true, (p, m, c, flush) => fileDirective(env, name, st, p, m, c, flush), warn);
          text = r.out;
        }
      } catch (e) {
        if (!(e instanceof InvalidDirective)) throw e;
        await ctx.print(e.partial);
        await ctx.error(e.message);
        return 1;
      }
      await ctx.print(text + (format !== undefined ? trailing : ''));
      if (env.fail) ok = false;
    }
    return ok ? 0 : 1;
  },
});
