import { defineProgram } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { bsdSum, sysvSum } from '../lib/sum-algos';
import { eachInput, Output, readChunk, stdinCloseFailed } from '../lib/textio';

export default defineProgram({
  name: 'sum',
  installPath: '/usr/bin/sum',
  pkg: 'coreutils',
  usage: 'sum [OPTION]... [FILE]...',
  help: `Print the checksum and the block count of each FILE.

With no FILE, or when FILE is -, read standard input.

  -r              the BSD algorithm, 1K blocks (the default)
  -s, --sysv      the System V algorithm, 512-byte blocks
${HELP_LINES}
${coreutilsHelpFooter('sum')}`,
  version: coreutilsVersion('sum', ['Kayvan Aghaiepour', 'David MacKenzie']),
  options: [
    { key: 'r', short: 'r' },
    { key: 's', short: 's', long: 'sysv' },
  ],
  async main(ctx, args) {
    let sysv = false;
    for (const { key } of args.order) sysv = key === 's';
    const named = args.operands.length > 0;
    const files = named ? args.operands : ['-'];
    const out = new Output(ctx);
    const ok = await eachInput(ctx, out, files, async (fd, file) => {
      const st = sysv ? sysvSum() : bsdSum();
      for (let c = await readChunk(ctx, fd); c; c = await readChunk(ctx, fd)) st.update(c);
      out.push(`${st.result()}${named ? ` ${file}` : ''}\n`);
    });
    const status = await out.finish(ok ? 0 : 1, true);
    return (await stdinCloseFailed(ctx, files.includes('-'), 'standard input')) ? 1 : status;
  },
});
