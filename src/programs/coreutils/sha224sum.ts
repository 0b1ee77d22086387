import { digestProgram, SHA224 } from '../lib/digest-main';

export default digestProgram(SHA224);
