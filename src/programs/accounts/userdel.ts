// userdel (shadow 4.13): removes the user from passwd, shadow, and the member lists of
// group and gshadow (with USERGROUPS_ENAB no the user's primary group stays); -r removes
// the home directory and reports the mail spool, which Photon never creates.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { fail, has, lockAndRead, parseArgs } from './common';
import { commitAll, Locks, readAll } from './db';
import { LoginDefs } from './defs';
import { removeTree } from './home';
import { prefixed, rootAndPrefix } from './root';

const USAGE = `Usage: userdel [options] LOGIN

Options:
  -f, --force                   force some actions that would fail otherwise
                                e.g. removal of user still logged in
                                or files, even if not owned by the user
  -h, --help                    show this help and exit
  -r, --remove                  remove the home directory and mail spool
  -R, --root CHROOT_DIR         chroot into this directory first
  -P, --prefix PREFIX_DIR       directory holding the etc files to change

`;

const OPTIONS = [
  { key: 'f', short: 'f', long: 'force' },
  { key: 'h', short: 'h', long: 'help' },
  { key: 'r', short: 'r', long: 'remove' },
  { key: 'R', short: 'R', long: 'root', arg: 'required' as const },
  { key: 'P', short: 'P', long: 'prefix', arg: 'required' as const },
];

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

export default defineProgram({
  name: 'userdel',
  installPath: '/usr/sbin/userdel',
  pkg: 'shadow',
  async main(ctx) {
    const prefix = await rootAndPrefix(ctx);
    if (typeof prefix === 'number') return prefix;
    const a = await parseArgs(ctx, OPTIONS, () => USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, 0);
    if (a.operands.length !== 1) return usage(ctx, 2);
    const sys = ctx.sys;
    const name = a.operands[0]!;
    const pw = (await readAll(sys, prefix)).passwd.get(name);
    if (!pw) {
      await fail(ctx, `user '${name}' does not exist`);
      return 6;
    }
    if (!has(a, 'f') && !prefix && !has(a, 'R')) {
      const busy = sys.processes().find((p) => p.uid === pw.uid && p.state !== 'Z');
      if (busy) {
        await fail(ctx, `user ${name} is currently used by process ${busy.pid}`);
        return 8;
      }
    }
    const locks = new Locks(ctx, prefix);
    try {
      if (!(await lockAndRead(ctx, locks, ['/etc/passwd', '/etc/shadow']))) return 1;
      const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
      if (!dbs) return 10;
      dbs.passwd.remove(name);
      dbs.shadow.remove(name);
      for (const g of dbs.group.entries()) if (g.members.includes(name)) dbs.group.put({ ...g, members: g.members.filter((m) => m !== name) });
      for (const g of dbs.gshadow.entries()) {
        if (g.members.includes(name) || g.admins.includes(name)) dbs.gshadow.put({ ...g, members: g.members.filter((m) => m !== name), admins: g.admins.filter((m) => m !== name) });
      }
      const defs = await LoginDefs.load(sys, prefix);
      if (defs.bool('USERGROUPS_ENAB')) {
        const grp = dbs.group.get(name);
        if (grp && grp.gid === pw.gid && grp.members.length === 0 && !dbs.passwd.entries().some((u) => u.gid === grp.gid)) {
          dbs.group.remove(name);
          dbs.gshadow.remove(name);
        }
      }
      await commitAll(sys, dbs);
    } finally {
      await locks.release();
    }
    if (!has(a, 'r')) return 0;
    let status = 0;
    const defs = await LoginDefs.load(sys, prefix);
    const maildir = defs.str('MAIL_DIR', '/var/mail');
    // shadow sizes the name for one separator, so with a prefix the last character is lost
    const mail = prefix ? `${prefix}/${maildir}/${name}`.slice(0, prefix.length + maildir.length + name.length + 1) : `${maildir}/${name}`;
    const home = prefixed(prefix, pw.home);
    try {
      await sys.lstat(mail);
      await sys.unlink(mail);
    } catch {
      await fail(ctx, `${name} mail spool (${mail}) not found`);
    }
    let st;
    try {
      st = await sys.stat(home);
    } catch {
      st = undefined;
    }
    if (!st) {
      await fail(ctx, `${name} home directory (${home}) not found`);
    } else if (st.uid !== pw.uid && !has(a, 'f')) {
      await fail(ctx, `${home} not owned by ${name}, not removing`);
      status = 12;
    } else if (!(await removeTree(ctx, home))) {
      await fail(ctx, `error removing directory ${home}`);
      status = 12;
    }
    return status;
  },
});
