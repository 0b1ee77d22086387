// getfacl (acl 2.3.1): shows each file's name, owner and group, its access ACL (from the mode
// when the file has none) and a directory's default ACL, with "#effective:" where the mask takes
// rights away. -R walks directories, -t lays the ACL out as a table.
import type { AclEntry } from '../../shared/acl';
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { aclQuote, aclToText, isExtended, permText, sortEntries, type TextOptions } from './acl-text';
import { walkTree, type TreeFlags } from './walk-tree';

const OPTIONS = 'aceEsRLPtpndvh';
const LONG: Record<string, string> = {
  access: 'a', 'omit-header': 'c', 'all-effective': 'e', 'no-effective': 'E', 'skip-base': 's', recursive: 'R', logical: 'L', physical: 'P',
  tabular: 't', 'absolute-names': 'p', numeric: 'n', 'one-file-system': '1', default: 'd', version: 'v', help: 'h',
};

interface Opts {
  access: boolean;
  default: boolean;
  comments: boolean;
  skipBase: boolean;
  tabular: boolean;
  strip: boolean;
  numeric: boolean;
  text: TextOptions;
  warned: boolean;
}

const HELP = (n: string): string =>
  `${n} 2.3.1 -- get file access control lists\nUsage: ${n} [-${OPTIONS}] file ...\n` +
  '  -a, --access            show only the access ACL\n' +
  '  -d, --default           show only the default ACL\n' +
  '  -c, --omit-header       leave out the comment lines\n' +
  '  -e, --all-effective     an #effective comment on every masked entry\n' +
  '  -E, --no-effective      no #effective comments\n' +
  '  -s, --skip-base         leave out files whose ACL is only their mode\n' +
  '  -R, --recursive         go into directories\n' +
  '  -L, --logical           follow every symbolic link met\n' +
  '  -P, --physical          follow no symbolic link\n' +
  '  -t, --tabular           show the ACLs as a table\n' +
  '  -n, --numeric           user and group numbers, not names\n' +
  '      --one-file-system   stay on the file system of each file named\n' +
  "  -p, --absolute-names    keep a leading '/' in names\n" +
  '  -v, --version           show the version and exit\n' +
  '  -h, --help              show this help and exit\n';

/** The -t layout: one row per entry, access and default rights side by side; rights the mask takes away in capitals. */
function tabular(path: string, acl: AclEntry[] | undefined, dacl: AclEntry[] | undefined, accounts: Accounts, st: Stat, numeric: boolean): string {
  const name = (e: AclEntry): string => {
    const n = (id: number, user: boolean): string => (numeric ? undefined : user ? accounts.userName(id) : accounts.groupName(id)) ?? String(id);
    if (e.tag === 'user_obj') return n(st.uid, true);
    if (e.tag === 'group_obj') return n(st.gid, false);
    if (e.tag === 'user') return n(e.id!, true);
    if (e.tag === 'group') return n(e.id!, false);
    return '';
  };
  const label: Record<AclEntry['tag'], string> = { user_obj: 'USER', user: 'user', group_obj: 'GROUP', group: 'group', mask: 'mask', other: 'other' };
  const cell = (e: AclEntry | undefined, list: AclEntry[] | undefined): string => {
    if (!e) return '   ';
    const mask = list?.find((m) => m.tag === 'mask');
    const masked = mask && (e.tag === 'user' || e.tag === 'group_obj' || e.tag === 'group');
    return permText(e.perm).split('').map((c, i) => (masked && c !== '-' && !(mask.perm & (4 >> i)) ? c.toUpperCase() : c)).join('');
  };
  const key = (e: AclEntry): string => `${e.tag}:${e.id ?? ''}`;
  const rows: AclEntry[] = sortEntries([...(acl ?? []), ...(dacl ?? []).filter((d) => !(acl ?? []).some((a) => key(a) === key(d)))]);
  const width = Math.max(8, ...rows.map((e) => aclQuote(name(e), '\t\n\r').length));
  let out = `# file: ${aclQuote(path, '\n\r')}\n`;
  for (const k of rows) {
    const a = acl?.find((e) => key(e) === key(k));
    const d = dacl?.find((e) => key(e) === key(k));
    out += `${label[k.tag].padEnd(5)}  ${aclQuote(name(k), '\t\n\r').padEnd(width)}  ${cell(a, acl)}  ${cell(d, dacl)}\n`;
  }
  return out;
}

async function show(ctx: Ctx, o: Opts, accounts: Accounts, path: string, st: Stat): Promise<boolean> {
  const sys = ctx.sys;
  let acl: AclEntry[] | undefined;
  let dacl: AclEntry[] | undefined;
  try {
    if (o.access) {
      try {
        acl = await sys.getAcl(path, 'access');
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EOPNOTSUPP') throw e;
        // a filesystem without ACLs: the mode as an ACL
        acl = [{ tag: 'user_obj', perm: (st.mode >> 6) & 7 }, { tag: 'group_obj', perm: (st.mode >> 3) & 7 }, { tag: 'other', perm: st.mode & 7 }];
      }
    }
    if (o.default && st.kind === 'dir') {
      try {
        const d = await sys.getAcl(path, 'default');
        if (d.length) dacl = d;
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EOPNOTSUPP') throw e;
      }
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`getfacl: ${aclQuote(path, '\n\r')}: ${strerror(e.errno)}\n`);
    return false;
  }
  if (o.skipBase && (!acl || !isExtended(acl)) && !dacl) return true;
  let shown = path;
  if (o.strip) {
    if (shown.startsWith('/')) {
      if (!o.warned) {
        await ctx.err.write("getfacl: Removing leading '/' from absolute path names\n");
        o.warned = true;
      }
      shown = shown.replace(/^\/+/, '');
    } else if (shown.startsWith('./')) shown = shown.replace(/^\.\/+/, '');
    if (shown === '') shown = '.';
  }
  if (o.tabular) {
    await ctx.print(tabular(shown, acl, dacl, accounts, st, o.numeric));
    await ctx.print('\n');
    return true;
  }
  let out = '';
  if (o.comments) {
    const owner = o.numeric ? String(st.uid) : accounts.userName(st.uid) ?? String(st.uid);
    const group = o.numeric ? String(st.gid) : accounts.groupName(st.gid) ?? String(st.gid);
    out += `# file: ${aclQuote(shown, '\n\r')}\n# owner: ${aclQuote(owner, ' \t\n\r')}\n# group: ${aclQuote(group, ' \t\n\r')}\n`;
    if (st.mode & 0o7000) out += `# flags: ${st.mode & 0o4000 ? 's' : '-'}${st.mode & 0o2000 ? 's' : '-'}${st.mode & 0o1000 ? 't' : '-'}\n`;
  }
  if (acl) out += `${aclToText(acl, accounts, o.text, '\n')}\n`;
  if (dacl) out += `${aclToText(dacl, accounts, { ...o.text, ...(o.access ? { prefix: 'default:' } : {}) }, '\n')}\n`;
  if (acl || dacl || o.comments) out += '\n';
  await ctx.print(out);
  return true;
}

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const o: Opts = {
    access: false, default: false, comments: true, skipBase: false, tabular: false, strip: true, numeric: false, warned: false,
    text: { effective: 'some', smartIndent: sys.isatty(1) },
  };
  let flags: TreeFlags = { recursive: false, follow: 'toplevel', oneFs: false };
  const usage = async (): Promise<number> => {
    await ctx.err.write(`Usage: getfacl [-${OPTIONS}] file ...\nTry \`getfacl --help' for more information.\n`);
    return 2;
  };
  const args = ctx.argv.slice(1);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    let letters: string[];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const hits = Object.keys(LONG).filter((k) => k === name || k.startsWith(name));
      const exact = Object.keys(LONG).find((k) => k === name);
      if (!exact && hits.length !== 1) {
        await ctx.err.write(hits.length > 1 ? `${ctx.name}: option '${a}' is ambiguous; possibilities:${hits.map((h) => ` '--${h}'`).join('')}\n` : `${ctx.name}: unrecognized option '${a}'\n`);
        return usage();
      }
      letters = [LONG[exact ?? hits[0]!]!];
    } else if (a.startsWith('-') && a !== '-') letters = [...a.slice(1)];
    else {
      files.push(a);
      continue;
    }
    for (const c of letters) {
      switch (c) {
        case 'a': o.access = true; break;
        case 'd': o.default = true; break;
        case 'c': o.comments = false; break;
        case 'e': o.text.effective = 'all'; break;
        case 'E': o.text.effective = 'none'; break;
        case 'R': flags = { ...flags, recursive: true }; break;
        case 'L': flags = { ...flags, follow: 'logical' }; break;
        case 'P': flags = { ...flags, follow: 'physical' }; break;
        case 's': o.skipBase = true; break;
        case 'p': o.strip = false; break;
        case 't': o.tabular = true; break;
        case 'n': o.numeric = true; o.text.numeric = true; break;
        case '1': flags = { ...flags, oneFs: true }; break;
        case 'v':
          await ctx.print('getfacl 2.3.1\n');
          return 0;
        case 'h':
          await ctx.print(HELP('getfacl'));
          return 0;
        default:
          await ctx.err.write(`${ctx.name}: invalid option -- '${c}'\n`);
          return usage();
      }
    }
  }
  if (!o.access && !o.default) o.access = o.default = true;
  if (!files.length) return usage();
  const accounts = await Accounts.load(sys);
  let errors = 0;
  for (const f of files) {
    const names = f === '-' ? (await ctx.readAll()).split('\n').filter((l) => l !== '') : [f];
    for (const name of names) errors += await walkTree(ctx, name, flags, (path, st) => show(ctx, o, accounts, path, st));
  }
  return errors ? 1 : 0;
}

export default defineProgram({
  name: 'getfacl',
  installPath: '/usr/bin/getfacl',
  pkg: 'acl',
  main: (ctx) => main(ctx),
});
