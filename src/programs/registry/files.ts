// File and system utilities (coreutils and friends): ln chmod stat date ...
import type { Program } from '../define';

export const filesPrograms: Program[] = [];
