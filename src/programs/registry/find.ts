// find, xargs, diff, cmp, file, which, and other findutils/diffutils tools
import type { Program } from '../define';

export const findPrograms: Program[] = [];
