// Processes and accounts: ps, kill, sudo, su, useradd ...
import type { Program } from '../define';

export const procsPrograms: Program[] = [];
