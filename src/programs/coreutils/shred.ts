// shred: overwrite files (3 random passes by default, -n N passes from coreutils' pattern
// table, -z a last pass of zeros), then with -u/--remove rename each file to shorter and
// shorter names of '0's and unlink it. Random bytes come from the machine's seeded source, or
// from --random-source=FILE.
import { isSysError, strerror, type SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { tryHelp } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote, quotef } from '../lib/quote';
import { xdectoint } from '../lib/xstrtol';
import { passName, passTypes, patternBytes, RANDOM, RandInt } from './shred-passes';

type Remove = 'none' | 'unlink' | 'wipe' | 'wipesync';
const REMOVE: ArgChoices<Remove> = [['unlink', 'unlink'], ['wipe', 'wipe'], ['wipesync', 'wipesync']];
const NAMESET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.';
const CHUNK = 65536;

const spec = {
  name: 'shred',
  installPath: '/usr/bin/shred',
  pkg: 'coreutils',
  usage: 'shred [OPTION]... FILE...',
  help: `Overwrite each FILE several times so that its old contents are hard to
recover, even with expensive hardware.

If FILE is -, shred standard output.

Mandatory arguments to long options are mandatory for short options too.
  -f, --force    add write permission first when it is missing
  -n, --iterations=N  overwrite N times (3 by default)
      --random-source=FILE  take random bytes from FILE
  -s, --size=N   shred only N bytes (K, M, G... suffixes allowed)
  -u             overwrite, then remove the file
      --remove[=HOW]  like -u, with HOW to remove it (see below)
  -v, --verbose  report each pass
  -x, --exact    do not round the size up to a whole block (the
                   default for files that are not regular files)
  -z, --zero     finish with a pass of zeros, to hide the shredding
${HELP_LINES}

Files are removed only with --remove (-u): shred is often run on devices such
as /dev/sda, which must stay.
HOW says how the directory entry goes:
'unlink' => just unlink it.
'wipe' => first rename it to names of '0's, to hide the old name.
'wipesync' => like wipe, syncing each rename to the disk (the default).

CAUTION: shred only helps where the file system and the disk overwrite data
in place. Journaling, copy-on-write file systems, flash wear levelling,
backups and snapshots may all keep copies of the old contents.
${coreutilsHelpFooter('shred')}`,
  version: coreutilsVersion('shred', ['Colin Plumb']),
  options: [
    { key: 'f', short: 'f', long: 'force' },
    { key: 'n', short: 'n', long: 'iterations', arg: 'required' as const },
    { key: 'random-source', long: 'random-source', arg: 'required' as const },
    { key: 's', short: 's', long: 'size', arg: 'required' as const },
    { key: 'u', short: 'u' },
    { key: 'remove', long: 'remove', arg: 'optional' as const },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'x', short: 'x', long: 'exact' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
};

interface Options {
  force: boolean;
  passes: number;
  size: number | undefined;
  remove: Remove;
  verbose: boolean;
  exact: boolean;
  zero: boolean;
  random: (n: number) => Promise<Uint8Array>;
  /** Choices (of patterns and their order) drawn from the same bytes. */
  randint: RandInt;
}

class Fatal extends Error {}

/** One pass over `size` bytes (undefined: until the device is full); false after a message. */
async function pass(ctx: Ctx, fd: number, qname: string, size: number | undefined, type: number, o: Options): Promise<number | false> {
  ctx.sys.lseek(fd, 0, 'set');
  const pattern = type === RANDOM ? undefined : patternBytes(type, CHUNK);
  let offset = 0;
  while (size === undefined || offset < size) {
    await ctx.tick();
    const n = size === undefined ? CHUNK : Math.min(CHUNK, size - offset);
    const data = pattern ? pattern.subarray(0, n) : await o.random(n);
    try {
      await ctx.sys.write(fd, data);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (size === undefined && (e.errno === 'ENOSPC' || e.errno === 'EIO') && offset > 0) return offset;
      await ctx.error(`${qname}: error writing at offset ${offset}: ${strerror(e.errno)}`);
      return false;
    }
    offset += n;
  }
  return offset;
}

async function wipeFd(ctx: Ctx, fd: number, qname: string, o: Options): Promise<boolean> {
  const st: Stat = ctx.sys.fstat(fd);
  if ((st.kind === 'chardev' && ctx.sys.isatty(fd)) || st.kind === 'fifo' || st.kind === 'socket') {
    await ctx.error(`${qname}: invalid file type`);
    return false;
  }
  const block = st.blksize || 4096;
  let size = o.size;
  // a regular file smaller than a block is first shredded at its own size, then to the block
  // (do_wipefd's i_size: every pass twice, the first round without verbose lines)
  let small = 0;
  if (size === undefined) {
    if (st.kind === 'file') {
      size = st.size;
      if (!o.exact) {
        if (size && size < block) small = size;
        if (size % block) size += block - (size % block);
      }
    } else {
      let end = 0;
      try {
        end = ctx.sys.lseek(fd, 0, 'end');
      } catch {
        end = 0;
      }
      size = end > 0 ? end : undefined;
    }
  } else if (st.kind === 'file' && st.size < Math.min(block, size)) small = st.size;
  const types = await passTypes(o.passes, (k) => o.randint.choose(k));
  if (o.zero) types.push(0);
  const rounds: { size: number | undefined; verbose: boolean }[] = [];
  if (small) rounds.push({ size: small, verbose: false });
  if (size !== 0) rounds.push({ size, verbose: o.verbose });
  for (const round of rounds) {
    let roundSize = round.size;
    for (let i = 0; i < types.length; i++) {
      const type = types[i]!;
      if (round.verbose) await ctx.error(`${qname}: pass ${i + 1}/${types.length} (${passName(type)})...`);
      const done = await pass(ctx, fd, qname, roundSize, type, o);
      if (done === false) return false;
      roundSize = done;
    }
  }
  if (o.remove !== 'none' && st.kind === 'file') {
    try {
      ctx.sys.ftruncate(fd, 0);
    } catch (e) {
      await ctx.perror(e, `${qname}: error truncating`);
      return false;
    }
  }
  return true;
}

/** The next name of the same length in NAMESET order, or undefined after the last one. */
function nextName(name: string): string | undefined {
  const chars = [...name];
  for (let i = chars.length - 1; i >= 0; i--) {
    const p = NAMESET.indexOf(chars[i]!);
    if (p + 1 < NAMESET.length) {
      chars[i] = NAMESET[p + 1]!;
      return chars.join('');
    }
    chars[i] = NAMESET[0]!;
  }
  return undefined;
}

async function exists(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.sys.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Renames `name` to ever shorter names, then unlinks it. */
async function wipeName(ctx: Ctx, name: string, qname: string, o: Options): Promise<boolean> {
  const trimmed = name.replace(/(.)\/+$/, '$1');
  const slash = trimmed.lastIndexOf('/');
  const dir = slash >= 0 ? name.slice(0, slash + 1) : '';
  const baseLen = trimmed.length - slash - 1;
  if (o.verbose) await ctx.error(`${qname}: removing`);
  let current = name;
  let first = true;
  if (o.remove !== 'unlink') {
    for (let len = baseLen; len > 0; len--) {
      let base: string | undefined = NAMESET[0]!.repeat(len);
      // rename without replacing: an existing name moves on to the next one
      while (base !== undefined && (await exists(ctx, dir + base))) base = nextName(base);
      if (base === undefined) continue;
      try {
        await ctx.sys.rename(current, dir + base);
      } catch (e) {
        if (!isSysError(e)) throw e;
        continue;
      }
      if (o.verbose) await ctx.error(`${first ? qname : current}: renamed to ${dir + base}`);
      first = false;
      current = dir + base;
    }
  }
  try {
    await ctx.sys.unlink(current);
  } catch (e) {
    await ctx.perror(e, `${qname}: failed to remove`);
    return false;
  }
  if (o.verbose) await ctx.error(`${qname}: removed`);
  return true;
}

async function wipeFile(ctx: Ctx, name: string, o: Options): Promise<boolean> {
  const qname = quotef(name);
  if (name === '-') return wipeFd(ctx, 1, qname, o);
  let fd: number;
  try {
    fd = await ctx.sys.open(name, { write: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    let err: SysError = e;
    if (e.errno === 'EACCES' && o.force) {
      try {
        await ctx.sys.chmod(name, 0o200);
        fd = await ctx.sys.open(name, { write: true });
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
        err = e2;
        fd = -1;
      }
    } else fd = -1;
    if (fd < 0) {
      await ctx.error(`${qname}: failed to open for writing: ${strerror(err.errno)}`);
      return false;
    }
  }
  let ok: boolean;
  try {
    ok = await wipeFd(ctx, fd, qname, o);
  } finally {
    ctx.sys.close(fd);
  }
  if (ok && o.remove !== 'none') ok = await wipeName(ctx, name, qname, o);
  return ok;
}

/** Random bytes from --random-source FILE, read in order; its end is fatal. */
function fileSource(ctx: Ctx, file: string, fd: number): (n: number) => Promise<Uint8Array> {
  return async (n) => {
    try {
      const out = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const chunk = await ctx.sys.read(fd, n - got);
        if (chunk === null || chunk.length === 0) {
          await ctx.error(`${quote(file)}: end of file`);
          throw new Fatal();
        }
        out.set(chunk, got);
        got += chunk.length;
      }
      return out;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`${quote(file)}: read error: ${strerror(e.errno)}`);
      throw new Fatal();
    }
  };
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const o: Options = {
      force: false, passes: 3, size: undefined, remove: 'none', verbose: false, exact: false, zero: false,
      random: async (n) => ctx.sys.randomBytes(n),
      randint: new RandInt(async (n) => ctx.sys.randomBytes(n)),
    };
    let source: string | undefined;
    for (const { key, value } of args.order) {
      switch (key) {
        case 'f': o.force = true; break;
        case 'n': {
          const r = xdectoint(value!, 0n, (1n << 62n) - 1n, '', 'invalid number of passes');
          if (r.error !== undefined) {
            await ctx.error(r.error);
            return 1;
          }
          o.passes = Number(r.value);
          break;
        }
        case 'random-source':
          if (source !== undefined && source !== value) {
            await ctx.error('multiple random sources specified');
            return 1;
          }
          source = value!;
          break;
        case 's': {
          const r = xdectoint(value!, 0n, (1n << 63n) - 1n, 'cbBkKMGTPEZY0', 'invalid file size', { signed: false });
          if (r.error !== undefined) {
            await ctx.error(r.error);
            return 1;
          }
          o.size = Number(r.value);
          break;
        }
        case 'u': o.remove = 'wipesync'; break;
        case 'remove': {
          if (value === undefined) {
            o.remove = 'wipesync';
            break;
          }
          const m = argmatch(value, REMOVE);
          if ('error' in m) {
            await argmatchError(ctx, '--remove', value, m.error, REMOVE);
            await tryHelp(ctx);
            return 1;
          }
          o.remove = m.value;
          break;
        }
        case 'v': o.verbose = true; break;
        case 'x': o.exact = true; break;
        case 'z': o.zero = true; break;
        default: break;
      }
    }
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing file operand');
    if (source !== undefined) {
      try {
        o.random = fileSource(ctx, source, await ctx.sys.open(source, { read: true }));
        o.randint = new RandInt(o.random);
      } catch (e) {
        await ctx.perror(e, quotef(source));
        return 1;
      }
    }
    let ok = true;
    try {
      for (const name of args.operands) {
        await ctx.tick();
        ok = (await wipeFile(ctx, name, o)) && ok;
      }
    } catch (e) {
      if (e instanceof Fatal) return 1;
      throw e;
    }
    return ok ? 0 : 1;
  },
});
