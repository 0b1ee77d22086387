import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'groups',
  installPath: '/usr/bin/groups',
  pkg: 'coreutils',
  usage: 'groups [OPTION]... [USERNAME]...',
  help: `Print the groups each USERNAME belongs to, or those of this process when no
USERNAME is given.

${HELP_LINES}
${coreutilsHelpFooter('groups')}`,
  version: coreutilsVersion('groups', ['David MacKenzie', 'James Youngman']),
  options: [],
};

/** group-list.c print_group_list: real gid, effective gid, then the others. */
async function groupList(ctx: Ctx, acc: Accounts, user: string | undefined, rgid: number, egid: number, primary: number): Promise<{ text: string; ok: boolean }> {
  let ok = true;
  const names: string[] = [];
  const name = async (gid: number): Promise<void> => {
    const n = acc.groupName(gid);
    if (n === undefined) {
      await ctx.error(`cannot find name for group ID ${gid}`);
      ok = false;
    }
    names.push(n ?? String(gid));
  };
  await name(rgid);
  if (egid !== rgid) await name(egid);
  const raw = user !== undefined ? acc.groupList(user, primary) : [egid, ...ctx.sys.getgroups()];
  // mgetgroups drops repeats of the first entry or of the previous one
  const list: number[] = [];
  for (const g of raw) if (list.length === 0 || (g !== list[0] && g !== list[list.length - 1])) list.push(g);
  for (const g of list) if (g !== rgid && g !== egid) await name(g);
  return { text: names.join(' '), ok };
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands }) {
    const acc = await Accounts.load(ctx.sys);
    let ok = true;
    if (operands.length === 0) {
      const r = await groupList(ctx, acc, undefined, ctx.sys.getgid(), ctx.sys.getegid(), ctx.sys.getegid());
      await ctx.print(`${r.text}\n`);
      return r.ok ? 0 : 1;
    }
    for (const user of operands) {
      const pw = acc.userByName(user);
      if (!pw) {
        await ctx.error(`${quote(user)}: no such user`);
        ok = false;
        continue;
      }
      const r = await groupList(ctx, acc, user, pw.gid, pw.gid, pw.gid);
      await ctx.print(`${user} : ${r.text}\n`);
      ok &&= r.ok;
    }
    return ok ? 0 : 1;
  },
});
