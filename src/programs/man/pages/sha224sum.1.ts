import { digestPage } from './digest-page';

export default digestPage({
  name: 'sha224sum',
  tag: 'SHA224',
  kind: String.raw`224\-bit, FIPS 180\-4`,
  seeAlso: ['md5sum', 'sha256sum'],
});
