// man (man-db 2.11): finds a page, formats it for the terminal's width and shows it through
// the pager, or writes plain text when standard output is not a terminal. Also -f (whatis),
// -k (apropos), -w (where the page would live) and -l (format a local file).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { findPages, pagePath, type PageRef } from './catalog';
import { showInPager } from './pager-pipe';
import { formatMan, lineLength } from './roff/format';
import { MAN_DB_VERSION, runApropos, runWhatis } from './whatis';

const R = 'required' as const;
const OPTIONS: OptionDef[] = [
  { key: 'all', short: 'a', long: 'all' },
  { key: 'whatis', short: 'f', long: 'whatis' },
  { key: 'apropos', short: 'k', long: 'apropos' },
  { key: 'where', short: 'w', long: 'where' },
  { key: 'where', long: 'path' },
  { key: 'where', long: 'location' },
  { key: 'local', short: 'l', long: 'local-file' },
  { key: 'pager', short: 'P', long: 'pager', arg: R },
  { key: 'prompt', short: 'r', long: 'prompt', arg: R },
  { key: 'sections', short: 's', long: 'sections', arg: R },
  { key: 'sections', short: 'S', arg: R },
  { key: 'nj', long: 'no-justification' },
  { key: 'nj', long: 'nj' },
  { key: 'nh', long: 'no-hyphenation' },
  { key: 'nh', long: 'nh' },
  { key: 'ignore', short: 'i', long: 'ignore-case' },
  { key: 'ignore', short: 'I', long: 'match-case' },
  { key: 'ignore', short: '7', long: 'ascii' },
  { key: 'ignore', short: 'E', long: 'encoding', arg: R },
  { key: 'ignore', short: 'L', long: 'locale', arg: R },
  { key: 'ignore', short: 'M', long: 'manpath', arg: R },
  { key: 'ignore', short: 'C', long: 'config-file', arg: R },
  { key: 'ignore', short: 'd', long: 'debug' },
  { key: 'help', short: '?', long: 'help' },
  { key: 'usage', long: 'usage' },
  { key: 'version', short: 'V', long: 'version' },
];

const HELP = `
Show the manual page of each PAGE, formatted for the terminal and shown through a pager.
A SECTION (1 user commands, 5 file formats, 8 administration, ...) limits the search.

  -a, --all                  show every matching page, not only the first
  -f, --whatis               print the one-line description of each PAGE
  -k, --apropos              search page names and descriptions for a regex
  -w, --where, --path, --location
                             print where each page is installed
  -l, --local-file           format PAGE as a roff file of the file system
  -s, -S, --sections=LIST    only look in these sections (colon separated)
  -P, --pager=PAGER          show pages with PAGER instead of $MANPAGER,
                             $PAGER or less
  -r, --prompt=STRING        prompt for less (\\$MAN_PN is the page name)
      --nj, --no-justification
                             fill lines without stretching them to the margin
      --nh, --no-hyphenation accepted (pages are never hyphenated here)
  -?, --help                 show this help and exit
      --usage                show a short usage message and exit
  -V, --version              show the version and exit

Exit status: 0 success, 1 usage error, 3 the pager failed, 16 no such page.`;

const USAGE = `Usage: man [-afkwlV?] [-P PAGER] [-r STRING] [-s LIST] [-S LIST] [--all]
            [--whatis] [--apropos] [--where] [--path] [--location]
            [--local-file] [--pager=PAGER] [--prompt=STRING] [--sections=LIST]
            [--no-justification] [--nj] [--no-hyphenation] [--nh] [--help]
            [--usage] [--version] [SECTION] PAGE...
`;

/** man-db's is_section: a known section, or a digit followed by a suffix (1p, 3pm). */
function isSection(word: string): boolean {
  return /^[0-9][a-z0-9]*$/i.test(word) || word === 'n' || word === 'l';
}

function terminalCols(ctx: Ctx): number {
  for (const v of ['MANWIDTH', 'COLUMNS']) {
    const n = Number(ctx.env.get(v));
    if (Number.isInteger(n) && n > 0) return n;
  }
  return ctx.sys.isatty(1) ? ctx.sys.winsize(1).cols : 80;
}

interface Show {
  tty: boolean;
  width: number;
  adjust: boolean;
  pager: string;
  prompt: string | undefined;
}

async function show(ctx: Ctx, source: string, name: string, how: Show): Promise<number> {
  const sgr = how.tty || ctx.env.has('MAN_KEEP_FORMATTING');
  const { text, header } = formatMan(source, { width: how.width, sgr, adjust: how.adjust });
  if (!how.tty) {
    await ctx.print(text);
    return 0;
  }
  return showInPager(ctx, text, how.pager, header.title ? `${name}(${header.section})` : name, how.prompt);
}

export default defineProgram({
  name: 'man',
  installPath: '/usr/bin/man',
  pkg: 'man-db',
  usage: 'man [OPTION...] [SECTION] PAGE...',
  help: HELP,
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), OPTIONS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.error(e.message);
      await ctx.err.write(`Try 'man --help' or 'man --usage' for more information.\n`);
      return 1;
    }
    if (p.flags.has('help')) {
      await ctx.print(`Usage: man [OPTION...] [SECTION] PAGE...\n${HELP}\n`);
      return 0;
    }
    if (p.flags.has('usage')) {
      await ctx.print(USAGE);
      return 0;
    }
    if (p.flags.has('version')) {
      await ctx.print(`man ${MAN_DB_VERSION}\n`);
      return 0;
    }
    let operands = p.operands;
    let sections = p.values.get('sections')?.at(-1)?.split(/[:,]/);
    if (p.flags.has('whatis') || p.flags.has('apropos')) {
      const kind = p.flags.has('apropos') ? 'apropos' : 'whatis';
      if (operands.length === 0) {
        await ctx.print(`${kind} what?\n`);
        return 1;
      }
      return kind === 'apropos' ? runApropos(ctx, operands, sections) : runWhatis(ctx, operands, sections);
    }
    if (operands.length === 0) {
      if (p.flags.has('where')) {
        await ctx.print('/usr/local/share/man:/usr/share/man\n');
        return 0;
      }
      await ctx.err.write(`What manual page do you want?\nFor example, try 'man man'.\n`);
      return 1;
    }
    if (!p.flags.has('local') && isSection(operands[0]!)) {
      if (operands.length === 1) {
        await ctx.err.write(`No manual entry for ${operands[0]}\n(Alternatively, what manual page do you want from section ${operands[0]}?)\nFor example, try 'man man'.\n`);
        return 1;
      }
      sections = [operands[0]!];
      operands = operands.slice(1);
    }
    const tty = ctx.sys.isatty(1);
    const how: Show = {
      tty,
      width: lineLength(terminalCols(ctx)),
      adjust: !p.flags.has('nj'),
      pager: p.values.get('pager')?.at(-1) ?? (ctx.env.get('MANPAGER') || ctx.env.get('PAGER') || 'less'),
      prompt: p.values.get('prompt')?.at(-1),
    };
    let status = 0;
    for (const name of operands) {
      if (p.flags.has('local')) {
        status = Math.max(status, await local(ctx, name, how));
        continue;
      }
      const found = await findPages(ctx.sys, name, sections);
      if (found.length === 0) {
        await ctx.out.flush();
        await ctx.err.write(`No manual entry for ${name}${sections && operands !== p.operands ? ` in section ${sections[0]}` : ''}\n`);
        status = Math.max(status, 16);
        continue;
      }
      const pages: PageRef[] = p.flags.has('all') ? found : [found[0]!];
      for (const ref of pages) {
        if (p.flags.has('where')) {
          await ctx.print(`${pagePath(ref)}\n`);
          continue;
        }
        const r = await show(ctx, (await ref.load()).default, ref.name, how);
        if (r !== 0) return r;
      }
    }
    return status;
  },
});

async function local(ctx: Ctx, path: string, how: Show): Promise<number> {
  let source: string;
  try {
    const st = await ctx.sys.stat(path);
    if (st.kind === 'dir') {
      await ctx.error(`${path}: ${strerror('EISDIR')}`);
      return 16;
    }
    source = new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.error(`${path}: ${strerror(e.errno)}`);
    return 16;
  }
  return show(ctx, source, path.slice(path.lastIndexOf('/') + 1), how);
}
