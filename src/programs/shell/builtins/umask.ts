// umask [-p] [-S] [mode]: eager, as every login runs it (/etc/profile); the other lookup builtins
// (builtins/lookup.ts) load when first used.
import type { Builtin } from './types';
import { badOption, parseFlags } from './types';

function symbolic(mask: number): string {
  const part = (shift: number): string => {
    const bits = (~mask >> shift) & 7;
    return `${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}`;
  };
  return `u=${part(6)},g=${part(3)},o=${part(0)}`;
}

export const umask: Builtin = async (sh, argv) => {
  const p = parseFlags(argv.slice(1), 'pS');
  if (p.bad) return badOption(sh, 'umask', p.bad, 'umask [-p] [-S] [mode]');
  const current = sh.sys.umask();
  const arg = p.rest[0];
  if (arg === undefined) {
    const text = p.flags.has('S') ? symbolic(current) : current.toString(8).padStart(4, '0');
    await sh.write(1, p.flags.has('p') ? `umask ${p.flags.has('S') ? '-S ' : ''}${text}\n` : `${text}\n`);
    return 0;
  }
  if (/^\d/.test(arg)) {
    const v = /^[0-7]+$/.test(arg) ? parseInt(arg, 8) : Infinity;
    // bash reads up to 07777 and keeps the permission bits
    if (v > 0o7777) {
      await sh.error(`umask: ${arg}: octal number out of range`);
      return 1;
    }
    sh.sys.umask(v & 0o777);
    if (p.flags.has('S')) await sh.write(1, `${symbolic(v & 0o777)}\n`);
    return 0;
  }
  // symbolic: who=perms,... applied to the permission set (the complement of the mask)
  let perms = ~current & 0o777;
  let i = 0;
  // a clause follows every comma, even a last one
  for (let more = true; more; ) {
    let who = '';
    while ('ugoa'.includes(arg[i] ?? '-') && i < arg.length) who += arg[i++];
    const op = arg[i] ?? '\0';
    if (!'+-='.includes(op) || op === '\0') {
      await sh.error(`umask: \`${op}': invalid symbolic mode operator`);
      return 1;
    }
    i++;
    let bits = 0;
    for (; i < arg.length && arg[i] !== ','; i++) {
      const c = arg[i]!;
      if (c === 'r') bits |= 4;
      else if (c === 'w') bits |= 2;
      else if (c === 'x') bits |= 1;
      else {
        await sh.error(`umask: \`${c}': invalid symbolic mode character`);
        return 1;
      }
    }
    more = arg[i] === ',';
    if (more) i++;
    if (!who) who = 'a';
    for (const [w, shift] of [['u', 6], ['g', 3], ['o', 0]] as const) {
      if (!who.includes(w) && !who.includes('a')) continue;
      if (op === '=') perms = (perms & ~(7 << shift)) | (bits << shift);
      else if (op === '+') perms |= bits << shift;
      else perms &= ~(bits << shift);
    }
  }
  sh.sys.umask(~perms & 0o777);
  if (p.flags.has('S')) await sh.write(1, `${symbolic(~perms & 0o777)}\n`);
  return 0;
};
