// cksum (coreutils 9.1 digest.c built as cksum): the 32-bit CRC by default, the old sums and
// every digest with -a, BSD-style tagged lines unless --untagged, -l for BLAKE2b, and -c,
// which without -a takes each line's algorithm from its tag.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { tryHelp, usageFail } from '../lib/cli';
import { check, MD5, printDigest, SHA1, SHA224, SHA256, SHA384, SHA512, type Algo as DigestAlgo, type CheckOptions } from '../lib/digest-main';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { Sm3 } from '../lib/sm3';
import { bsdSum, crcSum, sysvSum, type SumState } from '../lib/sum-algos';
import { eachInput, Output, readChunk, stdinCloseFailed } from '../lib/textio';
import { UINTMAX_MAX, xdectoint } from '../lib/xstrtol';
import { Blake2b } from './blake2b';

type Algo = 'bsd' | 'sysv' | 'crc' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'blake2b' | 'sm3';
const ALGOS: ArgChoices<Algo> = (['bsd', 'sysv', 'crc', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'sm3'] as const).map((a) => [a, a] as const);
const BLAKE2B: DigestAlgo = { name: 'b2sum', tag: 'BLAKE2b', hexLength: 128, bits: 512, variable: true, make: (bytes = 64) => new Blake2b(bytes), authors: [] };
const SM3: DigestAlgo = { name: 'sm3', tag: 'SM3', hexLength: 64, bits: 256, make: () => new Sm3(), authors: [] };
const DIGESTS: Partial<Record<Algo, DigestAlgo>> = { md5: MD5, sha1: SHA1, sha224: SHA224, sha256: SHA256, sha384: SHA384, sha512: SHA512, blake2b: BLAKE2B, sm3: SM3 };
/** The tags a checksum line may start with; the first three name sums that cannot be checked. */
const TAG_ALGOS: Record<string, Algo> = { SYSV: 'sysv', BSD: 'bsd', CRC: 'crc', MD5: 'md5', SHA1: 'sha1', SHA224: 'sha224', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512', BLAKE2b: 'blake2b', SM3: 'sm3' };

export default defineProgram({
  name: 'cksum',
  installPath: '/usr/bin/cksum',
  pkg: 'coreutils',
  usage: 'cksum [OPTION]... [FILE]...',
  help: `Print or check checksums: by default the 32-bit CRC and the size in bytes.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -a, --algorithm=TYPE  bsd, sysv, crc (the default), md5, sha1, sha224,
                          sha256, sha384, sha512, blake2b or sm3
  -c, --check           read checksum lines from the FILEs and verify them
  -l, --length=BITS     BLAKE2b digest length: a multiple of 8, at most 512
      --tag             'TYPE (FILE) = DIGEST' lines (the default for digests)
      --untagged        'DIGEST  FILE' lines, as md5sum prints them
  -z, --zero            end each output line with NUL, not newline,
                          and leave file names unescaped

With --check:
      --ignore-missing  say nothing about files that are missing
      --quiet           do not print OK for each file that checks out
      --status          print nothing; the exit status tells the result
      --strict          fail when a checksum line is malformed
  -w, --warn            warn about each malformed checksum line

      --debug           say which implementation is used
${HELP_LINES}
${coreutilsHelpFooter('cksum')}`,
  version: coreutilsVersion('cksum', ['Padraig Brady', 'Q. Frank Xia']),
  options: [
    { key: 'a', short: 'a', long: 'algorithm', arg: 'required' },
    { key: 'c', short: 'c', long: 'check' },
    { key: 'l', short: 'l', long: 'length', arg: 'required' },
    { key: 'tag', long: 'tag' },
    { key: 'untagged', long: 'untagged' },
    { key: 'z', short: 'z', long: 'zero' },
    { key: 'ignore-missing', long: 'ignore-missing' },
    { key: 'quiet', long: 'quiet' },
    { key: 'status', long: 'status' },
    { key: 'strict', long: 'strict' },
    { key: 'w', short: 'w', long: 'warn' },
    { key: 'debug', long: 'debug' },
    // md5sum's -b and -t: known to the option parser, refused by cksum with only the Try line
    { key: 'bt', short: 'b' },
    { key: 'bt', short: 't' },
  ],
  async main(ctx, args) {
    let algo: Algo = 'crc';
    let specified = false;
    let tagged = true;
    let doCheck = false;
    let eol = '\n';
    let bits = 0;
    let lengthText = '';
    const o: CheckOptions = { status: false, warn: false, quiet: false, strict: false, ignoreMissing: false };
    for (const { key, value } of args.order) {
      if (key === 'a') {
        // cksum matches the algorithm name exactly (argmatch_exact): no abbreviations
        const exact = ALGOS.some(([w]) => w === value);
        const r = exact ? argmatch(value ?? '', ALGOS) : { error: 'invalid' as const };
        if ('error' in r) {
          await argmatchError(ctx, '--algorithm', value ?? '', r.error, ALGOS);
          await tryHelp(ctx);
          return 1;
        }
        algo = r.value;
        specified = true;
      } else if (key === 'l') {
        const r = xdectoint(value ?? '', 0n, UINTMAX_MAX, '', 'invalid length');
        if (r.error !== undefined) {
          await ctx.error(r.error);
          return 1;
        }
        if (r.value % 8n !== 0n) {
          await ctx.error(`invalid length: ${quote(value ?? '')}`);
          await ctx.error('length is not a multiple of 8');
          return 1;
        }
        bits = r.value > 512n ? -1 : Number(r.value);
        lengthText = value ?? '';
      } else if (key === 'bt') {
        await tryHelp(ctx);
        return 1;
      } else if (key === 'tag') tagged = true;
      else if (key === 'untagged') tagged = false;
      else if (key === 'c') doCheck = true;
      else if (key === 'z') eol = '\0';
      else if (key === 'status') Object.assign(o, { status: true, warn: false, quiet: false });
      else if (key === 'w') Object.assign(o, { status: false, warn: true, quiet: false });
      else if (key === 'quiet') Object.assign(o, { status: false, warn: false, quiet: true });
      else if (key === 'ignore-missing') o.ignoreMissing = true;
      else if (key === 'strict') o.strict = true;
    }
    if (bits !== 0 && algo !== 'blake2b') {
      await ctx.error('--length is only supported with --algorithm=blake2b');
      return 1;
    }
    if (bits < 0) {
      await ctx.error(`invalid length: ${quote(lengthText)}`);
      await ctx.error(`maximum digest length for ${quote('BLAKE2b')} is 512 bits`);
      return 1;
    }
    if (eol !== '\n' && doCheck) return usageFail(ctx, 'the --zero option is not supported when verifying checksums');
    if (!doCheck) {
      for (const [flagName, on] of [['ignore-missing', o.ignoreMissing], ['status', o.status], ['warn', o.warn], ['quiet', o.quiet], ['strict', o.strict]] as const) {
        if (on) return usageFail(ctx, `the --${flagName} option is meaningful only when verifying checksums`);
      }
    }
    if (doCheck && specified && DIGESTS[algo] === undefined) {
      await ctx.error('--check is not supported with --algorithm={bsd,sysv,crc}');
      return 1;
    }
    if (args.flags.has('debug') && algo === 'crc') await ctx.error('using pclmul hardware support');
    const named = args.operands.length > 0;
    const files = named ? args.operands : ['-'];
    const out = new Output(ctx);
    const digest = DIGESTS[algo];
    if (doCheck) {
      if (!specified) o.pick = (tag) => DIGESTS[TAG_ALGOS[tag] ?? 'crc'];
      let ok = true;
      for (const file of files) ok = (await check(ctx, digest ?? MD5, out, file, o)) && ok;
      return out.finish(ok ? 0 : 1, true);
    }
    if (digest === undefined) {
      // 9.1's CRC loop stops at the first failed read without noticing it, so a directory (or a
      // closed stdin) sums as empty input; the other two old sums report the error.
      const readCrcChunk = async (kind: Algo, fd: number): Promise<Uint8Array | null> => {
        try {
          return await readChunk(ctx, fd);
        } catch (e) {
          if (kind === 'crc' && isSysError(e)) return null;
          throw e;
        }
      };
      const ok = await eachInput(ctx, out, files, async (fd, file) => {
        const st: SumState = algo === 'bsd' ? bsdSum() : algo === 'sysv' ? sysvSum() : crcSum();
        for (let c = await readCrcChunk(algo, fd); c; c = await readCrcChunk(algo, fd)) st.update(c);
        out.push(`${st.result()}${named ? ` ${file}` : ''}${eol}`);
      });
      const status = await out.finish(ok ? 0 : 1, true);
      return (await stdinCloseFailed(ctx, files.includes('-'), 'standard input')) ? 1 : status;
    }
    const size = bits || digest.bits;
    const tag = size === digest.bits ? digest.tag : `${digest.tag}-${size}`;
    let ok = true;
    const line = (shown: string, sum: string): string => (tagged ? `${tag} (${shown}) = ${sum}` : `${sum}  ${shown}`);
    for (const file of files) {
      await ctx.tick();
      ok = (await printDigest(ctx, out, digest, file, size, eol, line)) && ok;
    }
    const status = await out.finish(ok ? 0 : 1, true);
    return (await stdinCloseFailed(ctx, files.includes('-'), 'standard input')) ? 1 : status;
  },
});
