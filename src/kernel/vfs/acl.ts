// POSIX access control lists (the system.posix_acl_access and _default attributes) as Linux
// keeps them: an inode's access ACL beyond its mode bits (named users and groups, the owning
// group's own entry; the mask is the mode's group bits, so chmod changes it), a directory's
// default ACL, which new entries inherit in place of the umask, and the permission check that
// goes through the entries (posix_acl_permission).
import type { AclEntry, AclKind } from '../../shared/acl';
import { SysError } from '../../shared/errno';
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

const sortById = (list: [number, number][]): [number, number][] => [...list].sort((a, b) => a[0] - b[0]);

/** The entries of an ACL as getxattr would give them, in the kernel's order. */
export function aclEntries(node: Inode, kind: AclKind): AclEntry[] {
  if (kind === 'default') {
    const d = node.defaultAcl;
    if (!d) return [];
    return [
      { tag: 'user_obj', perm: d.userObj },
      ...sortById(d.users).map(([id, perm]): AclEntry => ({ tag: 'user', id, perm })),
      { tag: 'group_obj', perm: d.groupObj },
      ...sortById(d.groups).map(([id, perm]): AclEntry => ({ tag: 'group', id, perm })),
      ...(d.mask >= 0 ? [{ tag: 'mask', perm: d.mask } as AclEntry] : []),
      { tag: 'other', perm: d.other },
    ];
  }
  const a = node.acl;
  const owner = (node.perm >> 6) & 7;
  const group = (node.perm >> 3) & 7;
  const other = node.perm & 7;
  if (!a) return [{ tag: 'user_obj', perm: owner }, { tag: 'group_obj', perm: group }, { tag: 'other', perm: other }];
  return [
    { tag: 'user_obj', perm: owner },
    ...sortById(a.users).map(([id, perm]): AclEntry => ({ tag: 'user', id, perm })),
    { tag: 'group_obj', perm: a.groupObj },
    ...sortById(a.groups).map(([id, perm]): AclEntry => ({ tag: 'group', id, perm })),
    { tag: 'mask', perm: group },
    { tag: 'other', perm: other },
  ];
}

/** posix_acl_valid: one of each base entry, a mask when there are named ones, no id twice. */
function parse(entries: readonly AclEntry[]): DefaultAcl {
  const out: DefaultAcl = { userObj: -1, groupObj: -1, other: -1, mask: -1, users: [], groups: [] };
  const bad = (): never => {
    throw new SysError('EINVAL', 'setxattr');
  };
  for (const e of entries) {
    if (!Number.isInteger(e.perm) || e.perm < 0 || e.perm > 7) bad();
    switch (e.tag) {
      case 'user_obj':
        if (out.userObj >= 0) bad();
        out.userObj = e.perm;
        break;
      case 'group_obj':
        if (out.groupObj >= 0) bad();
        out.groupObj = e.perm;
        break;
      case 'other':
        if (out.other >= 0) bad();
        out.other = e.perm;
        break;
      case 'mask':
        if (out.mask >= 0) bad();
        out.mask = e.perm;
        break;
      case 'user':
      case 'group': {
        const list = e.tag === 'user' ? out.users : out.groups;
        if (e.id === undefined || !Number.isInteger(e.id) || e.id < 0 || list.some(([id]) => id === e.id)) bad();
        list.push([e.id!, e.perm]);
        break;
      }
      default:
        bad();
    }
  }
  if (out.userObj < 0 || out.groupObj < 0 || out.other < 0) bad();
  if ((out.users.length || out.groups.length) && out.mask < 0) bad();
  return out;
}

/** setxattr of an ACL (or, with null, removing the default one). */
export function setAcl(node: Inode, kind: AclKind, entries: readonly AclEntry[] | null): void {
  if (kind === 'default') {
    // (a file has no default ACL: setting one is refused, removing one does nothing)
    if (node.type !== 'dir') {
      if (entries === null) return;
      throw new SysError('EACCES', 'setxattr');
    }
    if (entries === null || entries.length === 0) delete node.defaultAcl;
    else node.defaultAcl = parse(entries);
    return;
  }
  if (entries === null) {
    // (removing the access ACL leaves the mode as it is: its group bits were the mask)
    delete node.acl;
    return;
  }
  const a = parse(entries);
  const special = node.perm & 0o7000;
  const extended = a.users.length > 0 || a.groups.length > 0 || a.mask >= 0;
  node.perm = special | (a.userObj << 6) | ((extended ? a.mask : a.groupObj) << 3) | a.other;
  if (extended) node.acl = { groupObj: a.groupObj, users: a.users, groups: a.groups };
  else delete node.acl;
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
