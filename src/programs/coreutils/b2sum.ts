// b2sum: BLAKE2b checksums (RFC 7693), by the same printing and --check code as md5sum, plus
// -l/--length: a digest of BITS bits ("BLAKE2b-BITS" in --tag lines).
import { digestProgram } from '../lib/digest-main';
import { coreutilsHelpFooter, HELP_LINES } from '../lib/gnu';
import { Blake2b } from './blake2b';

export default digestProgram({
  name: 'b2sum',
  tag: 'BLAKE2b',
  hexLength: 128,
  bits: 512,
  variable: true,
  make: (bytes = 64) => new Blake2b(bytes),
  authors: ['Padraig Brady', 'Samuel Neves'],
  help: `Print or check BLAKE2b (512-bit) checksums.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --binary          read in binary mode (marked with '*')
  -c, --check           read checksums from the FILEs and check them
  -l, --length=BITS     digest length in bits: a multiple of 8, at most 512
                          (0 means 512)
      --tag             print BSD-style checksum lines
  -t, --text            read in text mode (the default)
  -z, --zero            end each output line with NUL, not newline,
                          and leave file names unescaped

With --check:
      --ignore-missing  say nothing about files that are missing
      --quiet           do not print OK for each file that checks out
      --status          print nothing; the exit status tells the result
      --strict          fail when a checksum line is malformed
  -w, --warn            warn about each malformed checksum line

${HELP_LINES}

The sums follow RFC 7693. Checksum lines hold the checksum, a space, '*'
(binary) or ' ' (text), and the file name; when checking, the number of hex
digits gives the length. Text and binary read the same on GNU systems.
${coreutilsHelpFooter('b2sum')}`,
});
