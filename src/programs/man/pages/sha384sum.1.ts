import { digestPage } from './digest-page';

export default digestPage({
  name: 'sha384sum',
  tag: 'SHA384',
  kind: String.raw`384\-bit, FIPS 180\-4`,
  seeAlso: ['md5sum', 'sha256sum'],
});
