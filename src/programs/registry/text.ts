// Text tools (coreutils filters): head tail wc sort uniq cut tr tee paste ...
import type { Program } from '../define';

export const textPrograms: Program[] = [];
