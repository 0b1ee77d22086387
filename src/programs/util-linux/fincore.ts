// fincore (util-linux 2.38): how much of each file sits in the page cache. The simulated
// kernel keeps every file's data in memory, so all of a file's pages count as resident
// (as they are on Linux for a file just written). Directories are passed over silently.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { outputColumns, type ScolsColumn, scolsPrint } from './smartcols';
import { utilLinuxVersion } from './common';
import { humanSize, shortName, tryHelp, warnx } from '../util-linux-more/common';

const PAGE = 4096;

const COLUMNS: Record<string, { help: string; col: ScolsColumn }> = {
  PAGES: { help: 'resident data of the file, in pages', col: { name: 'PAGES', whint: 1, right: true, json: 'number' } },
  SIZE: { help: 'size of the file', col: { name: 'SIZE', whint: 5, right: true } },
  FILE: { help: 'name of the file', col: { name: 'FILE', whint: 4 } },
  RES: { help: 'resident data of the file, in bytes', col: { name: 'RES', whint: 5, right: true } },
};
const DEFAULT = ['RES', 'PAGES', 'SIZE', 'FILE'];

const HELP = `
Usage:
 fincore [options] file...

Options:
 -J, --json            print JSON
 -b, --bytes           sizes in bytes, not in human-readable units
 -n, --noheadings      leave out the header line
 -o, --output <list>   the columns to print
 -r, --raw             print the raw format

 -h, --help            display this help
 -V, --version         display version

Available output columns:
${Object.entries(COLUMNS).map(([name, c]) => ` ${name.padStart(11)}  ${c.help}\n`).join('')}
For more details see fincore(1).
`;

export default defineProgram({
  name: 'fincore',
  installPath: '/usr/bin/fincore',
  pkg: 'util-linux',
  options: [
    { key: 'b', short: 'b', long: 'bytes' },
    { key: 'n', short: 'n', long: 'noheadings' },
    { key: 'o', short: 'o', long: 'output', arg: 'required' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'J', short: 'J', long: 'json' },
    { key: 'r', short: 'r', long: 'raw' },
  ],
  async main(ctx, args) {
    let output: string | undefined;
    for (const { key, value } of args.order) {
      if (key === 'o') output = value;
      else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
    }
    const bytes = args.flags.has('b');
    const json = args.flags.has('J');
    if (!args.operands.length) {
      await warnx(ctx, 'no file specified');
      return tryHelp(ctx);
    }
    let names = DEFAULT;
    if (output !== undefined) {
      const got = outputColumns(output, Object.keys(COLUMNS), DEFAULT);
      if (got === undefined) return 1;
      if (!Array.isArray(got)) {
        await warnx(ctx, `unknown column: ${got.unknown}`);
        return 1;
      }
      names = got;
    }
    const columns = names.map((n) => {
      const col = COLUMNS[n]!.col;
      // sizes are numbers in JSON only when they are counted in bytes
      return json && bytes && (n === 'SIZE' || n === 'RES') ? { ...col, json: 'number' as const } : col;
    });
    const rows: string[][] = [];
    let status = 0;
    const sys = ctx.sys;
    for (const name of args.operands) {
      let size: number;
      try {
        const fd = await sys.open(name, { read: true });
        try {
          const st = await sys.fstat(fd);
          if (st.kind === 'dir') continue;
          size = st.size;
        } finally {
          sys.close(fd);
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await warnx(ctx, `failed to open: ${name}: ${strerror(e.errno)}`);
        status = 1;
        continue;
      }
      const pages = Math.ceil(size / PAGE);
      const cell: Record<string, string> = {
        FILE: name,
        PAGES: String(pages),
        RES: bytes ? String(pages * PAGE) : humanSize(pages * PAGE, false),
        SIZE: bytes ? String(size) : humanSize(size, false),
      };
      rows.push(names.map((n) => cell[n]!));
    }
    await ctx.print(scolsPrint({ columns, rows, noheadings: args.flags.has('n'), raw: args.flags.has('r'), json: json ? 'fincore' : undefined }));
    return status;
  },
});
