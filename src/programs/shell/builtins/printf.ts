// printf [-v var] format [arguments]: bash's printf builtin (loaded when it first runs; the
// formatter, lib/printf.ts, is shared with /usr/bin/printf).
import { formatPrintf } from '../../lib/printf';
import { localZone } from '../../lib/tz';
import { utf8Locale } from '../ansi-c';
import { arith, integerValue, setElement } from '../expand';
import type { Builtin } from './types';
import { NAME_RE } from './types';

export const printf: Builtin = async (sh, argv) => {
  // options as bash's getopt reads them: -v NAME or -vNAME (the last one counts), `--` ends them
  let k = 1;
  let varName: string | undefined;
  while (k < argv.length && argv[k]!.startsWith('-') && argv[k] !== '-') {
    const a = argv[k]!;
    if (a === '--') {
      k++;
      break;
    }
    if (a[1] !== 'v') {
      await sh.error(`printf: -${a[1]}: invalid option`);
      await sh.write(2, 'printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    varName = a.length > 2 ? a.slice(2) : argv[++k];
    if (varName === undefined) {
      await sh.error('printf: -v: option requires an argument');
      await sh.write(2, 'printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    k++;
  }
  const args = argv.slice(k);
  if (args.length === 0) {
    await sh.write(2, 'printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  // %(...)T shows local time: $TZ, else the machine's zone
  const tzVar = sh.state.get('TZ');
  const tz = args[0]!.includes(')T') ? await localZone(sh.sys, new Map(tzVar === undefined ? [] : [['TZ', tzVar]])) : undefined;
  const r = formatPrintf(args[0]!, args.slice(1), { now: sh.sys.now(), started: sh.state.startedAt, bytesQuote: !utf8Locale(sh.state), ...(tz ? { tz } : {}) });
  // bash keeps stdout line-buffered: the lines finished before a message reach it first
  // (with -v nothing goes to stdout)
  let written = 0;
  const messages = r.messages ?? r.errors;
  for (let k = 0; k < messages.length; k++) {
    if (varName === undefined && r.messageAt) {
      const upTo = r.out.lastIndexOf('\n', r.messageAt[k]! - 1) + 1;
      if (upTo > written) {
        await sh.write(1, r.out.slice(written, upTo));
        written = upTo;
      }
    }
    await sh.error(`printf: ${messages[k]}`);
  }
  for (const [name, count] of r.assigns ?? []) {
    if (sh.state.lookup(name)?.readonly) await sh.error(`${name}: readonly variable`);
    else sh.state.set(name, await integerValue(sh, name, String(count), 'printf'));
  }
  if (varName !== undefined) {
    if (!NAME_RE.test(varName.replace(/\[.*\]$/, ''))) {
      await sh.error(`printf: \`${varName}': not a valid identifier`);
      return 2;
    }
    const el = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s.exec(varName);
    const base = el ? el[1]! : varName;
    const v = sh.state.lookup(base);
    if (v?.readonly) {
      await sh.error(`${base}: readonly variable`);
      return 1;
    }
    // an integer variable gets the text's arithmetic value
    const value = await integerValue(sh, base, r.out, 'printf');
    if (el && !v?.assoc && (el[2] === '@' || el[2] === '*')) {
      // a[@] names no one element
      await sh.error(`${varName}: bad array subscript`);
      return 1;
    }
    if (el) {
      // printf -v a[i]: an element (the subscript is arithmetic unless a is associative)
      if (!setElement(sh.state, el[1]!, v?.assoc ? el[2]! : String(await arith(sh, el[2]!)), value)) {
        await sh.error(`${varName}: bad array subscript`);
        return 1;
      }
    } else sh.state.set(varName, value);
  } else if (written < r.out.length) await sh.write(1, r.out.slice(written));
  return r.errors.length ? 1 : 0;
};
