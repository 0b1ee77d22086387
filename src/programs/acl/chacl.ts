// chacl (acl 2.3.1): the IRIX-style command. Sets a file's whole access ACL (and with -b or
// -d a directory's default ACL) from short text, lists ACLs in one line each (-l), removes them
// (-R access, -D default, -B both), and with -r sets them on a directory's entries too.
import type { AclEntry, AclKind } from '../../shared/acl';
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { aclToText, checkAcl, COND_EXECUTE, parseAclSeq, sortEntries } from './acl-text';

const USAGE = (p: string): string =>
  `Usage:\n\t${p} acl pathname...\n\t${p} -b acl dacl pathname...\n\t${p} -d dacl pathname...\n\t${p} -R pathname...\n` +
  `\t${p} -D pathname...\n\t${p} -B pathname...\n\t${p} -l pathname...\t[not IRIX compatible]\n\t${p} -r pathname...\t[not IRIX compatible]\n`;

/** acl_from_text: the entries of a whole ACL, or undefined when the text is not one. */
function fromText(text: string, accounts: Accounts): AclEntry[] | undefined {
  const parsed = parseAclSeq(text, accounts, 'replace', { withPerm: true, noPerm: false, promote: false });
  if (!Array.isArray(parsed) || parsed.some((c) => c.type === 'default' || c.perm & COND_EXECUTE)) return undefined;
  return sortEntries(parsed.map((c) => ({ tag: c.tag, ...(c.id !== undefined ? { id: c.id } : {}), perm: c.perm })));
}

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const p = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  const usage = async (): Promise<number> => {
    await ctx.err.write(USAGE(p));
    return 1;
  };
  // getopt(3) "bdlRDBr": one switch at most
  const args = ctx.argv.slice(1);
  let flag = '';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (flag) return usage();
      if (!'bdlRDBr'.includes(c)) {
        await ctx.err.write(`${ctx.name}: invalid option -- '${c}'\n`);
        return usage();
      }
      flag = c;
    }
  }
  const rest = args.slice(i);
  const required = flag === 'b' ? 3 : flag === '' || flag === 'd' ? 2 : 1;
  if (rest.length < required) return usage();
  const accounts = await Accounts.load(sys);
  let failed = 0;
  if (flag === 'l') {
    for (const file of rest) {
      let acl: AclEntry[];
      let dacl: AclEntry[] = [];
      try {
        acl = await sys.getAcl(file, 'access');
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`${p}: cannot get access ACL on '${file}': ${strerror(e.errno)}\n`);
        failed++;
        continue;
      }
      try {
        dacl = await sys.getAcl(file, 'default');
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      const text = aclToText(acl, accounts, { abbreviate: true }, ',');
      await ctx.print(dacl.length ? `${file} [${text}/${aclToText(dacl, accounts, { abbreviate: true }, ',')}]\n` : `${file} [${text}]\n`);
    }
    return failed;
  }
  if (flag === 'R' || flag === 'D' || flag === 'B') {
    for (const file of rest) {
      if (flag !== 'D') {
        try {
          // the access ACL back to the three entries of the mode
          const acl = await sys.getAcl(file, 'access');
          await sys.setAcl(file, 'access', acl.filter((e) => e.tag === 'user_obj' || e.tag === 'group_obj' || e.tag === 'other'));
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`${p}: error removing access acl on "${file}": ${strerror(e.errno)}\n`);
          failed++;
        }
      }
      if (flag !== 'R') {
        try {
          await sys.setAcl(file, 'default', null);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`${p}: error removing default acl on "${file}": ${strerror(e.errno)}\n`);
          failed++;
        }
      }
    }
    return failed;
  }
  const take = async (): Promise<AclEntry[] | number> => {
    const text = rest.shift()!;
    const acl = fromText(text, accounts);
    if (!acl) {
      await ctx.err.write(`${p}: ${text} - Invalid argument\n`);
      return 1;
    }
    const bad = checkAcl(acl);
    if (bad) {
      await ctx.err.write(`${p}: access ACL '${text}': ${bad.error} at entry ${bad.at}\n`);
      return 1;
    }
    return acl;
  };
  let acl: AclEntry[] | undefined;
  let dacl: AclEntry[] | undefined;
  if (flag !== 'd') {
    const r = await take();
    if (typeof r === 'number') return r;
    acl = r;
  }
  if (flag === 'b' || flag === 'd') {
    const r = await take();
    if (typeof r === 'number') return r;
    dacl = r;
  }
  const set = async (file: string): Promise<number> => {
    let n = 0;
    if (flag === 'r') {
      let names: string[] | undefined;
      try {
        names = await sys.readdir(file);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno !== 'ENOTDIR') {
          await ctx.err.write(`${p}: opendir failed: ${strerror(e.errno)}\n`);
          return 1;
        }
      }
      for (const name of names ?? []) if (name !== '.' && name !== '..') n += await set(`${file}/${name}`);
    }
    const put = async (kind: AclKind, entries: AclEntry[]): Promise<void> => {
      try {
        await sys.setAcl(file, kind, entries);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`${p}: cannot set ${kind} acl on "${file}": ${strerror(e.errno)}\n`);
        n++;
      }
    };
    if (acl) await put('access', acl);
    if (dacl) await put('default', dacl);
    return n;
  };
  for (const file of rest) failed += await set(file);
  return failed;
}

export default defineProgram({
  name: 'chacl',
  installPath: '/usr/bin/chacl',
  pkg: 'acl',
  main: (ctx) => main(ctx),
});
