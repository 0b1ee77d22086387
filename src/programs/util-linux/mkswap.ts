// mkswap (util-linux 2.38): writes a version 1 swap header into a file or device. Before it:
// the size in pages (a block count may shrink it), warnings for a file others may read or a
// non-root owner, for a file with holes (the kernel may refuse it), and the wipe of the first
// 1024 bytes and of every old signature found. It prints the usable size and the label/UUID.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { utilLinuxVersion } from './common';
import { humanSize3, probe, SWAP_HEADER, swapHeader, uuidText } from './signatures';

const MIN_GOODPAGES = 10;
const PAGE = 4096;

const HELP = `
Usage:
 mkswap [options] device [size]

Sets up a Linux swap area on a device or in a file.

Options:
 -c, --check               look for bad blocks first
 -f, --force               go ahead even when it looks unwise
 -p, --pagesize SIZE       the page size to lay the area out for
 -L, --label LABEL         a label, for swapon -L
 -v, --swapversion NUM     the swap area version (only 1 exists)
 -U, --uuid UUID           this UUID (or clear, random, time)
     --verbose             say more about what is checked
     --lock[=<mode>]       take an exclusive lock (yes, no, nonblock)

 -h, --help                display this help
 -V, --version             display version

For more details see mkswap(8).
`;

class Fail extends Error {
  constructor(readonly text: string, readonly tryHelp = false) {
    super(text);
  }
}

function parseUuid(ctx: Ctx, spec: string | undefined): Uint8Array {
  if (spec === 'clear') return new Uint8Array(16);
  if (spec !== undefined && spec !== 'random' && spec !== 'time') {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(spec)) throw new Fail('error: parsing UUID failed');
    return Uint8Array.from(spec.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)));
  }
  const u = ctx.sys.randomBytes(16);
  u[6] = (u[6]! & 0x0f) | 0x40;
  u[8] = (u[8]! & 0x3f) | 0x80;
  return u;
}

/** strtou32/strtou64_or_err: a whole unsigned decimal number. */
function unsigned(text: string, msg: string, max: number): number {
  if (!/^\s*\+?\d+$/.test(text)) throw new Fail(`${msg}: '${text}'`);
  const n = Number(text.trim());
  if (n > max) throw new Fail(`${msg}: '${text}': Numerical result out of range`);
  return n;
}

async function run(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  let p;
  try {
    p = getopt(ctx.argv.slice(1), [
      { key: 'c', short: 'c', long: 'check' }, { key: 'f', short: 'f', long: 'force' },
      { key: 'p', short: 'p', long: 'pagesize', arg: 'required' }, { key: 'q', short: 'q', long: 'quiet' },
      { key: 'L', short: 'L', long: 'label', arg: 'required' }, { key: 'v', short: 'v', long: 'swapversion', arg: 'required' },
      { key: 'U', short: 'U', long: 'uuid', arg: 'required' }, { key: 'V', short: 'V', long: 'version' },
      { key: 'h', short: 'h', long: 'help' }, { key: 'lock', long: 'lock', arg: 'optional' }, { key: 'verbose', long: 'verbose' },
    ]);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    throw new Fail(e.message, true);
  }
  let check = false;
  let quiet = false;
  let userPage: number | undefined;
  let label: string | undefined;
  let uuidSpec: string | undefined;
  for (const { key, value } of p.order) {
    const v = value ?? '';
    if ((key === 'c' && quiet) || (key === 'q' && check)) throw new Fail('mutually exclusive arguments: --check --quiet');
    switch (key) {
      case 'c': check = true; break;
      case 'q': quiet = true; break;
      case 'p': userPage = unsigned(v, 'parsing page size failed', 0xffffffff); break;
      case 'L': label = v; break;
      case 'v': {
        if (!/^\s*[+-]?\d+$/.test(v)) throw new Fail(`parsing version number failed: '${v}'`);
        if (Number(v) !== 1) throw new Fail(`swapspace version ${Number(v)} is not supported`);
        break;
      }
      case 'U': uuidSpec = v; break;
      case 'V': await ctx.print(`${utilLinuxVersion('mkswap')}\n`); return 0;
      case 'h': await ctx.print(HELP); return 0;
    }
  }
  const force = p.flags.has('f');
  const [dev, count, ...extra] = p.operands;
  if (extra.length) {
    await ctx.err.write('mkswap: only one device argument is currently supported\n');
    throw new Fail('', true);
  }
  const uuid = parseUuid(ctx, uuidSpec);
  let pageSize = PAGE;
  if (userPage !== undefined) {
    if (userPage < 1034 || (userPage & (userPage - 1)) !== 0) throw new Fail(`Bad user-specified page size ${userPage}`);
    if (!quiet && userPage !== PAGE) await ctx.err.write(`mkswap: Using user-specified page size ${userPage}, instead of the system value ${PAGE}\n`);
    pageSize = userPage;
  }
  if (dev === undefined) {
    await ctx.err.write('mkswap: error: Nowhere to set up swap on?\n');
    throw new Fail('', true);
  }
  let npages = 0;
  if (count !== undefined) npages = Math.floor(unsigned(count, 'invalid block count argument', Number.MAX_SAFE_INTEGER) / (pageSize / 1024));
  let size: number;
  try {
    const fd = await sys.open(dev, { read: true });
    const st = sys.fstat(fd);
    // blkdev_get_size finds no size for a directory and ends up with an absurd one
    size = (st.mode & 0o170000) === 0o040000 ? 2 ** 52 : Math.floor(st.size / pageSize);
    sys.close(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new Fail(`cannot open ${dev}: ${strerror(e.errno as Errno)}`);
  }
  if (!npages) npages = size;
  else if (npages > size && !force) throw new Fail(`error: size ${npages * (pageSize / 1024)} KiB is larger than device size ${size * (pageSize / 1024)} KiB`);
  if (npages < MIN_GOODPAGES) throw new Fail(`error: swap area needs to be at least ${(MIN_GOODPAGES * pageSize) / 1024} KiB`);
  if (npages > 0xffffffff) {
    npages = 0xffffffff;
    if (!quiet) await ctx.err.write(`mkswap: warning: truncating swap area to ${(npages * pageSize) / 1024} KiB\n`);
  }
  let st;
  let fd: number;
  try {
    st = await sys.stat(dev);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new Fail(`stat of ${dev} failed: ${strerror(e.errno as Errno)}`);
  }
  try {
    fd = await sys.open(dev, { read: true, write: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new Fail(`cannot open ${dev}: ${strerror(e.errno as Errno)}`);
  }
  try {
    const regular = (st.mode & 0o170000) === 0o100000;
    const block = (st.mode & 0o170000) === 0o060000;
    const permMask = block ? 0o7007 : 0o7077;
    if (check && regular) {
      check = false;
      if (!quiet) await ctx.err.write(`mkswap: warning: checking bad blocks from swap file is not supported: ${dev}\n`);
    }
    if (!quiet && (st.mode & permMask) !== 0) {
      await ctx.err.write(`mkswap: ${dev}: insecure permissions ${(st.mode & 0o7777).toString(8).padStart(4, '0')}, fix with: chmod ${(~permMask & 0o666).toString(8).padStart(4, '0')} ${dev}\n`);
    }
    if (!quiet && sys.getuid() === 0 && regular && st.uid !== 0) await ctx.err.write(`mkswap: ${dev}: insecure file owner ${st.uid}, fix with: chown 0:0 ${dev}\n`);
    // FIEMAP finds a hole when fewer bytes are stored than the file is long
    if (!quiet && regular && st.blocks * 512 < st.size) {
      await ctx.err.write(`\nmkswap: ${dev} contains holes or other unsupported extents.\n        This swap file can be rejected by kernel on swap activation!\n${p.flags.has('verbose') ? '\n' : '        Use --verbose for more details.\n'}\n`);
    }
    // a swap area in use cannot be written (ETXTBSY): the first write, of the boot bits, fails
    if (regular && (await activeSwap(ctx, dev))) throw new Fail('unable to erase bootbits sectors');
    sys.lseek(fd, 0, 'set');
    await sys.write(fd, new Uint8Array(1024));
    for (const sig of await probe(sys, fd)) {
      if (!quiet) await ctx.err.write(`mkswap: ${dev}: warning: wiping old ${sig.type} signature.\n`);
      sys.lseek(fd, sig.offset, 'set');
      await sys.write(fd, new Uint8Array(sig.magic.length));
    }
    const bytes = (npages - 1) * pageSize;
    if (!quiet) await ctx.print(`Setting up swapspace version 1, size = ${humanSize3(bytes)} (${bytes} bytes)\n`);
    if (label !== undefined && new TextEncoder().encode(label).length > 15) await ctx.err.write('mkswap: Label was truncated.\n');
    const header = swapHeader(pageSize, npages - 1, uuid, label ?? '');
    if (!quiet) {
      const shown = new TextDecoder().decode(header.subarray(SWAP_HEADER + 28, SWAP_HEADER + 44)).replace(/\0.*$/s, '');
      await ctx.print(`${shown ? `LABEL=${shown}, ` : 'no label, '}UUID=${uuidText(uuid)}\n`);
    }
    sys.lseek(fd, SWAP_HEADER, 'set');
    await sys.write(fd, header.subarray(SWAP_HEADER));
  } finally {
    sys.close(fd);
  }
  return 0;
}

/** Whether `dev` is an active swap area: its path is among /proc/swaps' names. */
async function activeSwap(ctx: Ctx, dev: string): Promise<boolean> {
  try {
    const path = await ctx.sys.realpath(dev);
    const text = new TextDecoder().decode(await ctx.sys.readFile('/proc/swaps'));
    return text.split('\n').slice(1).some((l) => l.split(/\s+/)[0]?.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))) === path);
  } catch {
    return false;
  }
}

export default defineProgram({
  name: 'mkswap',
  installPath: '/usr/sbin/mkswap',
  pkg: 'util-linux',
  async main(ctx) {
    try {
      return await run(ctx);
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      if (e.text) await ctx.err.write(`mkswap: ${e.text}\n`);
      if (e.tryHelp) await ctx.err.write("Try 'mkswap --help' for more information.\n");
      return 1;
    }
  },
});
