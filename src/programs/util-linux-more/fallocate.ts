// fallocate (util-linux 2.38): gives a file space (its size grows to offset+length), or
// punches, zeroes, collapses or inserts a range. The simulated disk stores every byte, so
// allocated space reads as zeros and a hole is a run of zeros; sizes are the real ones.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { errx, exclusive, humanSize3, parseSize, shortName, utilLinuxVersion } from './common';

const HELP = `
Usage:
 fallocate [options] <filename>

Give a file disk space, or take it away, without writing data.

Options:
 -c, --collapse-range remove a range and move the rest of the file up
 -d, --dig-holes      turn runs of zero bytes into holes
 -i, --insert-range   insert a hole, moving the rest of the file down
 -l, --length <num>   length of the range, in bytes
 -n, --keep-size      leave the file's apparent size as it is
 -o, --offset <num>   start of the range, in bytes
 -p, --punch-hole     turn a range into a hole (implies -n)
 -z, --zero-range     zero a range and allocate it
 -x, --posix          allocate with posix_fallocate(3)
 -v, --verbose        say what was done

 -h, --help           display this help
 -V, --version        display version

Arguments:
 <num> arguments may be followed by the suffixes for
   GiB, TiB, PiB, EiB, ZiB, and YiB (the "iB" is optional)

For more details see fallocate(1).
`;

const EXCL = [['c', 'd', 'p', 'z'], ['c', 'n'], ['x', 'c', 'd', 'i', 'n', 'p', 'z']];
const LONG: Record<string, string> = { c: 'collapse-range', d: 'dig-holes', i: 'insert-range', n: 'keep-size', p: 'punch-hole', z: 'zero-range', x: 'posix' };
const BLOCK = 4096;

function cvtnum(s: string): number {
  const v = parseSize(s);
  return typeof v === 'bigint' && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : -1;
}

export default defineProgram({
  name: 'fallocate',
  installPath: '/usr/bin/fallocate',
  pkg: 'util-linux',
  options: [
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'n', short: 'n', long: 'keep-size' },
    { key: 'p', short: 'p', long: 'punch-hole' },
    { key: 'c', short: 'c', long: 'collapse-range' },
    { key: 'd', short: 'd', long: 'dig-holes' },
    { key: 'i', short: 'i', long: 'insert-range' },
    { key: 'z', short: 'z', long: 'zero-range' },
    { key: 'o', short: 'o', long: 'offset', arg: 'required' },
    { key: 'l', short: 'l', long: 'length', arg: 'required' },
    { key: 'x', short: 'x', long: 'posix' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
  async main(ctx, args) {
    const mode = new Set<string>();
    let length = -2;
    let offset = 0;
    let verbose = false;
    const seen: string[] = ['', '', ''];
    for (const { key, value } of args.order) {
      const row = exclusive(EXCL, seen, key);
      if (row) return errx(ctx, `mutually exclusive arguments:${row.map((k) => ` --${LONG[k]!}`).join('')}`);
      switch (key) {
        case 'l': length = cvtnum(value!); break;
        case 'o': offset = cvtnum(value!); break;
        case 'v': verbose = true; break;
        case 'h': return ctx.print(HELP).then(() => 0);
        case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        default: mode.add(key);
      }
    }
    if (args.operands.length === 0) return errx(ctx, 'no filename specified');
    if (args.operands.length !== 1) return errx(ctx, 'unexpected number of arguments');
    const file = args.operands[0]!;
    const dig = mode.has('d');
    if (dig) {
      if (length === -2) length = 0;
      if (length < 0) return errx(ctx, 'invalid length value specified');
    } else {
      if (length === -2) return errx(ctx, 'no length argument specified');
      if (length <= 0) return errx(ctx, 'invalid length value specified');
    }
    if (offset < 0) return errx(ctx, 'invalid offset value specified');
    const sys = ctx.sys;
    const plain = !dig && !['n', 'p', 'c', 'i', 'z'].some((k) => mode.has(k));
    let fd: number;
    try {
      fd = await sys.open(file, { read: true, write: true, create: plain }, 0o666);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return errx(ctx, `cannot open ${file}: ${strerror(e.errno)}`);
    }
    const fail = async (errno: string): Promise<number> => {
      sys.close(fd);
      return errx(ctx, `fallocate failed: ${strerror(errno as never)}`);
    };
    try {
      const st = sys.fstat(fd);
      if (st.kind === 'dir') return await fail('EISDIR');
      const size = st.size;
      const end = offset + length;
      const readAll = async (): Promise<Uint8Array> => {
        sys.lseek(fd, 0, 'set');
        const parts: Uint8Array[] = [];
        let total = 0;
        for (let c = await sys.read(fd); c && c.length; c = await sys.read(fd)) {
          parts.push(c);
          total += c.length;
        }
        const all = new Uint8Array(total);
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        return all;
      };
      const rewrite = async (data: Uint8Array): Promise<void> => {
        sys.ftruncate(fd, 0);
        sys.lseek(fd, 0, 'set');
        if (data.length) await sys.write(fd, data);
      };
      const zero = async (from: number, to: number): Promise<void> => {
        const stop = Math.min(to, size);
        if (stop <= from) return;
        sys.lseek(fd, from, 'set');
        for (let at = from; at < stop; at += 65536) await sys.write(fd, new Uint8Array(Math.min(65536, stop - at)));
      };
      // the blocks of [from, to) become allocated (st_blocks counts them): the file's own bytes
      // are written back as they are, and past its end zeros are (unless -n keeps the size)
      const allocate = async (from: number, to: number): Promise<void> => {
        for (let at = from - (from % BLOCK); at < Math.min(to, size); at += 65536) {
          sys.lseek(fd, at, 'set');
          const data = await sys.read(fd, Math.min(65536, Math.min(to, size) - at));
          if (!data?.length) break;
          sys.lseek(fd, at, 'set');
          await sys.write(fd, data);
        }
        if (mode.has('n') || to <= size) return;
        sys.lseek(fd, Math.max(from, size), 'set');
        for (let at = Math.max(from, size); at < to; at += 65536) await sys.write(fd, new Uint8Array(Math.min(65536, to - at)));
      };
      let verb = 'allocated';
      if (dig) verb = '';
      else if (mode.has('c')) {
        if (offset % BLOCK || length % BLOCK || end >= size) return await fail('EINVAL');
        const data = await readAll();
        const out = new Uint8Array(size - length);
        out.set(data.subarray(0, offset), 0);
        out.set(data.subarray(end), offset);
        await rewrite(out);
        verb = 'removed';
      } else if (mode.has('i')) {
        if (offset % BLOCK || length % BLOCK || offset >= size) return await fail('EINVAL');
        const data = await readAll();
        const out = new Uint8Array(size + length);
        out.set(data.subarray(0, offset), 0);
        out.set(data.subarray(offset), end);
        await rewrite(out);
        verb = 'inserted';
      } else if (mode.has('p')) {
        await zero(offset, end);
        verb = 'hole created';
      } else if (mode.has('z')) {
        await zero(offset, end);
        await allocate(offset, end);
        verb = 'zeroed';
      } else await allocate(offset, end);
      if (verbose && verb) await ctx.print(`${file}: ${humanSize3(length)} (${length} bytes) ${verb}.\n`);
      if (verbose && dig) await ctx.print(`${file}: 0 B (0 bytes) converted to sparse holes.\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return await fail(e.errno);
    }
    sys.close(fd);
    return 0;
  },
});
