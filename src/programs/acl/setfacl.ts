// setfacl (acl 2.3.1): changes files' ACLs. Options and file names are taken in order: the
// operations given so far (-m, -x, -b, -k, --set, -M, -X) are applied to each file named after
// them, and an option after files starts a new list. For each file the ACL is read, the steps
// run, the mask recalculated (unless -n, or a mask was given), the result checked, and written
// only when it changed. --test shows the result instead; --restore reads getfacl's output back.
import type { AclEntry, AclKind } from '../../shared/acl';
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { aclQuote, aclToText, aclUnquote, calcMask, checkAcl, COND_EXECUTE, isExtended, parseAclSeq, sortEntries, type AclCmd, type CmdKind } from './acl-text';
import { walkTree, type TreeFlags } from './walk-tree';

const SPEC = '[-bkndRLP] { -m|-M|-x|-X ... } file ...';
const LONG: Record<string, [string, boolean]> = {
  set: ['s', true], 'set-file': ['S', true], mask: ['r', false], recursive: ['R', false], logical: ['L', false], physical: ['P', false],
  restore: ['B', true], test: ['t', false], modify: ['m', true], 'modify-file': ['M', true], remove: ['x', true], 'remove-file': ['X', true],
  default: ['d', false], 'no-mask': ['n', false], 'remove-all': ['b', false], 'remove-default': ['k', false], version: ['v', false], help: ['h', false],
};

interface State {
  ctx: Ctx;
  accounts: Accounts;
  flags: TreeFlags;
  /** -n: -1, --mask: 1 */
  recalc: number;
  promote: boolean;
  test: boolean;
}

class Synopsis extends Error {}

const HELP =
  `setfacl 2.3.1 -- set file access control lists\nUsage: setfacl ${SPEC}\n` +
  '  -m, --modify=acl        change the entries listed in the ACL of each file\n' +
  '  -M, --modify-file=file  the same, with the entries read from a file\n' +
  '  -x, --remove=acl        take the entries listed out of the ACL\n' +
  '  -X, --remove-file=file  the same, with the entries read from a file\n' +
  '  -b, --remove-all        take out every entry beyond the base ones\n' +
  '  -k, --remove-default    take away the default ACL\n' +
  '      --set=acl           replace the ACL by the one given\n' +
  '      --set-file=file     the same, with the ACL read from a file\n' +
  '      --mask              recalculate the mask even when one was given\n' +
  '  -n, --no-mask           leave the mask as it is\n' +
  '  -d, --default           work on the default ACL\n' +
  '  -R, --recursive         go into subdirectories\n' +
  '  -L, --logical           follow every symbolic link on the way\n' +
  '  -P, --physical          follow no symbolic link\n' +
  '      --restore=file      set the ACLs written by getfacl -R back\n' +
  '      --test              show the resulting ACLs, change nothing\n' +
  '  -v, --version           show the version and exit\n' +
  '  -h, --help              show this help and exit\n';

const same = (a: AclEntry[], b: AclEntry[]): boolean =>
  a.length === b.length && sortEntries(a).every((e, i) => { const f = sortEntries(b)[i]!; return e.tag === f.tag && e.id === f.id && e.perm === f.perm; });

/** do_set: the steps on one file; true when it went well. */
async function doSet(s: State, cmds: AclCmd[], path: string, st: Stat): Promise<boolean> {
  const { ctx, accounts } = s;
  const sys = ctx.sys;
  const isDir = st.kind === 'dir';
  const acls: Record<AclKind, { old: AclEntry[]; cur: AclEntry[]; modified: boolean; maskGiven: boolean } | undefined> = { access: undefined, default: undefined };
  const fail = async (errno: Parameters<typeof strerror>[0]): Promise<boolean> => {
    await ctx.err.write(`setfacl: ${path}: ${strerror(errno)}\n`);
    return false;
  };
  const retrieve = async (kind: AclKind): Promise<NonNullable<(typeof acls)[AclKind]>> => {
    let x = acls[kind];
    if (x) return x;
    let old: AclEntry[] = [];
    if (kind === 'access' || isDir) {
      try {
        old = await sys.getAcl(path, kind);
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EOPNOTSUPP') throw e;
        old = kind === 'default' ? [] : [{ tag: 'user_obj', perm: (st.mode >> 6) & 7 }, { tag: 'group_obj', perm: (st.mode >> 3) & 7 }, { tag: 'other', perm: st.mode & 7 }];
      }
    }
    x = { old, cur: old.map((e) => ({ ...e })), modified: false, maskGiven: false };
    acls[kind] = x;
    return x;
  };
  try {
    for (const c of cmds) {
      const x = await retrieve(c.type);
      x.modified = true;
      if (c.tag === 'mask') x.maskGiven = true;
      let perm = c.perm;
      if (perm & COND_EXECUTE) {
        perm &= ~COND_EXECUTE;
        if (isDir || x.cur.some((e) => e.perm & 1)) perm |= 1;
      }
      const at = x.cur.findIndex((e) => e.tag === c.tag && (c.id === undefined || e.id === c.id));
      switch (c.cmd) {
        case 'replace':
          if (at >= 0) x.cur[at]!.perm = perm;
          else x.cur.push({ tag: c.tag, ...(c.id !== undefined ? { id: c.id } : {}), perm });
          break;
        case 'remove_entry':
          if (at >= 0) x.cur.splice(at, 1);
          break;
        case 'remove_extended': {
          const mask = x.cur.find((e) => e.tag === 'mask');
          const group = x.cur.find((e) => e.tag === 'group_obj');
          // the owning group keeps no more than the mask let it have
          if (mask && group) group.perm &= mask.perm;
          x.cur = x.cur.filter((e) => e.tag !== 'user' && e.tag !== 'group' && e.tag !== 'mask');
          break;
        }
        case 'remove_acl':
          x.cur = [];
          break;
      }
    }
    const dflt = acls.default;
    if (dflt && dflt.cur.length) {
      for (const tag of ['user_obj', 'group_obj', 'other'] as const) {
        if (dflt.cur.some((e) => e.tag === tag)) continue;
        const from = (await retrieve('access')).cur.find((e) => e.tag === tag);
        if (from) dflt.cur.push({ tag, perm: from.perm });
      }
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return fail(e.errno);
  }
  for (const kind of ['access', 'default'] as const) {
    const x = acls[kind];
    if (!x || !x.modified || (kind === 'default' && !x.cur.length)) continue;
    x.cur = sortEntries(x.cur);
    if (isExtended(x.cur)) {
      const group = x.cur.find((e) => e.tag === 'group_obj');
      if (!x.maskGiven && !x.cur.some((e) => e.tag === 'mask') && group) x.cur = sortEntries([...x.cur, { tag: 'mask', perm: group.perm }]);
      if (s.recalc !== -1 && (!x.maskGiven || s.recalc === 1)) x.cur = calcMask(x.cur);
    }
    const bad = checkAcl(x.cur);
    if (bad) {
      await ctx.err.write(`setfacl: ${path}: Malformed ${kind} ACL \`${aclToText(x.cur, accounts, {}, ',')}': ${bad.error} at entry ${bad.at + 1}\n`);
      return false;
    }
  }
  let access = acls.access?.cur;
  let dflt = acls.default?.cur;
  if (dflt && !isDir && s.flags.recursive) dflt = undefined;
  if (access && same(access, acls.access!.old)) access = undefined;
  if (dflt && acls.default && same(dflt, acls.default.old)) dflt = undefined;
  if (s.test) {
    const a = access ? aclToText(access, accounts, { abbreviate: true }, ',') : '*';
    const d = dflt?.length ? aclToText(dflt, accounts, { abbreviate: true, prefix: 'd:' }, ',') : '*';
    await ctx.print(`${path}: ${a},${d}\n`);
    return true;
  }
  try {
    if (access) {
      try {
        await sys.setAcl(path, 'access', access);
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EOPNOTSUPP' || isExtended(access)) throw e;
        // no ACLs here: the mode carries the base entries
        const get = (t: string): number => access!.find((x) => x.tag === t)?.perm ?? 0;
        const now = await sys.stat(path);
        await sys.chmod(path, (now.mode & 0o7000) | (get('user_obj') << 6) | (get('group_obj') << 3) | get('other'));
      }
    }
    if (dflt) {
      if (isDir) {
        if (!dflt.length) {
          try {
            await sys.setAcl(path, 'default', null);
          } catch (e) {
            if (!isSysError(e) || e.errno !== 'EOPNOTSUPP') throw e;
          }
        } else await sys.setAcl(path, 'default', dflt);
      } else if (dflt.length) {
        await ctx.err.write(`setfacl: ${path}: Only directories can have default ACLs\n`);
        return false;
      }
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return fail(e.errno);
  }
  return true;
}

/** read_acl_seq: entries one or more a line, # comments skipped; the line of the first error. */
function readSeq(s: State, text: string, cmd: CmdKind, mode: { withPerm: boolean; noPerm: boolean; promote: boolean }): AclCmd[] | { line: number } {
  const out: AclCmd[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    if (raw === '' && line === text.split('\n').length - 1) break;
    line++;
    const body = raw.replace(/#.*$/, '').replace(/\r$/, '');
    if (body.trim() === '') continue;
    const r = parseAclSeq(body.trim(), s.accounts, cmd, mode);
    if (!Array.isArray(r)) return { line };
    out.push(...r);
  }
  return out;
}

async function readFileText(ctx: Ctx, name: string): Promise<string> {
  if (name === '-') return ctx.readAll();
  return new TextDecoder().decode(await ctx.sys.readFile(name));
}

/** --restore: getfacl's output back on the files it names (owner, group, flags and ACLs). */
async function restore(s: State, text: string, fileName: string | undefined): Promise<number> {
  const { ctx, accounts } = s;
  const sys = ctx.sys;
  const lines = text.split('\n');
  let i = 0;
  let lineno = 0;
  let status = 0;
  const where = (): string => (fileName ? `line ${lineno} of file ${fileName}` : `line ${lineno} of standard input`);
  while (i < lines.length) {
    let path: string | undefined;
    let uid: number | undefined;
    let gid: number | undefined;
    let flags = 0;
    let comments = false;
    // the comment block
    for (; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (l === '') {
        if (i < lines.length - 1) lineno++;
        continue;
      }
      if (!l.startsWith('#')) break;
      lineno++;
      comments = true;
      const body = l.slice(1).trim();
      const value = (k: string): string => aclUnquote(body.slice(k.length).trim());
      if (body.startsWith('file:')) path = value('file:');
      else if (body.startsWith('owner:')) {
        const v = value('owner:');
        uid = /^\d+$/.test(v) ? Number(v) : accounts.userByName(v)?.uid;
      } else if (body.startsWith('group:')) {
        const v = value('group:');
        gid = /^\d+$/.test(v) ? Number(v) : accounts.groupByName(v)?.gid;
      } else if (body.startsWith('flags:')) {
        const f = value('flags:');
        flags = (f[0] === 's' ? 0o4000 : 0) | (f[1] === 's' ? 0o2000 : 0) | (f[2] === 't' ? 0o1000 : 0);
      }
    }
    if (!comments) break;
    if (path === undefined) {
      await ctx.err.write(fileName ? `setfacl: ${fileName}: No filename found in line ${lineno}, aborting\n` : `setfacl: No filename found in line ${lineno} of standard input, aborting\n`);
      return 1;
    }
    const cmds: AclCmd[] = [{ cmd: 'remove_acl', type: 'access', tag: 'user_obj', perm: 0 }, { cmd: 'remove_acl', type: 'default', tag: 'user_obj', perm: 0 }];
    for (; i < lines.length; i++) {
      const l = lines[i]!.replace(/#.*$/, '').trim();
      if (l === '') break;
      lineno++;
      const r = parseAclSeq(l, accounts, 'replace', { withPerm: true, noPerm: false, promote: false });
      if (!Array.isArray(r)) {
        await ctx.err.write(`setfacl: ${fileName ?? 'Standard input'}: Invalid argument in ${where()}\n`);
        return 1;
      }
      cmds.push(...r);
    }
    if (!cmds.some((c, k) => k > 1 && c.type === 'default')) cmds.splice(1, 1);
    let st: Stat;
    try {
      st = await sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`setfacl: ${aclQuote(path, '\n\r')}: ${strerror(e.errno)}\n`);
      status = 1;
      continue;
    }
    if ((uid !== undefined && uid !== st.uid) || (gid !== undefined && gid !== st.gid)) {
      try {
        await sys.lchown(path, uid ?? -1, gid ?? -1);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`setfacl: ${aclQuote(path, '\n\r')}: Cannot change owner/group: ${strerror(e.errno)}\n`);
        status = 1;
      }
    }
    if (!(await doSet(s, cmds, path, st))) status = 1;
    if (flags !== (st.mode & 0o7000)) {
      const now = await sys.stat(path);
      try {
        await sys.chmod(path, (now.mode & 0o777) | flags);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`setfacl: ${aclQuote(path, '\n\r')}: Cannot change mode: ${strerror(e.errno)}\n`);
        status = 1;
      }
    }
  }
  return status;
}

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const s: State = { ctx, accounts: await Accounts.load(sys), flags: { recursive: false, follow: 'toplevel', oneFs: false }, recalc: 0, promote: false, test: false };
  let seq: AclCmd[] = [];
  let sawFiles = false;
  let status = 0;
  const synopsis = (): never => {
    throw new Synopsis();
  };
  const apply = async (file: string): Promise<void> => {
    if (!seq.length) synopsis();
    sawFiles = true;
    const names = file === '-' ? (await ctx.readAll()).split('\n').filter((l) => l !== '') : [file];
    let errors = 0;
    for (const n of names) errors = await walkTree(ctx, n, s.flags, (path, st) => doSet(s, seq, path, st));
    status = errors ? 1 : 0;
  };
  const entries = async (letter: string, value: string): Promise<number | undefined> => {
    const set = letter === 's' || letter === 'S';
    const cmd: CmdKind = letter === 'x' || letter === 'X' ? 'remove_entry' : 'replace';
    const mode = { withPerm: cmd === 'replace', noPerm: cmd === 'remove_entry', promote: s.promote };
    let parsed: AclCmd[];
    if (letter === 'S' || letter === 'M' || letter === 'X') {
      let text: string;
      try {
        text = await readFileText(ctx, value);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`setfacl: ${aclQuote(value, '\n\r')}: ${strerror(e.errno)}\n`);
        return 2;
      }
      const r = readSeq(s, text, cmd, mode);
      if (!Array.isArray(r)) {
        await ctx.err.write(value === '-' ? `setfacl: Invalid argument in line ${r.line} of standard input\n` : `setfacl: Invalid argument in line ${r.line} of file ${aclQuote(value, '\n\r')}\n`);
        return 2;
      }
      parsed = r;
    } else {
      const r = parseAclSeq(value, s.accounts, cmd, mode);
      if (!Array.isArray(r)) {
        await ctx.err.write(r.at >= value.length ? `setfacl: Option -${letter === 's' ? 's' : letter} incomplete\n` : `setfacl: Option -${letter}: Invalid argument near character ${r.at + 1}\n`);
        return 2;
      }
      parsed = r;
    }
    if (set) {
      // --set: the ACLs it names are replaced, the others left alone
      if (parsed.some((c) => c.type === 'access')) seq.push({ cmd: 'remove_acl', type: 'access', tag: 'user_obj', perm: 0 });
      if (parsed.some((c) => c.type === 'default')) seq.push({ cmd: 'remove_acl', type: 'default', tag: 'user_obj', perm: 0 });
    }
    seq.push(...parsed);
    return undefined;
  };
  const args = ctx.argv.slice(1);
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        for (const f of args.slice(i + 1)) await apply(f);
        break;
      }
      let opts: [string, string | undefined][] = [];
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        const name = a.slice(2, eq < 0 ? undefined : eq);
        const exact = LONG[name] ? name : undefined;
        const hits = Object.keys(LONG).filter((k) => k.startsWith(name));
        const key = exact ?? (hits.length === 1 ? hits[0] : undefined);
        if (!key) synopsis();
        const [letter, takes] = LONG[key!]!;
        let value: string | undefined;
        if (takes) {
          value = eq >= 0 ? a.slice(eq + 1) : args[++i];
          if (value === undefined) synopsis();
        } else if (eq >= 0) synopsis();
        opts = [[letter, value]];
      } else if (a.startsWith('-') && a !== '-') {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if (!'bkndvhmMxXRLP'.includes(c)) synopsis();
          if ('mMxX'.includes(c)) {
            const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
            if (value === undefined) synopsis();
            opts.push([c, value]);
            break;
          }
          opts.push([c, undefined]);
        }
      } else {
        await apply(a);
        continue;
      }
      for (const [c, v] of opts) {
        if (sawFiles) {
          seq = [];
          sawFiles = false;
        }
        switch (c) {
          case 'b':
            seq.push({ cmd: 'remove_extended', type: 'access', tag: 'user_obj', perm: 0 }, { cmd: 'remove_acl', type: 'default', tag: 'user_obj', perm: 0 });
            break;
          case 'k':
            seq.push({ cmd: 'remove_acl', type: 'default', tag: 'user_obj', perm: 0 });
            break;
          case 'n':
            s.recalc = -1;
            break;
          case 'r':
            s.recalc = 1;
            break;
          case 'd':
            s.promote = true;
            break;
          case 's':
          case 'S':
          case 'm':
          case 'M':
          case 'x':
          case 'X': {
            const r = await entries(c, v!);
            if (r !== undefined) return r;
            break;
          }
          case 'B': {
            sawFiles = true;
            let text: string;
            try {
              text = await readFileText(ctx, v!);
            } catch (e) {
              if (!isSysError(e)) throw e;
              await ctx.err.write(`setfacl: ${aclQuote(v!, '\n\r')}: ${strerror(e.errno)}\n`);
              return 2;
            }
            status = await restore(s, text, v === '-' ? undefined : v);
            if (status) return status;
            break;
          }
          case 'R':
            s.flags = { ...s.flags, recursive: true };
            break;
          case 'L':
            s.flags = { ...s.flags, follow: 'logical' };
            break;
          case 'P':
            s.flags = { ...s.flags, follow: 'physical' };
            break;
          case 't':
            s.test = true;
            break;
          case 'v':
            await ctx.print('setfacl 2.3.1\n');
            return 0;
          case 'h':
            await ctx.print(HELP);
            return 0;
        }
      }
    }
    if (!sawFiles) synopsis();
  } catch (e) {
    if (!(e instanceof Synopsis)) throw e;
    await ctx.err.write(`Usage: setfacl ${SPEC}\nTry \`setfacl --help' for more information.\n`);
    return 2;
  }
  return status;
}

export default defineProgram({
  name: 'setfacl',
  installPath: '/usr/bin/setfacl',
  pkg: 'acl',
  main: (ctx) => main(ctx),
});
