// gosu 1.17 (github.com/tianon/gosu): runs a command as another user, the way the redis image's
// entry point drops root. `gosu USER[:GROUP] COMMAND [ARG]...`: look the user up in the
// container's /etc/passwd and /etc/group, set the groups, gid and uid, set HOME, then exec (no
// fork, so the command keeps the pid and signals reach it directly).
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import type { Ctx } from '../lib/context';
import { resolveCommand } from '../lib/execvp';
import { CONTAINER_PKG } from './pkg';

const VERSION = '1.17 (go1.18.2 on linux/amd64; gc)';

function usage(self: string): string {
  return `Usage: ${self} user-spec command [args]
   eg: ${self} redis redis-server --port 6380
       ${self} www-data:www-data sh -c 'id'
       ${self} 999:999 id

${self} version: ${VERSION}
${self} license: Apache-2.0 (full text at https://github.com/tianon/gosu)

`;
}

interface Target {
  uid: number;
  gid: number;
  groups: number[];
  home: string;
}

/** What runc's user lookup finds for a user-spec, or its error text. */
function lookup(acc: Accounts, spec: string): Target | string {
  const [userPart = '', groupPart] = spec.split(':', 2);
  const byName = acc.userByName(userPart);
  const numeric = /^\d+$/.test(userPart) ? Number(userPart) : undefined;
  const user = byName ?? (numeric !== undefined ? acc.userById(numeric) : undefined);
  if (!user && numeric === undefined) return `unable to find user ${userPart}: no matching entries in passwd file`;
  const uid = user?.uid ?? numeric!;
  let gid = user?.gid ?? 0;
  let groups = user ? acc.groupList(user.name, user.gid) : [gid];
  if (groupPart !== undefined && groupPart !== '') {
    const g = acc.groupByName(groupPart) ?? (/^\d+$/.test(groupPart) ? { gid: Number(groupPart) } : undefined);
    if (!g) return `unable to find group ${groupPart}: no matching entries in group file`;
    gid = g.gid;
    groups = [gid];
  }
  return { uid, gid, groups, home: user?.home ?? '/' };
}

async function fail(ctx: Ctx, message: string): Promise<number> {
  await ctx.err.write(`error: ${message}\n`);
  return 1;
}

export default defineProgram({
  name: 'gosu',
  installPath: '/usr/local/bin/gosu',
  pkg: CONTAINER_PKG,
  async main(ctx, { operands }) {
    const self = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    if (operands.length === 1 && (operands[0] === '--version' || operands[0] === '-v')) {
      await ctx.print(`${VERSION}\n`);
      return 0;
    }
    if (operands.length === 1 && (operands[0] === '--help' || operands[0] === '-h')) {
      await ctx.print(usage(self));
      return 0;
    }
    if (operands.length < 2) {
      await ctx.err.write(usage(self));
      return 1;
    }
    const [spec, ...command] = operands as [string, ...string[]];
    const target = lookup(await Accounts.load(ctx.sys), spec);
    if (typeof target === 'string') return fail(ctx, `failed switching to "${spec}": ${target}`);
    try {
      ctx.sys.setgroups(target.groups);
      ctx.sys.setgid(target.gid, target.gid);
      ctx.sys.setuid(target.uid, target.uid);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail(ctx, `failed switching to "${spec}": operation not permitted`);
    }
    const env = new Map(ctx.env);
    env.set('HOME', target.home);
    const path = await resolveCommand(ctx, command[0]!, env);
    if (typeof path !== 'string') return fail(ctx, `exec: "${command[0]}": executable file not found in $PATH`);
    await ctx.flush();
    try {
      return await ctx.sys.exec(path, command, env);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail(ctx, `exec ${command[0]} failed: ${e.errno === 'EACCES' ? 'permission denied' : 'exec format error'}`);
    }
  },
});
