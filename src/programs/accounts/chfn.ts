// chfn (shadow 4.13): changes the GECOS field of /etc/passwd, kept as "full name,room,work
// phone,home phone[,other]". Fields not given keep their old value; old fields holding '='
// go to "other". Without options it asks for each field on standard input. Users may change
// only the fields login.defs CHFN_RESTRICT allows (Photon: rwh), root any.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { fail, lockAndRead, parseArgs } from './common';
import { changeField } from './chsh';
import { commitAll, Locks, readAll } from './db';
import { LoginDefs } from './defs';
import { processRoot } from './root';

const USAGE = `Usage: chfn [options] [LOGIN]

Options:
  -f, --full-name FULL_NAME     new full name
  -h, --home-phone HOME_PHONE   new home phone number
  -o, --other OTHER_INFO        new other GECOS information
  -r, --room ROOM_NUMBER        new room number
  -R, --root CHROOT_DIR         chroot into this directory first
  -u, --help                    show this help and exit
  -w, --work-phone WORK_PHONE   new work phone number

`;

const R = 'required' as const;
const OPTIONS = [
  { key: 'f', short: 'f', long: 'full-name', arg: R }, { key: 'h', short: 'h', long: 'home-phone', arg: R },
  { key: 'o', short: 'o', long: 'other', arg: R }, { key: 'r', short: 'r', long: 'room', arg: R },
  { key: 'R', short: 'R', long: 'root', arg: R }, { key: 'u', short: 'u', long: 'help' },
  { key: 'w', short: 'w', long: 'work-phone', arg: R },
];

const E_NOPERM = 1;

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

export default defineProgram({
  name: 'chfn',
  installPath: '/usr/bin/chfn',
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, OPTIONS, () => USAGE);
    if (typeof a === 'number') return a;
    const sys = ctx.sys;
    const amroot = sys.getuid() === 0;
    const defs = await LoginDefs.load(sys);
    const restrict = defs.str('CHFN_RESTRICT', '');
    const allowed = restrict === 'yes' ? 'rwh' : restrict === 'no' ? 'frwh' : restrict;
    const may = (f: string): boolean => amroot || allowed.includes(f);
    const given: Record<string, string> = {};
    for (const { key, value } of a.order) {
      if (key === 'u') return usage(ctx, 0);
      if (key === 'R') continue;
      if (key === 'o' ? !amroot : !may(key)) return fail(ctx, 'Permission denied.').then(() => E_NOPERM);
      if (key === 'o' && (value ?? '').length > 80) return fail(ctx, 'fields too long').then(() => E_NOPERM);
      given[key] = value ?? '';
    }
    const peek = await readAll(sys);
    const name = a.operands[0];
    const pw = name !== undefined ? peek.passwd.get(name) : peek.passwd.entries().find((u) => u.uid === sys.getuid());
    if (!pw) {
      await fail(ctx, name !== undefined ? `user '${name}' does not exist` : 'Cannot determine your user name.');
      return E_NOPERM;
    }
    if (!amroot && pw.uid !== sys.getuid()) return fail(ctx, 'Permission denied.').then(() => E_NOPERM);
    // get_old_fields: four fields in order, a field holding '=' belongs to "other"
    const extra: string[] = [];
    const old: string[] = [];
    let rest: string[] | undefined = pw.gecos.split(',');
    for (let i = 0; i < 4 && rest !== undefined; i++) {
      while (rest.length && rest[0]!.includes('=')) extra.push(rest.shift()!);
      if (!rest.length) {
        rest = undefined;
        break;
      }
      old.push(rest.shift()!);
      if (!rest.length && i < 3) rest = undefined;
    }
    const keys = ['f', 'r', 'w', 'h'];
    const field = keys.map((k, i) => given[k] ?? old[i] ?? '');
    let other = given.o ?? [...extra, ...(rest && rest.length ? [rest.join(',')] : [])].join(',');
    if (!keys.some((k) => k in given) && !('o' in given)) {
      await ctx.print(`Changing the user information for ${pw.name}\nEnter the new value, or press ENTER for the default\n`);
      const labels = ['Full Name', 'Room Number', 'Work Phone', 'Home Phone'];
      for (let i = 0; i < 4; i++) {
        // shadow prints the full name for every field the user may not change
        if (may(keys[i]!)) field[i] = await changeField(ctx, labels[i]!, field[i]!);
        else await ctx.print(`\t${labels[i]}: ${field[0]}\n`);
      }
      if (amroot) other = await changeField(ctx, 'Other', other);
    }
    const checks: [number, string][] = [[0, 'invalid name'], [1, 'invalid room number'], [2, 'invalid work phone'], [3, 'invalid home phone']];
    for (const [i, what] of checks) {
      if (/[:,=\n]/.test(field[i]!)) return fail(ctx, `${what}: '${field[i]}'`).then(() => E_NOPERM);
    }
    if (/[:\n]/.test(other)) return fail(ctx, `'${other}' contains illegal characters`).then(() => E_NOPERM);
    if (field.join('').length + other.length > 80) return fail(ctx, 'fields too long').then(() => E_NOPERM);
    const gecos = `${field.join(',')}${other ? `,${other}` : ''}`;
    const locks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/passwd']);
      if (!dbs) return 1;
      const cur = dbs.passwd.get(pw.name);
      if (!cur) return fail(ctx, `user '${pw.name}' does not exist in /etc/passwd`).then(() => 1);
      dbs.passwd.put({ ...cur, gecos });
      await commitAll(sys, { passwd: dbs.passwd });
    } finally {
      await locks.release();
    }
    return 0;
  },
});
