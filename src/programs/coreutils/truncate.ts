import { isSysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { INTMAX_MAX, INTMAX_MIN, xdectoint } from '../lib/xstrtol';

type Rel = 'abs' | 'rel' | 'min' | 'max' | 'rdn' | 'rup';

const spec = {
  name: 'truncate',
  installPath: '/usr/bin/truncate',
  pkg: 'coreutils',
  usage: 'truncate OPTION... FILE...',
  help: `Shrink or extend each FILE to a size; a FILE that does not exist is created.
A file made larger reads as zero bytes where it grew.

Long options take the same arguments as their short forms.
  -c, --no-create        do not create files
  -o, --io-blocks        SIZE counts I/O blocks, not bytes
  -r, --reference=RFILE  use RFILE's size
  -s, --size=SIZE        set or adjust the size by SIZE bytes
${HELP_LINES}

SIZE is an integer with an optional unit (K, M, G, T, P, E, Z, Y for powers of
1024, KB, MB... for powers of 1000), and may start with '+' (extend by), '-'
(reduce by), '<' (at most), '>' (at least), '/' (round down to a multiple of)
or '%' (round up to a multiple of).
${coreutilsHelpFooter('truncate')}`,
  version: coreutilsVersion('truncate', ['Padraig Brady']),
  options: [
    { key: 'c', short: 'c', long: 'no-create' },
    { key: 'o', short: 'o', long: 'io-blocks' },
    { key: 'r', short: 'r', long: 'reference', arg: 'required' as const },
    { key: 's', short: 's', long: 'size', arg: 'required' as const },
  ],
};

async function truncateFd(ctx: Ctx, fd: number, name: string, sizeIn: bigint, rsize: bigint, rel: Rel, blocks: boolean): Promise<boolean> {
  let size = sizeIn;
  const st = ctx.sys.fstat(fd);
  if (blocks) size *= BigInt(st.blksize);
  let nsize: bigint;
  if (rel !== 'abs') {
    const fsize = rsize >= 0n ? rsize : BigInt(st.size);
    if (rel === 'min') nsize = fsize > size ? fsize : size;
    else if (rel === 'max') nsize = fsize < size ? fsize : size;
    else if (rel === 'rdn') nsize = fsize - (fsize % size);
    else {
      if (rel === 'rup') {
        const r = fsize % size;
        size = r === 0n ? 0n : size - r;
      }
      nsize = fsize + size;
      if (nsize > INTMAX_MAX) {
        await ctx.error(`overflow extending size of file ${quoteaf(name)}`);
        return false;
      }
    }
  } else nsize = size;
  if (nsize < 0n) nsize = 0n;
  try {
    ctx.sys.ftruncate(fd, Number(nsize));
    return true;
  } catch (e) {
    await ctx.perror(e, `failed to truncate ${quoteaf(name)} at ${nsize} bytes`);
    return false;
  }
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let rel: Rel = 'abs';
    let size = 0n;
    let gotSize = false;
    for (const text of args.values.get('s') ?? []) {
      let t = text.replace(/^\s+/, '');
      const first = t[0];
      // (the mode a -s set stays for the next one: GNU keeps it in one variable)
      if (first === '<' || first === '>' || first === '/' || first === '%') {
        rel = first === '<' ? 'max' : first === '>' ? 'min' : first === '/' ? 'rdn' : 'rup';
        t = t.slice(1);
      }
      t = t.replace(/^\s+/, '');
      if (t[0] === '+' || t[0] === '-') {
        if (rel !== 'abs') return usageError(ctx, spec, 'multiple relative modifiers specified');
        rel = 'rel';
      }
      const r = xdectoint(t, INTMAX_MIN, INTMAX_MAX, 'EgGkKmMPtTYZ0', 'Invalid number', { signed: true });
      if (r.error !== undefined) {
        await ctx.error(r.error);
        return 1;
      }
      size = r.value;
      if ((rel === 'rup' || rel === 'rdn') && size === 0n) {
        await ctx.error('division by zero');
        return 1;
      }
      gotSize = true;
    }
    const ref = lastValue(args, 'r');
    const blocks = flag(args, 'o');
    if (ref === undefined && !gotSize) return usageError(ctx, spec, `you must specify either ${quote('--size')} or ${quote('--reference')}`);
    if (ref !== undefined && gotSize && rel === 'abs') return usageError(ctx, spec, `you must specify a relative ${quote('--size')} with ${quote('--reference')}`);
    if (blocks && !gotSize) return usageError(ctx, spec, `${quote('--io-blocks')} was specified but ${quote('--size')} was not`);
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing file operand');
    let rsize = -1n;
    if (ref !== undefined) {
      try {
        const st = await ctx.sys.stat(ref);
        if (gotSize) rsize = BigInt(st.size);
        else size = BigInt(st.size);
      } catch (e) {
        await ctx.perror(e, `cannot stat ${quoteaf(ref)}`);
        return 1;
      }
    }
    const noCreate = flag(args, 'c');
    let errors = false;
    for (const name of args.operands) {
      await ctx.tick();
      let fd: number;
      try {
        fd = await ctx.sys.open(name, { write: true, create: !noCreate }, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (!(noCreate && e.errno === 'ENOENT')) {
          await ctx.perror(e, `cannot open ${quoteaf(name)} for writing`);
          errors = true;
        }
        continue;
      }
      if (!(await truncateFd(ctx, fd, name, size, rsize, rel, blocks))) errors = true;
      ctx.sys.close(fd);
    }
    return errors ? 1 : 0;
  },
});
