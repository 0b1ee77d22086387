// ACLs as text, the way libacl 2.3.1 writes them (getfacl, setfacl --test, error messages) and
// the way setfacl reads its entries (user:name:rwx, g::r, m::rx, o::-, d:u:...), plus the
// operations setfacl applies to an ACL (acl_calc_mask, acl_equiv_mode, acl_check).
import type { AclEntry, AclTag } from '../../shared/acl';
import type { Accounts } from '../lib/accounts';

/** libacl's order of tags in an ACL. */
const TAG_ORDER: Record<AclTag, number> = { user_obj: 1, user: 2, group_obj: 4, group: 8, mask: 16, other: 32 };

export function sortEntries(acl: AclEntry[]): AclEntry[] {
  return [...acl].sort((a, b) => TAG_ORDER[a.tag] - TAG_ORDER[b.tag] || (a.id ?? 0) - (b.id ?? 0));
}

export const permText = (p: number): string => `${p & 4 ? 'r' : '-'}${p & 2 ? 'w' : '-'}${p & 1 ? 'x' : '-'}`;

/** __acl_quote: backslashes and the given characters as \ooo. */
export function aclQuote(s: string, chars: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (chars.includes(ch)) out += `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}

/** __acl_unquote: \ooo and \\ back to characters. */
export function aclUnquote(s: string): string {
  return s.replace(/\\(\\|[0-7]{3})/g, (_m, g: string) => (g === '\\' ? '\\' : String.fromCharCode(parseInt(g, 8))));
}

export interface TextOptions {
  numeric?: boolean;
  /** '#effective:' where the mask takes rights away (some) or on every masked entry (all) */
  effective?: 'none' | 'some' | 'all';
  /** align the comments for a terminal (TEXT_SMART_INDENT) */
  smartIndent?: boolean;
  /** u: g: m: o: (TEXT_ABBREVIATE) */
  abbreviate?: boolean;
  prefix?: string;
}

/** acl_to_any_text: one entry per line (or `separator`). */
export function aclToText(acl: AclEntry[], accounts: Accounts, opts: TextOptions, separator: string): string {
  const mask = acl.find((e) => e.tag === 'mask');
  const effective = opts.effective ?? 'none';
  return acl
    .map((e) => {
      let t = opts.prefix ?? '';
      const word = (full: string): string => (opts.abbreviate ? `${full[0]}:` : `${full}:`);
      let masked = false;
      switch (e.tag) {
        case 'user_obj':
        case 'user':
          t += word('user');
          if (e.tag === 'user') {
            masked = true;
            const name = opts.numeric ? undefined : accounts.userName(e.id!);
            t += name !== undefined ? aclQuote(name, ':, \t\n\r') : String(e.id);
          }
          break;
        case 'group_obj':
        case 'group':
          t += word('group');
          masked = true;
          if (e.tag === 'group') {
            const name = opts.numeric ? undefined : accounts.groupName(e.id!);
            t += name !== undefined ? aclQuote(name, ':, \t\n\r') : String(e.id);
          }
          break;
        case 'mask':
          t += word('mask');
          break;
        case 'other':
          t += word('other');
          break;
      }
      t += `:${permText(e.perm)}`;
      if (masked && mask && effective !== 'none') {
        const eff = e.perm & mask.perm;
        if (eff !== e.perm || effective === 'all') {
          const x = opts.smartIndent ? Math.min(3, Math.floor(t.length / 8)) : 3;
          t += `${'\t'.repeat(4 - x)}#effective:${permText(eff)}`;
        }
      }
      return t;
    })
    .join(separator);
}

/** acl_equiv_mode: 0 when the mode says it all (no mask, no named entries), else 1. */
export function isExtended(acl: AclEntry[]): boolean {
  return acl.some((e) => e.tag === 'mask' || e.tag === 'user' || e.tag === 'group');
}

/** acl_calc_mask: the mask becomes the union of the group class's rights. */
export function calcMask(acl: AclEntry[]): AclEntry[] {
  let perm = 0;
  for (const e of acl) if (e.tag === 'user' || e.tag === 'group_obj' || e.tag === 'group') perm |= e.perm;
  const out = acl.filter((e) => e.tag !== 'mask');
  out.push({ tag: 'mask', perm });
  return sortEntries(out);
}

export const ACL_ERRORS = { multi: 'Multiple entries of same type', duplicate: 'Duplicate entries', missing: 'Missing or wrong entry', entry: 'Invalid entry type' } as const;

/** acl_check on a sorted ACL: undefined, or the error and the entry (0-based) it was found at. */
export function checkAcl(acl: AclEntry[]): { error: string; at: number } | undefined {
  let state = 1;
  let qual = 0;
  let needsMask = false;
  let at = 0;
  for (const e of acl) {
    switch (e.tag) {
      case 'user_obj':
        if (state !== 1) return { error: ACL_ERRORS.multi, at };
        state = 2;
        qual = 0;
        break;
      case 'user':
        if (state !== 2) return { error: ACL_ERRORS.missing, at };
        if (e.id! < qual) return { error: ACL_ERRORS.duplicate, at };
        qual = e.id! + 1;
        needsMask = true;
        break;
      case 'group_obj':
        if (state === 2) {
          qual = 0;
          state = 4;
          break;
        }
        return { error: state >= 4 ? ACL_ERRORS.multi : ACL_ERRORS.missing, at };
      case 'group':
        if (state !== 4) return { error: ACL_ERRORS.missing, at };
        if (e.id! < qual) return { error: ACL_ERRORS.duplicate, at };
        qual = e.id! + 1;
        needsMask = true;
        break;
      case 'mask':
        if (state === 4) {
          state = 16;
          break;
        }
        return { error: state >= 16 ? ACL_ERRORS.multi : ACL_ERRORS.missing, at };
      case 'other':
        if (state === 16 || (state === 4 && !needsMask)) {
          state = 0;
          break;
        }
        return { error: ACL_ERRORS.missing, at };
    }
    at++;
  }
  return state !== 0 ? { error: ACL_ERRORS.missing, at } : undefined;
}

export type CmdKind = 'replace' | 'remove_entry' | 'remove_extended' | 'remove_acl';

/** One step of setfacl's sequence. */
export interface AclCmd {
  cmd: CmdKind;
  type: 'access' | 'default';
  tag: AclTag;
  id?: number;
  /** rwx, and 8 for X (execute if a directory or someone already may) */
  perm: number;
}

export const COND_EXECUTE = 8;

const WS = /[ \t\r\n]/;

/**
 * parse_acl_seq: the comma-separated entries of -m/-x/--set; the commands, or where the parse
 * stopped (at the end of the text: it was incomplete).
 */
export function parseAclSeq(text: string, accounts: Accounts, cmd: CmdKind, mode: { withPerm: boolean; noPerm: boolean; promote: boolean }): AclCmd[] | { at: number } {
  let i = 0;
  const out: AclCmd[] = [];
  const skipWs = (): void => {
    while (i < text.length && WS.test(text[i]!)) i++;
  };
  /** skip_tag_name: the word or its first letter, then ':' (consumed) or ',' / end */
  const skipTag = (token: string): boolean => {
    let j = i;
    while (j < text.length && WS.test(text[j]!)) j++;
    if (text.startsWith(token, j)) j += token.length;
    else if (text[j] === token[0]) j++;
    else return false;
    while (j < text.length && WS.test(text[j]!)) j++;
    if (text[j] === ':') {
      i = j + 1;
      return true;
    }
    if (text[j] === ',' || j >= text.length) {
      i = j;
      return true;
    }
    return false;
  };
  const getToken = (): string | undefined => {
    skipWs();
    let j = i;
    while (j < text.length && !'\r\n:,'.includes(text[j]!)) j++;
    const token = j > i ? text.slice(i, j).replace(/[ \t\n\r]+$/, '') : undefined;
    i = text[j] === ':' ? j + 1 : j;
    return token;
  };
  const idOf = (token: string, byName: (n: string) => number | undefined): number | undefined => {
    if (/^\s*[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(token)) {
      let n = Number.parseInt(token.trim(), /^\s*[-+]?0[xX]/.test(token) ? 16 : /^\s*[-+]?0/.test(token) ? 8 : 10);
      if (n < 0) n &= 0xffff;
      return n;
    }
    return byName(token);
  };
  while (i < text.length) {
    const c: AclCmd = { cmd, type: mode.promote ? 'default' : 'access', tag: 'user_obj', perm: 0 };
    const back = i;
    if (skipTag('default')) {
      if (mode.promote) return { at: back };
      c.type = 'default';
    }
    const entry = (kind: 'user' | 'group'): boolean => {
      const b = i;
      const token = getToken();
      if (token === undefined) {
        c.tag = kind === 'user' ? 'user_obj' : 'group_obj';
        return true;
      }
      const name = aclUnquote(token);
      const id = kind === 'user' ? idOf(name, (n) => accounts.userByName(n)?.uid) : idOf(name, (n) => accounts.groupByName(n)?.gid);
      if (id === undefined) {
        i = b;
        return false;
      }
      c.tag = kind;
      c.id = id;
      return true;
    };
    let ok = true;
    switch (text[i]) {
      case 'g':
        ok = skipTag('group') ? entry('group') : entry('user');
        break;
      case 'o':
      case 'm': {
        const tag = text[i] === 'o' ? 'other' : 'mask';
        if (skipTag(tag)) {
          // (the empty qualifier field may be left out, as Solaris writes it)
          c.tag = tag;
          skipWs();
          if (text[i] === ':') i++;
        } else ok = entry('user');
        break;
      }
      case 'u':
        skipTag('user');
        ok = entry('user');
        break;
      default:
        ok = entry('user');
    }
    if (!ok) return { at: i };
    skipWs();
    if (text[i] === ',' || i >= text.length) {
      if (!mode.noPerm) return { at: i };
    } else if (mode.withPerm) {
      skipWs();
      if (text[i]! >= '0' && text[i]! <= '7') {
        while (text[i] === '0') i++;
        if (text[i]! >= '1' && text[i]! <= '7') c.perm = Number(text[i++]);
      } else {
        let n = 0;
        for (;; n++, i++) {
          const ch = text[i];
          const bit = ch === 'r' ? 4 : ch === 'w' ? 2 : ch === 'x' ? 1 : ch === 'X' ? COND_EXECUTE : ch === '-' ? 0 : -1;
          if (bit < 0) {
            if (n === 0) return { at: i };
            break;
          }
          if (bit && c.perm & bit) return { at: i };
          c.perm |= bit;
        }
      }
    }
    out.push(c);
    skipWs();
    if (text[i] !== ',') break;
    i++;
  }
  if (i < text.length) return { at: i };
  return out;
}
