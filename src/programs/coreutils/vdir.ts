// vdir: ls with its own defaults (long format, like ls -l -b), its own name in --help and --version.
import { coreutilsHelpFooter } from '../lib/gnu';
import { LS_HELP } from './ls/help';
import { lsProgram } from './ls/index';

export default lsProgram('vdir', LS_HELP.slice(0, LS_HELP.lastIndexOf(coreutilsHelpFooter('ls'))) + coreutilsHelpFooter('vdir'));
