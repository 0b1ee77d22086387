import { digestPage } from './digest-page';

export default digestPage({
  name: 'sha512sum',
  tag: 'SHA512',
  kind: String.raw`512\-bit, FIPS 180\-4`,
  seeAlso: ['md5sum', 'sha256sum'],
});
