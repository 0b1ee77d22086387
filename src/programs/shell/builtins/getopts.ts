// getopts optstring name [arg ...] (bash manual): walks OPTIND through the arguments,
// keeping its place inside a cluster like -abc between calls.
import { integerValue } from '../expand';
import type { Builtin } from './types';
import { leadingOptions, NAME_RE } from './types';

/** Where getopts is inside the current argument (bash's hidden sh_optind/sh_charind). */
const position = new WeakMap<object, { optind: number; char: number }>();

export const getopts: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'getopts', argv.slice(1), '', 'getopts optstring name [arg ...]');
  if (typeof opts === 'number') return opts;
  argv = [argv[0]!, ...opts.rest];
  const optstring = argv[1];
  const name = argv[2];
  if (optstring === undefined || name === undefined) {
    await sh.write(2, 'getopts: usage: getopts optstring name [arg ...]\n');
    return 2;
  }
  // a bad name is found out only when getopts assigns it, after OPTIND has moved on
  const validName = NAME_RE.test(name);
  // a readonly name: reported once getopts is done (status 2 after an option, 1 at the end)
  let readonlyName = false;
  const setName = async (value: string): Promise<void> => {
    if (!validName) return;
    if (sh.state.lookup(name)?.readonly) readonlyName = true;
    else sh.state.set(name, await integerValue(sh, name, value, 'getopts'));
  };
  const args = argv.length > 3 ? argv.slice(3) : sh.state.positional;
  const silent = optstring.startsWith(':');
  const spec = silent ? optstring.slice(1) : optstring;
  let optind = Number(sh.state.get('OPTIND') ?? '1');
  if (!Number.isInteger(optind) || optind < 1) optind = 1;
  const key = sh.state;
  let pos = position.get(key);
  if (!pos || pos.optind !== optind) pos = { optind, char: 1 };
  const finish = async (): Promise<number> => {
    // at the end OPTARG is unset, and an OPTIND past the arguments points just after them
    sh.state.unset('OPTARG');
    if (optind > args.length + 1) optind = args.length + 1;
    await setName('?');
    sh.state.set('OPTIND', String(optind));
    position.delete(key);
    if (!validName) await sh.error(`getopts: \`${name}': not a valid identifier`);
    if (readonlyName) await sh.error(`${name}: readonly variable`);
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
    await setName('?');
  } else if (spec[idx + 1] === ':') {
    const rest = arg.slice(pos.char + 1);
    if (rest !== '') {
      sh.state.set('OPTARG', rest);
      optind++;
      pos.char = 1;
      await setName(c);
    } else if (args[optind] !== undefined) {
      sh.state.set('OPTARG', args[optind]!);
      optind += 2;
      pos.char = 1;
      await setName(c);
    } else {
      optind++;
      pos.char = 1;
      if (silent) {
        await setName(':');
        sh.state.set('OPTARG', c);
      } else {
        if (sh.state.get('OPTERR') !== '0') await sh.write(2, `${sh.state.arg0}: option requires an argument -- ${c}\n`);
        await setName('?');
        sh.state.unset('OPTARG');
      }
    }
  } else {
    advance();
    await setName(c);
    sh.state.unset('OPTARG');
  }
  sh.state.set('OPTIND', String(optind));
  pos.optind = optind;
  position.set(key, pos);
  if (!validName) {
    await sh.error(`getopts: \`${name}': not a valid identifier`);
    return 1;
  }
  if (readonlyName) {
    await sh.error(`${name}: readonly variable`);
    return 2;
  }
  return 0;
};
