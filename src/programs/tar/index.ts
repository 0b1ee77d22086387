// tar (GNU tar 1.34): -c, -r, -u, -A, -t, -x, -d and --delete on archives in GNU format,
// through gzip and friends with -z/-j/-J (or found compressed when read), with -C, --exclude,
// -T, -v/-vv, -O, -k, -p, --strip-components, --transform, -h and -P. Exit 0, 2 after any
// error (and on usage errors), 64 for options argp rejects.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import {
  ArchiveReader, ArchiveWriter, compressorForSuffix, detectCompression, reapChild, startCompressor, startDecompressor,
  type Child,
} from './archive';
import { Creator } from './create';
import { Extractor, transformEntry } from './extract';
import { BLOCK, checksumOk } from './header';
import { longLine, readArchive, shortLine, shownLink, skipData } from './list';
import { Excluder, safeName, Selector } from './names';
import { parseArgs, TarOptionFatal, TarUsage, type Early, type TarOptions } from './options';
import { resolveMtime } from './overrides';
import { qc, Tar, TarFatal } from './state';
import { localZone } from '../lib/tz';
import { HELP, USAGE, VERSION } from './text';

const OP_FLAGS: Record<string, string> = { 'test-label': '--test-label' };

async function usage(ctx: Ctx, e: TarUsage): Promise<number> {
  const name = e.argp ? 'tar' : ctx.name;
  await ctx.err.write(`${name}: ${e.message}\n`);
  if (e.tryLine) await ctx.err.write(`Try '${name} --help' or '${name} --usage' for more information.\n`);
  if (e instanceof TarOptionFatal) await ctx.err.write(`${name}: Error is not recoverable: exiting now\n`);
  return e.argp ? 64 : 2;
}

/**
 * Names read from a -T file (one a line, NUL-separated with --null), or patterns from an -X
 * file. A -T file that is not there is "Cannot stat", a directory gives no names; an -X file
 * that cannot be read is fatal with the bare reason.
 */
async function readList(tar: Tar, file: string, nul = tar.o.nul, exclude = false): Promise<string[]> {
  let data: Uint8Array;
  try {
    if (file === '-') {
      const parts: number[] = [];
      for (let c = await tar.sys.read(0); c; c = await tar.sys.read(0)) for (const b of c) parts.push(b);
      data = Uint8Array.from(parts);
    } else {
      if (!exclude) {
        try {
          await tar.sys.stat(file);
        } catch (e) {
          return tar.sysFatal(e, file, 'Cannot stat');
        }
      }
      data = await tar.sys.readFile(file);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (exclude) return tar.fatal(`${qc(file)}: ${strerror(e.errno)}`);
    if (e.errno === 'EISDIR') return [];
    return tar.sysFatal(e, file, 'Cannot open');
  }
  return new TextDecoder().decode(data).split(nul ? '\0' : '\n').filter((l) => l !== '');
}

async function openInput(tar: Tar): Promise<{ fd: number; stat: Stat | undefined }> {
  const name = tar.archiveName;
  if (name === '-') {
    if (tar.sys.isatty(0)) await tar.fatal('Refusing to read archive contents from terminal (missing -f option?)');
    return { fd: 0, stat: undefined };
  }
  try {
    const fd = await tar.sys.open(name, { read: true });
    return { fd, stat: tar.sys.fstat(fd) };
  } catch (e) {
    return tar.sysFatal(e, name, 'Cannot open');
  }
}

/** Opens the archive for reading, through a decompressor when asked or when it is compressed. */
async function reader(tar: Tar): Promise<{ r: ArchiveReader; child?: Child; fd: number; compressed: boolean }> {
  const { fd, stat } = await openInput(tar);
  if (tar.o.compressor) {
    const child = await startDecompressor(tar, tar.o.compressor, fd);
    return { r: new ArchiveReader(tar, child.fd), child, fd, compressed: true };
  }
  const r = new ArchiveReader(tar, fd);
  const head = await r.peek(BLOCK);
  const short = head.length < BLOCK;
  if (!short && hasTarMagic(head) && checksumOk(head)) return { r, fd, compressed: false };
  const found = detectCompression(head);
  if (found && (!stat || stat.kind !== 'file')) await tar.fatal(`Archive is compressed. Use ${found.option} option`);
  // neither a tar header nor a compressor's magic: the archive's suffix may name one
  const prog = found?.prog ?? compressorForSuffix(tar.archiveName);
  if (!prog || !stat || stat.kind !== 'file') return { r, fd, compressed: false };
  if (!found && short) await tar.error('This does not look like a tar archive');
  tar.sys.lseek(fd, 0, 'set');
  const child = await startDecompressor(tar, prog, fd);
  return { r: new ArchiveReader(tar, child.fd), child, fd, compressed: true };
}

/** The magic of a POSIX ("ustar") or GNU ("ustar  ") header. */
function hasTarMagic(h: Uint8Array): boolean {
  const m = String.fromCharCode(...h.subarray(257, 265));
  return m.startsWith('ustar\0') || m === 'ustar  \0';
}

/** Returns the bytes of archive read, in whole records as tar reads them. */
async function listOrExtract(tar: Tar, excluder: Excluder): Promise<number> {
  const o = tar.o;
  const sys = tar.sys;
  const { r, child, fd, compressed } = await reader(tar);
  // each name belongs to the directory the -C options before it lead to
  const names: { name: string; dir: string; recursive: boolean }[] = [];
  let cwd = sys.getcwd();
  let recursive = true;
  for (const n of o.names) {
    if (n.kind === 'chdir') {
      try {
        await sys.chdir(n.dir);
      } catch (e) {
        await tar.sysFatal(e, n.dir, 'Cannot open');
      }
      cwd = sys.getcwd();
    } else if (n.kind === 'opt') {
      if (n.name === 'recursion' || n.name === 'no-recursion') recursive = n.name === 'recursion';
    } else if (n.kind === 'name') names.push({ name: n.name, dir: cwd, recursive });
    else for (const name of await readList(tar, n.file)) names.push({ name, dir: cwd, recursive });
  }
  const selector = new Selector(names, cwd, o);
  const extractor = o.op === 'extract' ? new Extractor(tar, r) : o.op === 'diff' ? new (await import('./compare')).Comparer(tar, r) : undefined;
  await readArchive(tar, r, { compressed, appending: false }, async (e) => {
    const dir = selector.select(e.name);
    if (dir === undefined || excluder.excluded(e.name)) return skipData(tar, r, e.m);
    if (extractor) {
      if (dir !== cwd) {
        await sys.chdir(dir);
        cwd = dir;
      }
      return extractor.member(e);
    }
    // link targets are listed as --transform makes them, names only with --show-transformed-names
    const x = await transformEntry(tar, e);
    const name = o.showTransformed ? x.name : e.name;
    await safeName(tar, name, 'member names');
    const link = await shownLink(tar, x);
    await tar.listing.write(o.verbose ? longLine(tar, e.m, name, link) : shortLine(name));
    await skipData(tar, r, e.m);
  });
  if (child) {
    while (await r.data(BLOCK)) await tar.tick(); // drain, so the decompressor finishes
    sys.close(child.fd);
  }
  if (fd !== 0) sys.close(fd);
  if (child) await reapChild(tar, child);
  if (extractor instanceof Extractor) await extractor.finish();
  await selector.reportMissing(tar);
  const record = o.blocking * BLOCK;
  return Math.ceil((r.blockNo * BLOCK) / record) * record;
}

/** Returns the bytes of archive written (whole records). */
async function createOrAppend(tar: Tar): Promise<number> {
  const o = tar.o;
  const sys = tar.sys;
  const recordSize = o.blocking * BLOCK;
  let fd: number;
  let offset = 0;
  const stored = new Map<string, number>();
  if (tar.archiveName === '-') {
    if (sys.isatty(1)) await tar.fatal('Refusing to write archive contents to terminal (missing -f option?)');
    fd = 1;
    await tar.ctx.out.flush();
  } else if (o.op === 'append' || o.op === 'update' || o.op === 'catenate') {
    try {
      fd = await sys.open(tar.archiveName, { read: true, write: true, create: true }, 0o666);
    } catch (e) {
      return tar.sysFatal(e, tar.archiveName, 'Cannot open');
    }
    const r = new ArchiveReader(tar, fd);
    const head = await r.peek(BLOCK);
    if (!(head.length === BLOCK && checksumOk(head)) && detectCompression(head)) await tar.fatal('Cannot update compressed archives');
    offset = await readArchive(tar, r, { compressed: false, appending: true }, (e) => {
      // -u: the newest time each name has in the archive
      if (o.op === 'update') stored.set(e.name, Math.max(stored.get(e.name) ?? -Infinity, e.m.mtime));
      return skipData(tar, r, e.m);
    });
    sys.lseek(fd, offset, 'set');
  } else {
    try {
      fd = await sys.open(tar.archiveName, { write: true, create: true, truncate: true }, 0o666);
    } catch (e) {
      return tar.sysFatal(e, tar.archiveName, 'Cannot open');
    }
  }
  const st = fd === 1 ? undefined : sys.fstat(fd);
  const archiveId = st && st.kind === 'file' ? `${st.dev}:${st.ino}` : undefined;
  const child = o.compressor ? await startCompressor(tar, o.compressor, fd) : undefined;
  // appending after a ragged end starts a new record there, as GNU tar does
  const inRecord = offset % BLOCK ? 0 : offset % recordSize;
  const w = new ArchiveWriter(tar, child ? child.fd : fd, recordSize, inRecord, child !== undefined);
  const creator = new Creator(tar, w, new Excluder([], o), archiveId, o.op === 'update' ? stored : undefined);
  try {
    if (o.op === 'catenate') await catenate(tar, w);
    else await creator.run(o.names, (file, nul, exclude) => readList(tar, file, nul, exclude));
    await w.finish();
  } finally {
    if (child) sys.close(child.fd);
    if (fd !== 1) sys.close(fd);
  }
  if (child) await reapChild(tar, child);
  return w.records * recordSize;
}

async function run(ctx: Ctx, args: string[]): Promise<number> {
  let parsed: TarOptions | Early;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (e instanceof TarUsage) return usage(ctx, e);
    throw e;
  }
  if (typeof parsed === 'string') {
    // --show-defaults: the options tar was built to assume
    const defaults = '--format=gnu -f- -b20 --quoting-style=escape --rmt-command=/usr/sbin/rmt --rsh-command=/usr/bin/rsh\n';
    await ctx.print(parsed === 'help' ? HELP : parsed === 'usage' ? USAGE : parsed === 'version' ? VERSION : defaults);
    return 0;
  }
  const o = parsed;
  const archive = o.archive ?? ctx.env.get('TAPE') ?? '-';
  try {
    if (o.op === undefined) throw new TarUsage("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options", false);
    const flag = OP_FLAGS[o.op];
    if (flag) throw new TarUsage(`${flag} is not supported here`, false, false);
    if (o.overrides.clamp && o.overrides.mtimeArg === undefined) throw new TarUsage('--clamp-mtime needs a date specified using --mtime', false);
    if (o.op === 'create' && !o.names.some((n) => n.kind === 'name' || n.kind === 'from')) throw new TarUsage('Cowardly refusing to create an empty archive', false);
    if ((o.op === 'append' || o.op === 'update' || o.op === 'catenate') && archive === '-') throw new TarUsage("Options '-Aru' are incompatible with '-f -'", false);
    if ((o.op === 'append' || o.op === 'update' || o.op === 'catenate' || o.op === 'delete') && o.compressor) throw new TarUsage('Cannot update compressed archives', false);
  } catch (e) {
    if (e instanceof TarUsage) return usage(ctx, e);
    throw e;
  }
  if (o.oldO) {
    if (o.op === 'create') o.format = 'v7';
    else o.sameOwner ??= false;
  }
  if (o.autoCompress && o.op === 'create' && !o.compressor) o.compressor = compressorForSuffix(archive);
  const tar = new Tar(ctx, o, archive);
  tar.tz = await localZone(ctx.sys);
  if (!(await resolveMtime(tar, o.overrides))) return 2;
  const writesArchiveToStdout = (o.op === 'create' || o.op === 'append' || o.op === 'update') && archive === '-';
  if (writesArchiveToStdout || (o.op === 'extract' && o.toStdout)) tar.listing = ctx.err;
  const started = ctx.sys.now();
  try {
    if (o.op === 'delete') {
      const { deleteMembers } = await import('./delete');
      const n = await deleteMembers(tar, await deleteNames(tar));
      if (o.totals) {
        await ctx.out.flush();
        const ms = ctx.sys.now() - started;
        await ctx.err.write(`Total bytes read: ${totalsText(n.read, ms)}\nTotal bytes written: ${totalsText(n.written, ms)}\nTotal bytes deleted: ${n.read - n.written}\n`);
      }
    } else if (o.op === 'create' || o.op === 'append' || o.op === 'update' || o.op === 'catenate') {
      const n = await createOrAppend(tar);
      if (o.totals) await ctx.out.flush();
      if (o.totals) await ctx.err.write(`Total bytes written: ${totalsText(n, ctx.sys.now() - started)}\n`);
    } else {
      const patterns = [...o.excludes];
      for (const f of o.excludeFrom) patterns.push(...(await readList(tar, f, false, true)));
      const n = await listOrExtract(tar, new Excluder(patterns, o));
      if (o.totals) await ctx.out.flush();
      if (o.totals) await ctx.err.write(`Total bytes read: ${totalsText(n, ctx.sys.now() - started)}\n`);
    }
  } catch (e) {
    if (!(e instanceof TarFatal)) throw e;
    await ctx.flush();
    return 2;
  }
  if (tar.status === 2) await tar.warn('Exiting with failure status due to previous errors');
  return tar.status;
}

/** -A: each archive named is copied whole (its records, end marker and all) after the last member. */
async function catenate(tar: Tar, w: ArchiveWriter): Promise<void> {
  for (const n of tar.o.names) {
    if (n.kind !== 'name') continue;
    let data: Uint8Array;
    try {
      data = await tar.sys.readFile(n.name);
    } catch (e) {
      await tar.sysError(e, n.name, 'Cannot open');
      continue;
    }
    const head = data.subarray(0, BLOCK);
    if (head.length < BLOCK || !checksumOk(head)) {
      await tar.error('Skipping to next header');
      continue;
    }
    await w.write(data.subarray(0, data.length - (data.length % BLOCK)));
  }
}

/** The names --delete works on, those of -T files included (-C changes nothing there). */
async function deleteNames(tar: Tar): Promise<{ name: string; dir: string; recursive: boolean }[]> {
  const out: { name: string; dir: string; recursive: boolean }[] = [];
  let recursive = true;
  for (const n of tar.o.names) {
    if (n.kind === 'opt' && (n.name === 'recursion' || n.name === 'no-recursion')) recursive = n.name === 'recursion';
    else if (n.kind === 'name') out.push({ name: n.name, dir: '', recursive });
    else if (n.kind === 'from') for (const name of await readList(tar, n.file)) out.push({ name, dir: '', recursive });
  }
  return out;
}

/** "N (SIZE, RATE/s)": sizes as human_readable gives them in powers of 1024, rounded up. */
function totalsText(bytes: number, ms: number): string {
  const human = (n: number): string => {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let u = 0;
    let v = n;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    if (u === 0) return `${Math.ceil(v)}B`;
    return v < 10 ? `${(Math.ceil(v * 10 - 1e-9) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v - 1e-9)}${units[u]}`;
  };
  const secs = ms / 1000;
  return `${bytes} (${human(bytes)}, ${secs > 0 ? human(bytes / secs) : '?'}/s)`;
}

export default defineProgram({
  name: 'tar',
  installPath: '/usr/bin/tar',
  pkg: 'tar',
  main: (ctx, { operands }) => run(ctx, operands),
});

