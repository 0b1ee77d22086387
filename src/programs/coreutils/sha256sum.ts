import { digestProgram, SHA256 } from '../lib/digest-main';

export default digestProgram(SHA256);
