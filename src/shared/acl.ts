// POSIX ACL entries as programs and the kernel exchange them (getfacl/setfacl, ls's "+").

export type AclKind = 'access' | 'default';

export type AclTag = 'user_obj' | 'user' | 'group_obj' | 'group' | 'mask' | 'other';

export interface AclEntry {
  tag: AclTag;
  /** uid or gid of a named entry */
  id?: number;
  /** rwx bits: 4 read, 2 write, 1 execute */
  perm: number;
}
