// getopts optstring name [arg ...] (bash manual): walks OPTIND through the arguments,
// keeping its place inside a cluster like -abc between calls.
import type { Builtin } from './types';
import { NAME_RE } from './types';

/** Where getopts is inside the current argument (bash's hidden sh_optind/sh_charind). */
const position = new WeakMap<object, { optind: number; char: number }>();

export const getopts: Builtin = async (sh, argv) => {
  const optstring = argv[1];
  const name = argv[2];
  if (optstring === undefined || name === undefined) {
    await sh.write(2, 'getopts: usage: getopts optstring name [arg ...]\n');
    return 2;
  }
  if (!NAME_RE.test(name)) {
    await sh.error(`getopts: \`${name}': not a valid identifier`);
    return 1;
  }
  const args = argv.length > 3 ? argv.slice(3) : sh.state.positional;
  const silent = optstring.startsWith(':');
  const spec = silent ? optstring.slice(1) : optstring;
  let optind = Number(sh.state.get('OPTIND') ?? '1');
  if (!Number.isInteger(optind) || optind < 1) optind = 1;
  const key = sh.state;
  let pos = position.get(key);
  if (!pos || pos.optind !== optind) pos = { optind, char: 1 };
  const finish = (): number => {
    sh.state.set(name, '?');
    sh.state.set('OPTIND', String(optind));
    position.delete(key);
    return 1;
  };
  const arg = args[optind - 1];
  if (arg === undefined) return finish();
  if (pos.char === 1) {
    if (arg === '--') {
      optind++;
      return finish();
    }
    if (!arg.startsWith('-') || arg === '-') return finish();
  }
  const c = arg[pos.char]!;
  const advance = (): void => {
    pos!.char++;
    if (pos!.char >= arg.length) {
      optind++;
      pos!.char = 1;
    }
  };
  const idx = spec.indexOf(c);
  if (idx < 0 || c === ':') {
    advance();
    if (silent) {
      sh.state.set('OPTARG', c);
    } else {
      if (sh.state.get('OPTERR') !== '0') await sh.write(2, `${sh.state.arg0}: illegal option -- ${c}\n`);
      sh.state.unset('OPTARG');
    }
    sh.state.set(name, '?');
  } else if (spec[idx + 1] === ':') {
    const rest = arg.slice(pos.char + 1);
    if (rest !== '') {
      sh.state.set('OPTARG', rest);
      optind++;
      pos.char = 1;
      sh.state.set(name, c);
    } else if (args[optind] !== undefined) {
      sh.state.set('OPTARG', args[optind]!);
      optind += 2;
      pos.char = 1;
      sh.state.set(name, c);
    } else {
      optind++;
      pos.char = 1;
      if (silent) {
        sh.state.set(name, ':');
        sh.state.set('OPTARG', c);
      } else {
        if (sh.state.get('OPTERR') !== '0') await sh.write(2, `${sh.state.arg0}: option requires an argument -- ${c}\n`);
        sh.state.set(name, '?');
        sh.state.unset('OPTARG');
      }
    }
  } else {
    advance();
    sh.state.set(name, c);
    sh.state.unset('OPTARG');
  }
  sh.state.set('OPTIND', String(optind));
  pos.optind = optind;
  position.set(key, pos);
  return 0;
};
