import { digestPage } from './digest-page';

export default digestPage({
  name: 'sha256sum',
  tag: 'SHA256',
  kind: String.raw`256\-bit, FIPS 180\-4`,
  about: String.raw`SHA\-256 is the digest Photon OS publishes for its ISO and OVA images.`,
  seeAlso: ['md5sum'],
});
