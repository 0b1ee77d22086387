// getxattr and setxattr of POSIX ACLs (see acl.ts): an inode's ACLs as entries, in the
// kernel's order, and setting them from entries after posix_acl_valid's checks. Loaded when a
// program first reads or sets an ACL (getfacl, setfacl, ls -l, cp -p): not on the way to the
// first prompt.
import type { AclEntry, AclKind } from '../../shared/acl';
import { SysError } from '../../shared/errno';
import type { DefaultAcl } from './acl';
import type { Inode } from './inode';

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

