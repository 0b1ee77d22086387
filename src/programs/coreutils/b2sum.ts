// b2sum: BLAKE2b checksums (RFC 7693), by the same printing and --check code as md5sum, plus
// -l/--length: a digest of BITS bits ("BLAKE2b-BITS" in --tag lines).
import { digestProgram } from '../lib/digest-main';
import { Blake2b } from './blake2b';

export default digestProgram({
  name: 'b2sum',
  tag: 'BLAKE2b',
  hexLength: 128,
  bits: 512,
  variable: true,
  make: (bytes = 64) => new Blake2b(bytes),
  authors: ['Padraig Brady', 'Samuel Neves'],
  standard: 'The sums follow RFC 7693.',
});
