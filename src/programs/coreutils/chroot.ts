// chroot from coreutils 9.1 (chroot.c), installed in /usr/sbin: chroot(2) to NEWROOT, chdir to
// its /, set the ids asked for, then execvp the command ("$SHELL" -i without one). Its own
// failures exit 125; a command that cannot run 126, one not found 127. Users and groups are
// looked up outside the new root first and inside it when that fails, as chroot.c does.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { execvp } from '../lib/execvp';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote, quoteaf } from '../lib/quote';

const EXIT_CANCELED = 125;

const spec = {
  name: 'chroot',
  installPath: '/usr/sbin/chroot',
  pkg: 'coreutils',
  usage: 'chroot [OPTION] NEWROOT [COMMAND [ARG]...]\nchroot OPTION',
  usageStatus: EXIT_CANCELED,
  posixOrder: true,
  options: [
    { key: 'groups', long: 'groups', arg: 'required' as const },
    { key: 'userspec', long: 'userspec', arg: 'required' as const },
    { key: 'skip-chdir', long: 'skip-chdir' },
  ],
  help: `Run COMMAND with its root directory set to NEWROOT.

      --groups=G_LIST        supplementary groups, as g1,g2,..,gN
      --userspec=USER:GROUP  the user and group (ID or name) to run as
      --skip-chdir           keep the working directory instead of going to '/'
${HELP_LINES}

Without a COMMAND, run '"$SHELL" -i' (default: '/bin/sh -i').
${coreutilsHelpFooter('chroot')}`,
  version: coreutilsVersion('chroot', ['Roland McGrath']),
};

interface Ids {
  uid?: number;
  gid?: number;
  groups?: number[];
}

/** USER:GROUP (or USER.GROUP, or USER: for the user's login group) by name or number; a message when invalid. */
function parseUserspec(acc: Accounts, specText: string): Ids | string {
  const sep = specText.includes(':') ? ':' : specText.includes('.') && !/^\d+\.\d+$/.test(specText) ? '.' : undefined;
  const user = sep === undefined ? specText : specText.slice(0, specText.indexOf(sep));
  const group = sep === undefined ? undefined : specText.slice(specText.indexOf(sep) + 1);
  const ids: Ids = {};
  if (user !== '') {
    const u = acc.userByName(user) ?? (/^\d+$/.test(user) ? { uid: Number(user), gid: undefined } : undefined);
    if (!u) return 'invalid user';
    ids.uid = u.uid;
    if (group === '' && u.gid !== undefined) ids.gid = u.gid;
  }
  if (group) {
    const g = acc.groups.find((x) => x.name === group)?.gid ?? (/^\d+$/.test(group) ? Number(group) : undefined);
    if (g === undefined) return 'invalid group';
    ids.gid = g;
  }
  return ids;
}

function parseGroups(acc: Accounts, list: string): number[] | string {
  const out: number[] = [];
  for (const name of list.split(',')) {
    if (name === '') continue;
    const g = acc.groups.find((x) => x.name === name)?.gid ?? (/^\d+$/.test(name) ? Number(name) : undefined);
    if (g === undefined) return `invalid group ${quote(name)}`;
    out.push(g);
  }
  return out;
}

/** Whether NEWROOT is the current root directory (is_root: same inode as /). */
async function isOldRoot(sys: Sys, path: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([sys.stat(path), sys.stat('/')]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

async function lookups(ctx: Ctx, userspec: string | undefined, groups: string | undefined): Promise<Ids | string> {
  const acc = await Accounts.load(ctx.sys);
  const ids: Ids = {};
  if (userspec !== undefined) {
    const r = parseUserspec(acc, userspec);
    if (typeof r === 'string') return r;
    Object.assign(ids, r);
  }
  if (groups !== undefined) {
    const r = parseGroups(acc, groups);
    if (typeof r === 'string') return r;
    ids.groups = r;
  } else if (ids.uid !== undefined && userspec !== undefined) {
    // the user's supplementary groups, as initgroups() would set them
    const name = acc.userById(ids.uid)?.name;
    ids.groups = [...new Set([...(ids.gid !== undefined ? [ids.gid] : []), ...acc.groups.filter((g) => name !== undefined && g.members.includes(name)).map((g) => g.gid)])];
  }
  return ids;
}

export default defineProgram({
  ...spec,
  async main(ctx, { flags, values, operands }) {
    if (operands.length === 0) return usageError(ctx, spec, 'missing operand');
    const newroot = operands[0]!;
    const skipChdir = flags.has('skip-chdir');
    const userspec = values.get('userspec')?.at(-1);
    const groups = values.get('groups')?.at(-1);
    const oldRoot = await isOldRoot(ctx.sys, newroot);
    if (!oldRoot && skipChdir) return usageError(ctx, spec, `option --skip-chdir only permitted if NEWROOT is old '/'`);
    // names are looked up before chroot (the new root may have no /etc/passwd), again after if that failed
    let ids: Ids | string = userspec !== undefined || groups !== undefined ? await lookups(ctx, userspec, groups) : {};
    // chroot(2) is made even when NEWROOT is the current root (a non-root user fails there too),
    // and the working directory moves to / unless --skip-chdir
    try {
      await ctx.sys.chroot(newroot);
    } catch (e) {
      await ctx.perror(e, `cannot change root directory to ${quoteaf(newroot)}`);
      return EXIT_CANCELED;
    }
    if (!skipChdir) {
      try {
        await ctx.sys.chdir('/');
      } catch (e) {
        await ctx.perror(e, 'cannot chdir to root directory');
        return EXIT_CANCELED;
      }
    }
    if (!oldRoot && typeof ids === 'string') ids = await lookups(ctx, userspec, groups);
    if (typeof ids === 'string') {
      await ctx.error(ids);
      return EXIT_CANCELED;
    }
    const steps: [boolean, () => void, string][] = [
      [ids.groups !== undefined, () => ctx.sys.setgroups(ids.groups!), 'failed to set supplemental groups'],
      [ids.gid !== undefined, () => ctx.sys.setgid(ids.gid!), 'failed to set group-ID'],
      [ids.uid !== undefined, () => ctx.sys.setuid(ids.uid!), 'failed to set user-ID'],
    ];
    for (const [wanted, run, message] of steps) {
      if (!wanted) continue;
      try {
        run();
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.perror(e, message);
        return EXIT_CANCELED;
      }
    }
    const argv = operands.length > 1 ? operands.slice(1) : [ctx.env.get('SHELL') ?? '/bin/sh', '-i'];
    return execvp(ctx, argv, ctx.env, (e) => ctx.perror(e, `failed to run command ${quote(argv[0]!)}`));
  },
});
