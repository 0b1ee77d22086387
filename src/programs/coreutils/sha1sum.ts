import { digestProgram, SHA1 } from '../lib/digest-main';

export default digestProgram(SHA1);
