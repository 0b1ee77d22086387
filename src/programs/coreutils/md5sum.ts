import { digestProgram, MD5 } from '../lib/digest-main';

export default digestProgram(MD5);
