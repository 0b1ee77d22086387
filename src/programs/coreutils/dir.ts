// dir: ls with its own defaults (columns, like ls -C -b), its own name in --help and --version.
import { coreutilsHelpFooter } from '../lib/gnu';
import { LS_HELP } from './ls/help';
import { lsProgram } from './ls/index';

export default lsProgram('dir', LS_HELP.slice(0, LS_HELP.lastIndexOf(coreutilsHelpFooter('ls'))) + coreutilsHelpFooter('dir'));
