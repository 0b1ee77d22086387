// grep and sed
import type { Program } from '../define';
import grep from '../grep/index';
import { egrep, fgrep } from '../grep/egrep';

export const searchPrograms: Program[] = [grep, egrep, fgrep];
