// lsattr (e2fsprogs 1.46.5): lists the attribute flags of files, of a directory's entries
// (-a with the dot files, -d the directory itself, -R below it), with -l by name, -v the
// generation and -p the project id.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { E2FS_VERSION } from './listing';
import { comErr, dirEntries, errText, formatFlags, inodeAttr, joinPath } from './attr-flags';

interface Opts {
  all: boolean;
  dirs: boolean;
  long: boolean;
  recursive: boolean;
  version: boolean;
  project: boolean;
}

export default defineProgram({
  name: 'lsattr',
  installPath: '/usr/bin/lsattr',
  pkg: 'e2fsprogs',
  async main(ctx) {
    const who = ctx.argv[0] ?? 'lsattr';
    let p;
    try {
      p = getopt(ctx.argv.slice(1), 'RVadlvp'.split('').map((c) => ({ key: c, short: c })));
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`${who}: ${e.message}\nUsage: ${who} [-RVadlpv] [files...]\n`);
      return 1;
    }
    const has = (c: string): boolean => p.flags.has(c);
    const o: Opts = { all: has('a'), dirs: has('d'), long: has('l'), recursive: has('R'), version: has('v'), project: has('p') };
    if (has('V')) await ctx.err.write(`lsattr ${E2FS_VERSION}\n`);
    let status = 0;
    for (const name of p.operands.length ? p.operands : ['.']) if (!(await listArg(ctx, who, name, o))) status = 1;
    return status;
  },
});

async function listArg(ctx: Ctx, who: string, name: string, o: Opts): Promise<boolean> {
  let st;
  try {
    st = await ctx.sys.lstat(name);
  } catch (e) {
    await ctx.err.write(comErr(who, e, `while trying to stat ${name}`));
    return false;
  }
  if (st.kind === 'dir' && !o.dirs) return listDir(ctx, who, name, o);
  return listOne(ctx, who, name, o);
}

/** iterate_on_dir over `dir`: false only when it cannot be opened (and then silently). */
async function listDir(ctx: Ctx, who: string, dir: string, o: Opts): Promise<boolean> {
  const names = await dirEntries(ctx.sys, dir);
  if (!names) return false;
  for (const n of names) {
    const path = joinPath(dir, n, true);
    let st;
    try {
      st = await ctx.sys.lstat(path);
    } catch (e) {
      await ctx.err.write(`${path}: ${errText(e)}\n`);
      continue;
    }
    if (n.startsWith('.') && !o.all) continue;
    await listOne(ctx, who, path, o);
    if (st.kind === 'dir' && o.recursive && n !== '.' && n !== '..') {
      await ctx.print(`\n${path}:\n`);
      await listDir(ctx, who, path, o);
      await ctx.print('\n');
    }
  }
  return true;
}

async function listOne(ctx: Ctx, who: string, name: string, o: Opts): Promise<boolean> {
  let flags: number;
  try {
    flags = await inodeAttr(ctx.sys, name, 'flags');
  } catch (e) {
    await ctx.err.write(comErr(who, e, `While reading flags on ${name}`));
    return false;
  }
  let line = '';
  if (o.project) {
    try {
      line += `${String(await inodeAttr(ctx.sys, name, 'project')).padStart(5)} `;
    } catch (e) {
      await ctx.err.write(comErr(who, e, `While reading project on ${name}`));
      return false;
    }
  }
  if (o.version) {
    try {
      line += `${String(await inodeAttr(ctx.sys, name, 'version')).padEnd(10)} `;
    } catch (e) {
      await ctx.err.write(comErr(who, e, `While reading version on ${name}`));
      return false;
    }
  }
  line += o.long ? `${name.padEnd(28)} ${formatFlags(flags, true)}` : `${formatFlags(flags, false)} ${name}`;
  await ctx.print(`${line}\n`);
  return true;
}
