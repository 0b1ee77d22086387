import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { CODECS } from '../lib/basenc-codecs';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { ql } from '../lib/textio';
import { runBasenc, wrapSize } from './basenc-main';

const HELP = `Encode FILE (or standard input) in the chosen encoding, or decode it, to
standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
      --base64          the base64 alphabet of RFC 4648
      --base64url       base64 safe in file names and URLs (- and _)
      --base32          the base32 alphabet of RFC 4648
      --base32hex       base32 with the "extended hex" alphabet
      --base16          hexadecimal digits, upper case
      --base2msbf       eight 0/1 characters per byte, high bit first
      --base2lsbf       eight 0/1 characters per byte, low bit first
  -d, --decode          decode the data
  -i, --ignore-garbage  when decoding, skip characters outside the alphabet
  -w, --wrap=COLS       break encoded lines after COLS characters (76 by
                          default); 0 means never
      --z85             ZeroMQ's Z85 (input a multiple of 4 bytes to encode,
                          of 5 characters to decode)
${HELP_LINES}

When decoding, newlines may appear anywhere; with --ignore-garbage any other
character outside the alphabet is skipped too.
${coreutilsHelpFooter('basenc')}`;

const ENCODINGS = ['base64', 'base64url', 'base32', 'base32hex', 'base16', 'base2msbf', 'base2lsbf', 'z85'];

export default defineProgram({
  name: 'basenc',
  installPath: '/usr/bin/basenc',
  pkg: 'coreutils',
  usage: 'basenc [OPTION]... [FILE]',
  help: HELP,
  version: coreutilsVersion('basenc', ['Simon Josefsson', 'Assaf Gordon']),
  options: [
    { key: 'd', short: 'd', long: 'decode' },
    { key: 'w', short: 'w', long: 'wrap', arg: 'required' },
    { key: 'i', short: 'i', long: 'ignore-garbage' },
    ...ENCODINGS.map((e) => ({ key: e, long: e })),
  ],
  async main(ctx, args) {
    // the wrap size is checked as getopt meets it, before the encoding and the operands
    const wrap = await wrapSize(ctx, lastValue(args, 'w'));
    if (wrap === undefined) return 1;
    const chosen = args.order.filter((o) => ENCODINGS.includes(o.key)).pop();
    if (!chosen) return usageFail(ctx, 'missing encoding type');
    if (args.operands.length > 1) return usageFail(ctx, `extra operand ${ql(args.operands[1]!)}`);
    return runBasenc(ctx, {
      codec: CODECS[chosen.key]!,
      decode: flag(args, 'd'),
      ignoreGarbage: flag(args, 'i'),
      wrap,
      file: args.operands[0] ?? '-',
    });
  },
});
