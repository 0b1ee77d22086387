import { digestPage } from './digest-page';

export default digestPage({
  name: 'sha1sum',
  tag: 'SHA1',
  kind: String.raw`160\-bit, FIPS 180\-4`,
  caveat: String.raw`SHA\-1 is no longer considered secure against deliberate collisions; prefer
.BR sha256sum (1)
for new uses.`,
  seeAlso: ['md5sum', 'sha256sum'],
});
