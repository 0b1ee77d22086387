// isosize (util-linux 2.38): the length of an ISO-9660 filesystem from its primary volume
// descriptor (at 0x8000): the volume space size (both-endian at 0x8050) times the logical
// block size (at 0x8080), or either alone with -x, or divided by -d's number. A file without
// the descriptor's signature is warned about and measured all the same.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { readAt } from '../util-linux/signatures';
import { NumError, numOrErr, tryHelp, utilLinuxHelp, utilLinuxVersion, warnx } from './common';

const SIGNATURE = [1, 0x43, 0x44, 0x30, 0x30, 0x31, 1, 0]; // "\1CD001\1" and its terminator

/** One file: its size line, or undefined when it failed (the message is said). */
async function measure(ctx: Ctx, file: string, many: boolean, sectors: boolean, divisor: number): Promise<string | undefined> {
  let fd: number;
  try {
    fd = await ctx.sys.open(file, { read: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await warnx(ctx, `cannot open ${file}: ${strerror(e.errno)}`);
    return undefined;
  }
  try {
    let readErr: string | undefined;
    const at = async (offset: number, len: number): Promise<Uint8Array | undefined> => {
      try {
        const b = await readAt(ctx.sys, fd, offset, len);
        // a short read sets no errno: warnx() then says no reason
        return b.length < len ? undefined : b;
      } catch (e) {
        if (!isSysError(e)) throw e;
        readErr ??= strerror(e.errno);
        return undefined;
      }
    };
    const label = await at(0x8000, 8);
    readErr = undefined;
    if (!label || SIGNATURE.some((b, i) => label[i] !== b)) await warnx(ctx, `${file}: might not be an ISO filesystem`);
    const space = await at(0x8050, 8);
    const block = space ? await at(0x8080, 4) : undefined;
    if (!space || !block) {
      await warnx(ctx, `read error on ${file}${readErr ? `: ${readErr}` : ''}`);
      return undefined;
    }
    const le32 = (p: Uint8Array, o: number): number => (p[o]! | (p[o + 1]! << 8) | (p[o + 2]! << 16) | (p[o + 3]! << 24)) | 0;
    const be32 = (p: Uint8Array, o: number): number => (p[o + 3]! | (p[o + 2]! << 8) | (p[o + 1]! << 16) | (p[o]! << 24)) | 0;
    const nsecs = le32(space, 0);
    const ssize = block[0]! | (block[1]! << 8);
    // -x compares the two byte orders of each number
    if (sectors && nsecs !== be32(space, 4)) await warnx(ctx, `733error: le=${nsecs} be=${be32(space, 4)}`);
    if (sectors && ssize !== (block[3]! | (block[2]! << 8))) await warnx(ctx, `723error: le=${ssize} be=${block[3]! | (block[2]! << 8)}`);
    const prefix = many ? `${file}: ` : '';
    if (sectors) return `${prefix}sector count: ${nsecs}, sector size: ${ssize}\n`;
    const bytes = BigInt(nsecs) * BigInt(ssize);
    if (divisor === 0) return `${prefix}${bytes}\n`;
    if (divisor === ssize) return `${prefix}${nsecs}\n`;
    return `${prefix}${bytes / BigInt(divisor)}\n`;
  } finally {
    ctx.sys.close(fd);
  }
}

export default defineProgram({
  name: 'isosize',
  installPath: '/usr/sbin/isosize',
  pkg: 'util-linux',
  options: [
    { key: 'd', short: 'd', long: 'divisor', arg: 'required' }, { key: 'x', short: 'x', long: 'sectors' },
    { key: 'V', short: 'V', long: 'version' }, { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    let divisor = 0;
    let sectors = false;
    for (const { key, value } of args.order) {
      if (key === 'V') return ctx.print(`${utilLinuxVersion('isosize')}\n`).then(() => 0);
      if (key === 'h') {
        await ctx.print(utilLinuxHelp('isosize', ['isosize [options] <iso9660_image_file> ...'], 'Show how long an ISO-9660 filesystem is.', [
          ' -d, --divisor=<number>  divide the byte count by <number>',
          ' -x, --sectors           show the sector count and size',
        ], 25).replace('(1).', '(8).'));
        return 0;
      }
      if (key === 'x') sectors = true;
      if (key === 'd') {
        try {
          divisor = numOrErr(value ?? '', 'invalid divisor argument', -(1n << 63n), (1n << 63n) - 1n);
        } catch (e) {
          if (!(e instanceof NumError)) throw e;
          await warnx(ctx, e.message);
          return 1;
        }
      }
    }
    const files = args.operands;
    if (!files.length) {
      await warnx(ctx, 'no device specified');
      return tryHelp(ctx);
    }
    let failed = 0;
    for (const f of files) {
      const line = await measure(ctx, f, files.length > 1, sectors, divisor);
      if (line === undefined) failed++;
      else await ctx.print(line);
    }
    return failed === files.length ? 32 : failed ? 64 : 0;
  },
});
