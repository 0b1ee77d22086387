// POSIX access control lists (the system.posix_acl_access and _default attributes) as Linux
// keeps them: an inode's access ACL beyond its mode bits (named users and groups, the owning
// group's own entry; the mask is the mode's group bits, so chmod changes it), a directory's
// default ACL, which new entries inherit in place of the umask, and the permission check that
// goes through the entries (posix_acl_permission). Reading and setting ACLs (getxattr,
// setxattr) is in acl-xattr.ts, loaded when a program first asks.
import type { Inode } from './inode';

/** An access ACL beyond the mode: the owning group's entry and the named entries ([id, rwx]). */
export interface AccessAcl {
  groupObj: number;
  users: [number, number][];
  groups: [number, number][];
}

/** A directory's default ACL, every entry (mask -1: none). */
export interface DefaultAcl {
  userObj: number;
  groupObj: number;
  other: number;
  mask: number;
  users: [number, number][];
  groups: [number, number][];
}

/** Filesystems that keep ACLs. */
export const ACL_FILESYSTEMS = new Set(['ext4', 'tmpfs', 'devtmpfs']);

function ids(cred: { egid: number; groups: number[] }, gid: number): boolean {
  return cred.egid === gid || cred.groups.includes(gid);
}

/**
 * The rights the entries give a caller who is not the owner, or undefined for the mode's own
 * rule (no ACL). A named user gets its entry under the mask; otherwise, among the group entries
 * that match (the owning group's, named groups'), any granting `want` under the mask allows,
 * and matching without granting denies; else "other".
 */
export function aclBits(node: Inode, cred: { euid: number; egid: number; groups: number[] }, want: number): number | undefined {
  const acl = node.acl;
  if (!acl) return undefined;
  const mask = (node.perm >> 3) & 7;
  for (const [uid, perm] of acl.users) if (uid === cred.euid) return perm & mask;
  let matched = false;
  if (ids(cred, node.gid)) {
    matched = true;
    if ((acl.groupObj & mask & want) === want) return want;
  }
  for (const [gid, perm] of acl.groups) {
    if (!ids(cred, gid)) continue;
    matched = true;
    if ((perm & mask & want) === want) return want;
  }
  return matched ? 0 : node.perm & 7;
}

/**
 * posix_acl_create: a new inode in a directory with a default ACL takes that ACL (directories
 * keep it as their own default too) with its base entries cut down to the mode asked for; the
 * umask is not applied. Returns the permission bits to use.
 */
export function inheritAcl(dir: Inode, node: Inode, requested: number): number {
  const d = dir.defaultAcl!;
  const special = requested & 0o7000;
  const user = d.userObj & (requested >> 6);
  const other = d.other & requested;
  const extended = d.users.length > 0 || d.groups.length > 0 || d.mask >= 0;
  let group: number;
  if (extended) {
    const mask = d.mask >= 0 ? d.mask : d.groupObj;
    group = mask & (requested >> 3);
    node.acl = { groupObj: d.groupObj, users: d.users.map(([i, p]) => [i, p]), groups: d.groups.map(([i, p]) => [i, p]) };
  } else group = d.groupObj & (requested >> 3);
  if (node.type === 'dir') node.defaultAcl = { ...d, users: d.users.map(([i, p]) => [i, p]), groups: d.groups.map(([i, p]) => [i, p]) };
  return special | (user << 6) | (group << 3) | other;
}

/** The snapshot's form: [access: [groupObj, users flat, groups flat] | null, default | null]. */
export type AclRecord = [[number, number[], number[]] | null, [number, number, number, number, number[], number[]] | null];

const flat = (list: [number, number][]): number[] => list.flatMap(([a, b]) => [a, b]);
const pairs = (list: number[]): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < list.length; i += 2) out.push([list[i]!, list[i + 1]!]);
  return out;
};

export function aclRecord(node: Inode): AclRecord | undefined {
  if (!node.acl && !node.defaultAcl) return undefined;
  const a = node.acl;
  const d = node.defaultAcl;
  return [a ? [a.groupObj, flat(a.users), flat(a.groups)] : null, d ? [d.userObj, d.groupObj, d.other, d.mask, flat(d.users), flat(d.groups)] : null];
}

export function restoreAcl(node: Inode, r: AclRecord): void {
  const [a, d] = r;
  if (a) node.acl = { groupObj: a[0], users: pairs(a[1]), groups: pairs(a[2]) };
  if (d && node.type === 'dir') node.defaultAcl = { userObj: d[0], groupObj: d[1], other: d[2], mask: d[3], users: pairs(d[4]), groups: pairs(d[5]) };
}

/** Whether a snapshot's ACL record is well formed (every perm 0-7, ids whole numbers). */
export function isAclRecord(v: unknown): v is AclRecord {
  const perm = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 7;
  const list = (x: unknown): boolean => Array.isArray(x) && x.length % 2 === 0 && x.every((y, i) => (i % 2 ? perm(y) : Number.isInteger(y) && (y as number) >= 0));
  if (!Array.isArray(v) || v.length !== 2) return false;
  const [a, d] = v as unknown[];
  const okA = a === null || (Array.isArray(a) && a.length === 3 && perm(a[0]) && list(a[1]) && list(a[2]));
  const okD = d === null || (Array.isArray(d) && d.length === 6 && perm(d[0]) && perm(d[1]) && perm(d[2]) && (d[3] === -1 || perm(d[3])) && list(d[4]) && list(d[5]));
  return okA && okD;
}
