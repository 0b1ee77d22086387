import { strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { DIGIT_OPTIONS, parseOptions, usageFail } from '../lib/cli';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { binArg, closeInput, openInput, Output, qaf, readAllBin, stdinCloseFailed } from '../lib/textio';
import { xdectoint } from '../lib/xstrtol';
import { Filler, type FmtOptions } from './fmt-fill';

const HELP = `Refill the paragraphs of each FILE (or standard input) and write them to
standard output. As the first option, -WIDTH is short for --width=WIDTH.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -c, --crown-margin        keep the indent of a paragraph's first two lines
  -p, --prefix=STRING       refill only lines that start with STRING, and put
                              STRING back in front of the refilled lines
  -s, --split-only          break long lines but never join short ones
  -t, --tagged-paragraph    the first line is indented unlike the second
  -u, --uniform-spacing     one space between words, two after a sentence
  -w, --width=WIDTH         lines at most WIDTH columns (75 by default)
  -g, --goal=WIDTH          aim for WIDTH columns (93% of the width by default)
${HELP_LINES}
${coreutilsHelpFooter('fmt')}`;

const MAX_WIDTH = 2500;

const spec = {
  name: 'fmt',
  installPath: '/usr/bin/fmt',
  pkg: 'coreutils',
  usage: 'fmt [-WIDTH] [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('fmt', ['Ross Paterson']),
  options: [
    { key: 'c', short: 'c', long: 'crown-margin' },
    { key: 'p', short: 'p', long: 'prefix', arg: 'required' as const },
    { key: 's', short: 's', long: 'split-only' },
    { key: 't', short: 't', long: 'tagged-paragraph' },
    { key: 'u', short: 'u', long: 'uniform-spacing' },
    { key: 'w', short: 'w', long: 'width', arg: 'required' as const },
    { key: 'g', short: 'g', long: 'goal', arg: 'required' as const },
    ...DIGIT_OPTIONS,
  ],
};

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx) {
    let argv = ctx.argv.slice(1);
    let widthText: string | undefined;
    // the old -WIDTH form counts only as the very first argument
    if (argv[0] !== undefined && /^-\d/.test(argv[0])) {
      widthText = argv[0].slice(1);
      argv = argv.slice(1);
    }
    const args = await parseOptions(ctx, spec, argv);
    if (typeof args === 'number') return args;
    let goalText: string | undefined;
    let prefixArg: string | undefined;
    for (const { key, value } of args.order) {
      if (/^d\d$/.test(key)) {
        return usageFail(ctx, `invalid option -- ${key[1]}; -WIDTH is recognized only when it is the first\noption; use -w N instead`);
      }
      if (key === 'w') widthText = value;
      else if (key === 'g') goalText = value;
      else if (key === 'p') prefixArg = binArg(value!);
    }
    let width = 75;
    if (widthText !== undefined) {
      const r = xdectoint(widthText, 0n, BigInt(MAX_WIDTH), '', 'invalid width');
      if (r.error !== undefined) {
        await ctx.error(r.error);
        return 1;
      }
      width = Number(r.value);
    }
    let goal: number;
    if (goalText !== undefined) {
      const r = xdectoint(goalText, 0n, BigInt(width), '', 'invalid width');
      if (r.error !== undefined) {
        await ctx.error(r.error);
        return 1;
      }
      goal = Number(r.value);
      if (widthText === undefined) width = goal + 10;
    } else goal = Math.trunc((width * (2 * (100 - 7) + 1)) / 200);
    const opts: FmtOptions = {
      width,
      goal,
      crown: flag(args, 'c'),
      tagged: flag(args, 't'),
      split: flag(args, 's'),
      uniform: flag(args, 'u'),
      prefix: '',
      prefixLead: 0,
      prefixFull: 0,
    };
    if (prefixArg !== undefined) {
      const lead = /^ */.exec(prefixArg)![0].length;
      const rest = prefixArg.slice(lead);
      opts.prefixLead = lead;
      opts.prefixFull = rest.length;
      opts.prefix = rest.replace(/ +$/, '');
    }
    const out = new Output(ctx);
    let ok = true;
    const files = args.operands.length ? args.operands : ['-'];
    for (const file of files) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`cannot open ${qaf(file)} for reading: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      let text: string;
      try {
        text = await readAllBin(ctx, fd);
      } catch {
        // a failed read (a directory, say): fmt reports it without the reason
        await out.flush();
        await ctx.error('read error');
        ok = false;
        continue;
      } finally {
        closeInput(ctx, fd);
      }
      out.push(new Filler(opts, text).run());
      await out.drain();
    }
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, files.includes('-'), 'closing standard input')) ? 1 : status;
  },
});
