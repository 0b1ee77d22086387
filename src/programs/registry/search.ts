// grep and sed
import type { Program } from '../define';
import grep from '../grep/index';
import { egrep, fgrep } from '../grep/egrep';
import sed from '../sed/index';

export const searchPrograms: Program[] = [grep, egrep, fgrep, sed];
