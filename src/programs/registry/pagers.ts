// pagers and manuals: less, more, man; each loads when first run.
import type { ProgramEntry } from '../entry';

export const pagerPrograms: ProgramEntry[] = [];
