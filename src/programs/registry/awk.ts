// awk (gawk)
import type { Program } from '../define';
import gawk from '../awk/index';

export const awkPrograms: Program[] = [gawk];
