// cpio (GNU cpio 2.13): copy-out (-o) archives the names read from standard input, copy-in
// (-i) extracts or with -t lists an archive, pass-through (-p) copies files into a directory.
// Sizes are reported on stderr in 512-byte blocks, as the real tool counts its I/O.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { fnmatch } from '../lib/fnmatch';
import { modeString } from '../lib/mode-string';
import { Accounts } from '../lib/accounts';
import { MONTHS } from '../lib/strftime';
import { localtime, localZone } from '../lib/tz';
import { readAllBin, unbin } from '../lib/textio';
import { decodeArchive, encodeMember, trailer, type Format, type Member } from './format';

const TRY = "Try 'cpio --help' or 'cpio --usage' for more information.\n";
const blocks = (bytes: number): string => {
  const n = Math.ceil(bytes / 512);
  return `${n} block${n === 1 ? '' : 's'}\n`;
};

function typeBits(st: Stat): number {
  return ({ file: 0o100000, dir: 0o040000, symlink: 0o120000, chardev: 0o020000, blockdev: 0o060000, fifo: 0o010000, socket: 0o140000 } as const)[st.kind];
}

async function readInput(ctx: Ctx, file: string | undefined): Promise<Uint8Array> {
  if (file === undefined) return unbin(await readAllBin(ctx, 0));
  return ctx.sys.readFile(file);
}

async function writeOutput(ctx: Ctx, file: string | undefined, data: Uint8Array, append: boolean): Promise<void> {
  if (file === undefined) {
    await ctx.flush();
    await ctx.sys.write(1, data);
  } else await ctx.sys.writeFile(file, data, { append });
}

export default defineProgram({
  name: 'cpio',
  installPath: '/usr/bin/cpio',
  pkg: 'cpio',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'o', short: 'o', long: 'create' }, { key: 'i', short: 'i', long: 'extract' }, { key: 'p', short: 'p', long: 'pass-through' },
        { key: 't', short: 't', long: 'list' }, { key: 'H', short: 'H', long: 'format', arg: 'required' }, { key: 'c', short: 'c' },
        { key: 'd', short: 'd', long: 'make-directories' }, { key: 'v', short: 'v', long: 'verbose' }, { key: 'u', short: 'u', long: 'unconditional' },
        { key: 'm', short: 'm', long: 'preserve-modification-time' }, { key: 'F', short: 'F', long: 'file', arg: 'required' },
        { key: 'O', short: 'O', arg: 'required' }, { key: 'I', short: 'I', arg: 'required' }, { key: 'A', short: 'A', long: 'append' },
        { key: 'f', short: 'f', long: 'nonmatching' }, { key: 'V', short: 'V', long: 'dot' }, { key: 'quiet', long: 'quiet' },
        { key: 'null', short: '0', long: 'null' }, { key: 'a', short: 'a', long: 'reset-access-time' }, { key: 'version', long: 'version' },
        { key: 'help', long: 'help' }, { key: 'B', short: 'B' }, { key: 'l', short: 'l', long: 'link' }, { key: 'L', short: 'L', long: 'dereference' },
        { key: 'R', short: 'R', long: 'owner', arg: 'required' }, { key: 'no-absolute-filenames', long: 'no-absolute-filenames' },
        { key: 'to-stdout', long: 'to-stdout' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`cpio: ${e.message}\n${TRY}`);
      return 64;
    }
    if (p.flags.has('version')) return ctx.print('cpio (GNU cpio) 2.13\nCopyright (C) 2017 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Phil Nelson, David MacKenzie, John Oleynick,\nand Sergey Poznyakoff.\n').then(() => 0);
    if (p.flags.has('help')) return ctx.print('Usage: cpio [OPTION...] [destination-directory]\nGNU `cpio\' copies files to and from archives\n\nExamples:\n  # Copy files named in name-list to the archive\n  cpio -o < name-list [> archive]\n  # Extract files from the archive\n  cpio -i [< archive]\n  # Copy files named in name-list to destination-directory\n  cpio -p destination-directory < name-list\n').then(() => 0);
    const mode = p.flags.has('o') ? 'o' : p.flags.has('p') ? 'p' : p.flags.has('i') || p.flags.has('t') ? 'i' : undefined;
    if ([p.flags.has('o'), p.flags.has('p'), p.flags.has('i') || p.flags.has('t')].filter(Boolean).length > 1) {
      await ctx.err.write(`cpio: Mode already defined\n${TRY}`);
      return 2;
    }
    if (!mode) {
      await ctx.err.write(`cpio: You must specify one of -oipt options.\n${TRY}`);
      return 2;
    }
    const fmtArg = p.values.get('H')?.at(-1)?.toLowerCase();
    if (fmtArg && !['newc', 'crc', 'odc', 'bin'].includes(fmtArg)) {
      await ctx.err.write(`cpio: invalid archive format \`${fmtArg}'; valid formats are:\ncrc newc odc bin ustar tar (all-caps also recognized)\n${TRY}`);
      return 2;
    }
    const format: Format = (fmtArg as Format | undefined) ?? (p.flags.has('c') ? 'odc' : 'bin');
    const verbose = p.flags.has('v');
    const quiet = p.flags.has('quiet');
    let status = 0;
    if (mode === 'o' || mode === 'p') {
      const text = new TextDecoder().decode(unbin(await readAllBin(ctx, 0)));
      // a name read up to a newline ends at its first NUL byte, as a C string does
      const names = p.flags.has('null') ? text.split('\0').filter((n) => n !== '') : text.split('\n').map((n) => n.split('\0')[0]!).filter((n) => n !== '');
      if (mode === 'p') {
        const dest = p.operands[0];
        if (dest === undefined) {
          await ctx.err.write(`cpio: no destination directory given\n${TRY}`);
          return 2;
        }
        let total = 0;
        for (const name of names) {
          let st: Stat;
          try {
            st = await ctx.sys.lstat(name);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await ctx.err.write(`cpio: ${name}: Cannot stat: ${strerror(e.errno)}\n`);
            status = 2;
            continue;
          }
          // the directory the names are relative to is the destination itself
          if (/^\.\/*$/.test(name)) continue;
          const data = st.kind === 'file' ? await ctx.sys.readFile(name) : new Uint8Array();
          const m: Member = { name: name.replace(/^\/+/, ''), ino: st.ino, mode: typeBits(st) | (st.mode & 0o7777), uid: st.uid, gid: st.gid, nlink: st.nlink, mtime: Math.floor(st.mtime / 1000), size: data.length, dev: 0, rdev: 0, data };
          if (st.kind === 'symlink') m.data = new TextEncoder().encode(await ctx.sys.readlink(name));
          const out = `${dest.replace(/\/$/, '')}/${m.name}`;
          const r = await extract(ctx, m, out, p.flags.has('d'), p.flags.has('u'), p.flags.has('m'), out);
          if (r === 'failed') status = 2;
          // a directory that could not be made is listed all the same
          if (r === 'made' || (r === 'failed' && st.kind === 'dir')) {
            if (st.kind === 'file') total += data.length;
            if (verbose) await ctx.err.write(`${out}\n`);
          }
        }
        if (!quiet) await ctx.err.write(blocks(total));
        return status;
      }
      const parts: Uint8Array[] = [];
      let ino = 1;
      for (const name of names) {
        let st: Stat;
        try {
          st = p.flags.has('L') ? await ctx.sys.stat(name) : await ctx.sys.lstat(name);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`cpio: ${name}: Cannot stat: ${strerror(e.errno)}\n`);
          status = 2;
          continue;
        }
        let data: Uint8Array = new Uint8Array();
        try {
          if (st.kind === 'file') data = await ctx.sys.readFile(name);
          else if (st.kind === 'symlink') data = new TextEncoder().encode(await ctx.sys.readlink(name));
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`cpio: ${name}: Cannot open: ${strerror(e.errno)}\n`);
          status = 2;
          continue;
        }
        const rdev = st.rdev ? (st.rdev[0] << 8) | st.rdev[1] : 0;
        // the member's name loses its leading "./" (and the slashes after it)
        const stored = name.replace(/^(?:\.\/+)+/, '') || name;
        parts.push(encodeMember({ name: stored, ino: format === 'bin' || format === 'odc' ? st.ino & 0xffff : st.ino, mode: typeBits(st) | (st.mode & 0o7777), uid: st.uid, gid: st.gid, nlink: st.kind === 'dir' ? st.nlink : 1, mtime: Math.floor(st.mtime / 1000), size: data.length, dev: format === 'bin' || format === 'odc' ? 0 : 0, rdev, data }, format));
        ino++;
        if (verbose) await ctx.err.write(`${name}\n`);
      }
      parts.push(trailer(format));
      const len = parts.reduce((n, x) => n + x.length, 0);
      const out = new Uint8Array(Math.ceil(len / 512) * 512);
      let o = 0;
      for (const x of parts) {
        out.set(x, o);
        o += x.length;
      }
      await writeOutput(ctx, p.values.get('O')?.at(-1) ?? p.values.get('F')?.at(-1), out, p.flags.has('A'));
      if (!quiet) await ctx.err.write(blocks(out.length));
      return status;
    }
    // copy-in
    let buf: Uint8Array;
    const src = p.values.get('I')?.at(-1) ?? p.values.get('F')?.at(-1);
    try {
      buf = await readInput(ctx, src);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`cpio: ${src}: Cannot open: ${strerror(e.errno)}\n`);
      return 2;
    }
    const { members, end, error } = decodeArchive(buf);
    if (error === 'bad magic' || (buf.length === 0)) {
      if (buf.length === 0) {
        await ctx.err.write(`cpio: ${await endOfInput(ctx, src)}\n`);
        return 2;
      }
      await ctx.err.write('cpio: warning: skipped 1 bytes of junk\n'.replace('1 bytes', `${buf.length} bytes`));
      await ctx.err.write('cpio: premature end of archive\n');
      return 2;
    }
    const patterns = p.operands;
    const wanted = (n: string): boolean => (patterns.length === 0 ? true : patterns.some((pat) => fnmatch(pat, n))) !== p.flags.has('f');
    const list = p.flags.has('t');
    const zone = await localZone(ctx.sys);
    const acc = verbose && list ? await Accounts.load(ctx.sys) : undefined;
    const now = Math.floor(ctx.sys.now() / 1000);
    let out = '';
    for (const m of members) {
      if (!wanted(m.name)) continue;
      if (list) {
        if (!verbose) {
          out += `${m.name}\n`;
          continue;
        }
        const tm = localtime(m.mtime, zone);
        const recent = m.mtime > now - 182.5 * 86400 && m.mtime <= now + 3600;
        const two = (n: number): string => String(n).padStart(2, '0');
        const when = `${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${recent ? `${two(tm.hour)}:${two(tm.min)}` : ` ${tm.year}`}`;
        const isLink = (m.mode & 0o170000) === 0o120000;
        const isDev = [0o020000, 0o060000].includes(m.mode & 0o170000);
        const size = isDev ? `${m.rdev >> 8}, ${String(m.rdev & 0xff).padStart(3)}`.padStart(8) : String(m.size).padStart(8);
        out += `${modeString(m.mode)} ${String(m.nlink).padStart(3)} ${(acc!.userName(m.uid) ?? String(m.uid)).padEnd(8)} ${(acc!.groupName(m.gid) ?? String(m.gid)).padEnd(8)} ${size} ${when} ${m.name}${isLink ? ` -> ${new TextDecoder().decode(m.data)}` : ''}\n`;
        continue;
      }
      if (p.flags.has('to-stdout')) {
        await ctx.print(out);
        out = '';
        await ctx.flush();
        await ctx.sys.write(1, m.data);
        continue;
      }
      const r = await extract(ctx, m, m.name, p.flags.has('d'), p.flags.has('u'), p.flags.has('m'), m.name);
      if (r === 'failed') status = 2;
      // copy-in lists a member it kept the newer file of, too
      else if (verbose) await ctx.err.write(`${m.name}\n`);
    }
    await ctx.print(out);
    if (error) {
      await ctx.err.write(`cpio: ${error === 'premature end of archive' ? await endOfInput(ctx, src) : error}\n`);
      return 2;
    }
    if (!quiet) await ctx.err.write(blocks(Math.ceil(end / 512) * 512));
    return status;
  },
});

/**
 * The archive ended early. On a device (a tape, /dev/null) cpio asks on /dev/tty for the next
 * volume, which fails without a terminal; elsewhere it is a premature end.
 */
async function endOfInput(ctx: Ctx, src: string | undefined): Promise<string> {
  let st: Stat;
  try {
    st = src === undefined ? ctx.sys.fstat(0) : await ctx.sys.stat(src);
  } catch {
    return 'premature end of archive';
  }
  if (st.kind !== 'chardev' && st.kind !== 'blockdev') return 'premature end of archive';
  try {
    ctx.sys.close(await ctx.sys.open('/dev/tty', { read: true }));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `/dev/tty: ${strerror(e.errno)}`;
  }
  return 'premature end of archive';
}

/**
 * Writes one member to `path` (`shown` in messages): 'made', 'kept' when a file as new is
 * there, 'failed' (with the message printed) when it could not be created.
 */
async function extract(ctx: Ctx, m: Member, path: string, makeDirs: boolean, unconditional: boolean, keepTime: boolean, shown: string): Promise<'made' | 'kept' | 'failed'> {
  const type = m.mode & 0o170000;
  let existing: Stat | undefined;
  try {
    existing = await ctx.sys.lstat(path);
  } catch {
    existing = undefined;
  }
  if (existing && type !== 0o040000 && !unconditional && Math.floor(existing.mtime / 1000) >= m.mtime) {
    await ctx.err.write(`cpio: ${shown} not created: newer or same age version exists\n`);
    return 'kept';
  }
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  if (parent && makeDirs) await mkdirs(ctx, parent);
  try {
    if (type === 0o040000) {
      if (!existing) {
        try {
          await ctx.sys.mkdir(path, m.mode & 0o7777);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`cpio: ${shown}: Cannot mkdir: ${strerror(e.errno)}\n`);
          return 'failed';
        }
      } else if (existing.kind !== 'dir') throw Object.assign(new Error('exists'), { errno: 'EEXIST' });
      await ctx.sys.chmod(path, m.mode & 0o7777);
    } else if (type === 0o120000) {
      if (existing) await ctx.sys.unlink(path);
      await ctx.sys.symlink(new TextDecoder().decode(m.data), path);
      return 'made';
    } else {
      if (existing) await ctx.sys.unlink(path);
      await ctx.sys.writeFile(path, m.data, { mode: m.mode & 0o7777 });
      await ctx.sys.chmod(path, m.mode & 0o7777);
    }
    if (keepTime) await ctx.sys.utimes(path, m.mtime * 1000, m.mtime * 1000);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`cpio: ${shown}: Cannot open: ${strerror(e.errno)}\n`);
    return 'failed';
  }
  return 'made';
}

async function mkdirs(ctx: Ctx, dir: string): Promise<void> {
  let cur = dir.startsWith('/') ? '' : '.';
  for (const part of dir.split('/').filter(Boolean)) {
    cur = cur === '' ? `/${part}` : `${cur}/${part}`;
    try {
      await ctx.sys.mkdir(cur, 0o755);
    } catch {
      // already there
    }
  }
}
