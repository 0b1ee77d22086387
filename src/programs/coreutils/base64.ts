import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { CODECS } from '../lib/basenc-codecs';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { ql } from '../lib/textio';
import { runBasenc, wrapSize } from './basenc-main';

const HELP = `Encode FILE (or standard input) in base64, or decode it, to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -d, --decode          decode the data
  -i, --ignore-garbage  when decoding, skip characters outside the alphabet
  -w, --wrap=COLS       break encoded lines after COLS characters (76 by
                          default); 0 means never
${HELP_LINES}

The data is encoded as in RFC 4648 (the base64 alphabet). When decoding,
newlines may appear anywhere; with --ignore-garbage any other character
outside the alphabet is skipped too.
${coreutilsHelpFooter('base64')}`;

export default defineProgram({
  name: 'base64',
  installPath: '/usr/bin/base64',
  pkg: 'coreutils',
  usage: 'base64 [OPTION]... [FILE]',
  help: HELP,
  version: coreutilsVersion('base64', ['Simon Josefsson']),
  options: [
    { key: 'd', short: 'd', long: 'decode' },
    { key: 'w', short: 'w', long: 'wrap', arg: 'required' },
    { key: 'i', short: 'i', long: 'ignore-garbage' },
  ],
  async main(ctx, args) {
    // the wrap size is checked as getopt meets it, before the operands
    const wrap = await wrapSize(ctx, lastValue(args, 'w'));
    if (wrap === undefined) return 1;
    if (args.operands.length > 1) return usageFail(ctx, `extra operand ${ql(args.operands[1]!)}`);
    return runBasenc(ctx, {
      codec: CODECS.base64!,
      decode: flag(args, 'd'),
      ignoreGarbage: flag(args, 'i'),
      wrap,
      file: args.operands[0] ?? '-',
    });
  },
});
