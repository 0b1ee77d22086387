// awk (gawk)
import type { Program } from '../define';

export const awkPrograms: Program[] = [];
