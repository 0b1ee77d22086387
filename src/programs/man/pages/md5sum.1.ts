import { digestPage } from './digest-page';

export default digestPage({
  name: 'md5sum',
  tag: 'MD5',
  kind: String.raw`128\-bit, RFC 1321`,
  about: String.raw`MD5 is no longer safe against deliberate tampering; use
.BR sha256sum (1)
to check downloads. It is still fine for detecting accidental changes.`,
  seeAlso: ['sha256sum'],
});
