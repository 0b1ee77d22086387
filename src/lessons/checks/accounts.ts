// user and group: accounts as /etc/passwd, /etc/group and /etc/shadow record them.
import { andList, colonFile, groups, passwd } from '../host';
import type { GroupCheck, UserCheck } from '../types';
import { failed, joinReasons, pass, type EvalContext, type Outcome } from './outcome';

/** The groups a user belongs to: the primary one first, then the supplementary ones. */
export function memberships(ctx: EvalContext, name: string): string[] {
  const user = passwd(ctx.host).find((p) => p.name === name);
  const all = groups(ctx.host);
  const out: string[] = [];
  const primary = user ? all.find((g) => g.gid === user.gid)?.name : undefined;
  if (primary) out.push(primary);
  for (const g of all) if (g.members.includes(name) && !out.includes(g.name)) out.push(g.name);
  return out;
}

export function evaluateUser(ctx: EvalContext, c: UserCheck): Outcome {
  const user = passwd(ctx.host).find((p) => p.name === c.name);
  if (c.exists === false) {
    return user ? failed(`the user ${c.name} still exists (uid ${user.uid}); the lesson wants it removed`) : pass(`there is no user ${c.name}`);
  }
  if (!user) return failed(`there is no user ${c.name} (no line for it in /etc/passwd)`);
  const reasons: string[] = [];
  const member = memberships(ctx, c.name);
  const known = new Set(groups(ctx.host).map((g) => g.name));
  const missing = (c.groups ?? []).filter((g) => !member.includes(g));
  if (missing.length) {
    const absent = missing.filter((g) => !known.has(g));
    reasons.push(`${c.name} belongs to ${andList(member) || 'no group'}, not to ${andList(missing)}${absent.length ? ` (there is no group ${andList(absent)} yet)` : ''}`);
  }
  const extra = (c.notGroups ?? []).filter((g) => member.includes(g));
  if (extra.length) reasons.push(`${c.name} still belongs to ${andList(extra)}`);
  if (c.shell !== undefined && user.shell !== c.shell) reasons.push(`${c.name}'s login shell is ${user.shell || '(none)'}; the lesson wants ${c.shell}`);
  if (c.home !== undefined && user.home !== c.home) reasons.push(`${c.name}'s home directory is ${user.home}; the lesson wants ${c.home}`);
  if (c.homeExists !== undefined) {
    const st = ctx.host.stat(user.home, true);
    const has = st?.type === 'dir' && st.uid === user.uid;
    if (c.homeExists && !has) reasons.push(st ? `${user.home} does not belong to ${c.name}` : `${c.name}'s home directory ${user.home} does not exist (useradd makes it only with -m)`);
    if (!c.homeExists && st) reasons.push(`${user.home} still exists`);
  }
  if (c.hasPassword !== undefined) {
    const entry = colonFile(ctx.host, '/etc/shadow').find((f) => f[0] === c.name);
    const hash = entry?.[1] ?? '';
    const usable = hash !== '' && !hash.startsWith('!') && !hash.startsWith('*');
    if (c.hasPassword && !usable) reasons.push(`${c.name} has no usable password yet (${hash === '' ? 'the password field is empty' : `/etc/shadow has ${hash.startsWith('!') ? '"!": locked' : '"*": no password'}`})`);
    if (!c.hasPassword && usable) reasons.push(`${c.name} has a password`);
  }
  if (reasons.length) return failed(joinReasons(reasons));
  return pass(`the user ${c.name} exists${member.length ? ` and belongs to ${andList(member)}` : ''}`);
}

export function evaluateGroup(ctx: EvalContext, c: GroupCheck): Outcome {
  const g = groups(ctx.host).find((x) => x.name === c.name);
  if (c.exists === false) return g ? failed(`the group ${c.name} still exists (gid ${g.gid}); the lesson wants it removed`) : pass(`there is no group ${c.name}`);
  if (!g) return failed(`there is no group ${c.name} (no line for it in /etc/group)`);
  if (c.gid !== undefined && g.gid !== c.gid) return failed(`the group ${c.name} has gid ${g.gid}; the lesson wants ${c.gid}`);
  return pass(`the group ${c.name} exists (gid ${g.gid})`);
}
