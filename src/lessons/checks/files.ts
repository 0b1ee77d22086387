// file: a path exists (or not), its type, content, mode, owner and group, a symlink's target.
import { groupName, groups, list, octal, passwd, userName, type FileInfo } from '../host';
import type { FileCheck } from '../types';
import { failed, joinReasons, pass, type EvalContext, type Outcome } from './outcome';

const TYPE_WORDS: Record<FileInfo['type'], string> = { file: 'a regular file', dir: 'a directory', symlink: 'a symbolic link', other: 'a special file' };
const WANTED_TYPE: Record<NonNullable<FileCheck['type']>, FileInfo['type']> = { file: 'file', directory: 'dir', symlink: 'symlink' };

/** A user or group named in a check: a name from /etc/passwd (/etc/group) or a number. */
function resolveId(ctx: EvalContext, spec: string, kind: 'user' | 'group'): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec);
  if (kind === 'user') return passwd(ctx.host).find((e) => e.name === spec)?.uid;
  return groups(ctx.host).find((e) => e.name === spec)?.gid;
}

function quoteText(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

function describeMissing(ctx: EvalContext, path: string): string {
  // say how far the path does exist: "/etc/nginx/conf.d does not exist either"
  const parts = path.split('/').filter(Boolean);
  for (let n = parts.length - 1; n >= 1; n--) {
    const dir = `/${parts.slice(0, n).join('/')}`;
    if (!ctx.host.stat(dir, true)) continue;
    return n === parts.length - 1 ? `${path} does not exist` : `${path} does not exist (nor does /${parts.slice(0, n + 1).join('/')})`;
  }
  return `${path} does not exist`;
}

export function evaluateFile(ctx: EvalContext, c: FileCheck): Outcome {
  const host = ctx.host;
  const lstat = c.type === 'symlink' || c.target !== undefined;
  const st = host.stat(c.path, !lstat);
  if (c.exists === false) {
    if (!st) return pass(`${c.path} does not exist`);
    return failed(`${c.path} still exists (${TYPE_WORDS[st.type]}); the lesson wants it gone`);
  }
  if (!st) return failed(describeMissing(ctx, c.path));
  const reasons: string[] = [];
  if (c.type && st.type !== WANTED_TYPE[c.type]) reasons.push(`${c.path} is ${TYPE_WORDS[st.type]}, not ${TYPE_WORDS[WANTED_TYPE[c.type]]}`);
  if (c.target !== undefined) {
    if (st.type !== 'symlink') reasons.push(`${c.path} is ${TYPE_WORDS[st.type]}, not a link to ${c.target}`);
    else if (st.target !== c.target) reasons.push(`${c.path} points to ${st.target}; the lesson wants ${c.target}`);
  }
  if (c.mode !== undefined) {
    const want = parseInt(c.mode, 8);
    if ((st.perm & 0o7777) !== want) reasons.push(`${c.path} has mode ${octal(st.perm)}; the lesson wants ${octal(want)}`);
  }
  if (c.owner !== undefined || c.group !== undefined) {
    const wantUid = c.owner === undefined ? st.uid : resolveId(ctx, c.owner, 'user');
    const wantGid = c.group === undefined ? st.gid : resolveId(ctx, c.group, 'group');
    if (wantUid === undefined) reasons.push(`there is no user ${c.owner}`);
    if (wantGid === undefined) reasons.push(`there is no group ${c.group}`);
    if ((wantUid !== undefined && wantUid !== st.uid) || (wantGid !== undefined && wantGid !== st.gid)) {
      const have = `${userName(host, st.uid)}:${groupName(host, st.gid)}`;
      const want = `${c.owner ?? userName(host, st.uid)}:${c.group ?? groupName(host, st.gid)}`;
      reasons.push(`${c.path} belongs to ${have}; the lesson wants ${want}`);
    }
  }
  const needsText = c.contains !== undefined || c.lacks !== undefined || c.matches !== undefined;
  if (needsText) {
    const text = st.type === 'file' ? host.readFile(c.path) : undefined;
    if (text === undefined) reasons.push(`${c.path} is ${TYPE_WORDS[st.type]}, so it has no text to check`);
    else {
      const missing = list(c.contains).filter((s) => !text.includes(s));
      if (missing.length) reasons.push(`${c.path} does not contain ${missing.map(quoteText).join(' or ')}`);
      const present = list(c.lacks).filter((s) => text.includes(s));
      if (present.length) reasons.push(`${c.path} still contains ${present.map(quoteText).join(' and ')}`);
      if (c.matches !== undefined && !new RegExp(c.matches, 'm').test(text)) {
        reasons.push(text.trim() === '' ? `${c.path} is empty` : `nothing in ${c.path} matches /${c.matches}/`);
      }
    }
  }
  if (reasons.length) return failed(joinReasons(reasons));
  const details: string[] = [];
  if (c.mode !== undefined) details.push(`mode ${octal(st.perm)}`);
  if (c.owner !== undefined || c.group !== undefined) details.push(`${userName(host, st.uid)}:${groupName(host, st.gid)}`);
  return pass(`${c.path} exists${details.length ? ` (${details.join(', ')})` : ''}${needsText ? ' with the wanted content' : ''}`);
}
