// whatis and apropos (man-db 2.11), also reached as man -f and man -k: one line per page,
// `name (section)` padded to 20 columns, then the page's NAME description.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { allPages, nameLine, type PageRef } from './catalog';

export const MAN_DB_VERSION = '2.11.1';

export function whatisLine(ref: Pick<PageRef, 'name' | 'section'>, description: string): string {
  return `${`${ref.name} (${ref.section})`.padEnd(20)} - ${description}\n`;
}

async function described(sys: Ctx['sys'], sections: string[] | undefined): Promise<{ ref: PageRef; description: string }[]> {
  const out: { ref: PageRef; description: string }[] = [];
  for (const ref of await allPages(sys)) {
    if (sections && !sections.some((s) => s === ref.section || s === ref.section.charAt(0))) continue;
    const line = nameLine((await ref.load()).default);
    out.push({ ref, description: line?.description ?? '(unknown subject)' });
  }
  return out;
}

/** whatis: pages named exactly like each keyword (case does not matter). 16 when none is. */
export async function runWhatis(ctx: Ctx, keywords: string[], sections?: string[]): Promise<number> {
  const pages = await described(ctx.sys, sections);
  let found = false;
  for (const word of keywords) {
    const hits = pages.filter((p) => p.ref.name.toLowerCase() === word.toLowerCase());
    if (hits.length === 0) await ctx.err.write(`${word}: nothing appropriate.\n`);
    for (const h of hits) await ctx.print(whatisLine(h.ref, h.description));
    found ||= hits.length > 0;
  }
  return found ? 0 : 16;
}

/** apropos: each keyword is an extended regular expression searched in names and descriptions. */
export async function runApropos(ctx: Ctx, keywords: string[], sections?: string[]): Promise<number> {
  const pages = await described(ctx.sys, sections);
  const shown = new Set<string>();
  let found = false;
  const lines: { ref: PageRef; text: string }[] = [];
  for (const word of keywords) {
    let re: SafeRegExp;
    try {
      re = new SafeRegExp(gnuRegexSource(word, 'extended'), 'i');
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      await ctx.error(`${word}: ${e.message}`);
      return 1;
    }
    const hits = pages.filter((p) => re.test(p.ref.name) || re.test(p.description));
    if (hits.length === 0) await ctx.err.write(`${word}: nothing appropriate.\n`);
    for (const h of hits) {
      const key = `${h.ref.name}.${h.ref.section}`;
      if (shown.has(key)) continue;
      shown.add(key);
      lines.push({ ref: h.ref, text: whatisLine(h.ref, h.description) });
    }
    found ||= hits.length > 0;
  }
  lines.sort((a, b) => (a.ref.name < b.ref.name ? -1 : a.ref.name > b.ref.name ? 1 : 0));
  for (const l of lines) await ctx.print(l.text);
  return found ? 0 : 16;
}

const OPTIONS: OptionDef[] = [
  { key: 'sections', short: 's', long: 'sections', arg: 'required' },
  { key: 'sections', long: 'section', arg: 'required' },
  { key: 'long', short: 'l', long: 'long' },
  { key: 'help', short: '?', long: 'help' },
  { key: 'usage', long: 'usage' },
  { key: 'version', short: 'V', long: 'version' },
];

function tool(name: 'whatis' | 'apropos') {
  const help = [
    '',
    name === 'whatis'
      ? 'Print the one-line description of each manual page named KEYWORD.'
      : 'Search the names and one-line descriptions of the manual pages for each\nKEYWORD, read as an extended regular expression, ignoring case.',
    '',
    '  -s, --sections=LIST        only look in these sections (colon separated)',
    '  -l, --long                 do not trim lines to the terminal width',
    '  -?, --help                 show this help and exit',
    '      --usage                show a short usage message and exit',
    '  -V, --version              show the version and exit',
  ].join('\n');
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'man-db',
    usage: `${name} [OPTION...] KEYWORD...`,
    help,
    async main(ctx) {
      let p;
      try {
        p = getopt(ctx.argv.slice(1), OPTIONS);
      } catch (e) {
        if (!(e instanceof GetoptError)) throw e;
        await ctx.error(e.message);
        await ctx.err.write(`Try '${name} --help' or '${name} --usage' for more information.\n`);
        return 1;
      }
      if (p.flags.has('help')) {
        await ctx.print(`Usage: ${name} [OPTION...] KEYWORD...\n${help}\n`);
        return 0;
      }
      if (p.flags.has('usage')) {
        await ctx.print(`Usage: ${name} [-l?V] [-s LIST] [--sections=LIST] [--help] [--usage]\n            [--version] KEYWORD...\n`);
        return 0;
      }
      if (p.flags.has('version')) {
        await ctx.print(`${name} ${MAN_DB_VERSION}\n`);
        return 0;
      }
      if (p.operands.length === 0) {
        await ctx.print(`${name} what?\n`);
        return 1;
      }
      const sections = p.values.get('sections')?.at(-1)?.split(/[:,]/);
      return name === 'whatis' ? runWhatis(ctx, p.operands, sections) : runApropos(ctx, p.operands, sections);
    },
  });
}

export const whatis = tool('whatis');
export const apropos = tool('apropos');
