// grep and sed
import type { Program } from '../define';

export const searchPrograms: Program[] = [];
