import { digestProgram, SHA384 } from '../lib/digest-main';

export default digestProgram(SHA384);
