// The one place where Unix permission checks are made. Everything that opens, lists,
// creates or removes a file asks here with the caller's credentials.
import type { Inode } from './inode';
import { S_ISVTX } from './inode';
import { attrsLocked, isAppendOnly, isImmutable } from './attrs';
import { aclBits } from './acl';

export interface Cred {
  uid: number;
  gid: number;
  euid: number;
  egid: number;
  groups: number[];
  /**
   * The process's root directory (chroot(2), a container's mount namespace): every path it
   * resolves starts there and `..` stops there. Undefined: the machine's real root.
   */
  root?: Inode;
  /** Root's privilege was needed (past the mode bits): PF_SUPERPRIV, kept across exec, not fork. */
  usedPriv?: boolean;
}

export const R_OK = 4;
export const W_OK = 2;
export const X_OK = 1;

export function inGroup(cred: Cred, gid: number): boolean {
  return cred.egid === gid || cred.groups.includes(gid);
}

/** access(2) semantics on effective ids: may `cred` do `want` (R_OK|W_OK|X_OK) on `node`? */
export function mayAccess(cred: Cred, node: Inode, want: number): boolean {
  // nobody writes to an immutable inode, root included (inode_permission)
  if (want & W_OK && isImmutable(node)) return false;
  if (cred.euid === 0) {
    // root may read and write anything; execute needs at least one x bit on a non-directory
    if (want & X_OK && node.type !== 'dir' && (node.perm & 0o111) === 0) return false;
    if (!cred.usedPriv) {
      const bits = node.uid === 0 ? node.perm >> 6 : inGroup(cred, node.gid) ? node.perm >> 3 : node.perm;
      if ((bits & want) !== want) cred.usedPriv = true;
    }
    return true;
  }
  let bits: number;
  const viaAcl = cred.euid === node.uid ? undefined : aclBits(node, cred, want);
  if (cred.euid === node.uid) bits = (node.perm >> 6) & 7;
  else if (viaAcl !== undefined) bits = viaAcl;
  else if (inGroup(cred, node.gid)) bits = (node.perm >> 3) & 7;
  else bits = node.perm & 7;
  return (bits & want) === want;
}

/** May `cred` remove or rename the entry `child` from directory `dir` (sticky-bit rule)? */
export function mayDeleteFrom(cred: Cred, dir: Inode, child: Inode): boolean {
  if (!mayAccess(cred, dir, W_OK | X_OK)) return false;
  if (dir.perm & S_ISVTX && cred.euid !== 0 && cred.euid !== dir.uid && cred.euid !== child.uid) return false;
  return true;
}

/** The errno of a refused mayAccess: EPERM for writing an immutable inode, EACCES otherwise. */
export function deniedErrno(node: Inode, want: number): 'EPERM' | 'EACCES' {
  return want & W_OK && isImmutable(node) ? 'EPERM' : 'EACCES';
}

/**
 * may_delete: why `cred` may not remove or rename `child` out of `dir`, or undefined if it may.
 * The directory's permission first, then an append-only directory, the sticky bit, and a child
 * that is append-only or immutable.
 */
export function deleteErrno(cred: Cred, dir: Inode, child: Inode): 'EPERM' | 'EACCES' | undefined {
  if (!mayAccess(cred, dir, W_OK | X_OK)) return deniedErrno(dir, W_OK);
  if (isAppendOnly(dir)) return 'EPERM';
  if (!mayDeleteFrom(cred, dir, child) || attrsLocked(child)) return 'EPERM';
  return undefined;
}

export function isOwnerOrRoot(cred: Cred, node: Inode): boolean {
  return cred.euid === 0 || cred.euid === node.uid;
}
