import { defineProgram } from '../define';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { tryHelp } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { hex, Md5 } from '../lib/md5';
import { Sha1 } from '../lib/sha1';
import { Sha224, Sha256 } from '../lib/sha256';
import { Sha512 } from '../lib/sha512';
import { bsdSum, crcSum, sysvSum, type SumState } from '../lib/sum-algos';
import { eachInput, Output, readChunk } from '../lib/textio';
import { Blake2b } from './blake2b';

type Algo = 'bsd' | 'sysv' | 'crc' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'blake2b' | 'sm3';
const ALGOS: ArgChoices<Algo> = (['bsd', 'sysv', 'crc', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'sm3'] as const).map((a) => [a, a] as const);
const TAGS: Partial<Record<Algo, string>> = { md5: 'MD5', sha1: 'SHA1', sha224: 'SHA224', sha256: 'SHA256', sha384: 'SHA384', sha512: 'SHA512', blake2b: 'BLAKE2b' };

function digester(algo: Algo): { update(b: Uint8Array): unknown; digest(): Uint8Array } {
  switch (algo) {
    case 'md5': return new Md5();
    case 'sha1': return new Sha1();
    case 'sha224': return new Sha224();
    case 'sha384': return Sha512.sha384();
    case 'sha512': return new Sha512();
    case 'blake2b': return new Blake2b();
    default: return new Sha256();
  }
}

export default defineProgram({
  name: 'cksum',
  installPath: '/usr/bin/cksum',
  pkg: 'coreutils',
  usage: 'cksum [OPTION]... [FILE]...',
  help: `Print a checksum of each FILE: by default the 32-bit CRC and the size in bytes.

With no FILE, or when FILE is -, read standard input.

  -a, --algorithm=TYPE  bsd, sysv, crc (the default), md5, sha1, sha224,
                          sha256, sha384, sha512 or blake2b
      --tag             'TYPE (FILE) = DIGEST' lines (the default for digests)
      --untagged        'DIGEST  FILE' lines, as md5sum prints them
${HELP_LINES}
${coreutilsHelpFooter('cksum')}`,
  version: coreutilsVersion('cksum', ['Padraig Brady', 'Q. Frank Xia']),
  options: [
    { key: 'a', short: 'a', long: 'algorithm', arg: 'required' },
    { key: 'tag', long: 'tag' },
    { key: 'untagged', long: 'untagged' },
  ],
  async main(ctx, args) {
    let algo: Algo = 'crc';
    let tagged = true;
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
      } else if (key === 'tag') tagged = true;
      else if (key === 'untagged') tagged = false;
    }
    if (algo === 'sm3') {
      await ctx.error(`the ${algo} algorithm is not available here`);
      return 1;
    }
    const named = args.operands.length > 0;
    const files = named ? args.operands : ['-'];
    const out = new Output(ctx);
    const tag = TAGS[algo];
    const ok = await eachInput(ctx, out, files, async (fd, file) => {
      if (tag !== undefined) {
        const h = digester(algo);
        for (let c = await readChunk(ctx, fd); c; c = await readChunk(ctx, fd)) h.update(c);
        const d = hex(h.digest());
        out.push(tagged ? `${tag} (${file}) = ${d}\n` : `${d}  ${file}\n`);
      } else {
        const st: SumState = algo === 'bsd' ? bsdSum() : algo === 'sysv' ? sysvSum() : crcSum();
        for (let c = await readChunk(ctx, fd); c; c = await readChunk(ctx, fd)) st.update(c);
        out.push(`${st.result()}${named ? ` ${file}` : ''}\n`);
      }
    });
    return out.finish(ok ? 0 : 1);
  },
});
