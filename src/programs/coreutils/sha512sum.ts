import { digestProgram, SHA512 } from '../lib/digest-main';

export default digestProgram(SHA512);
