// chattr (e2fsprogs 1.46.5): changes the attribute flags of files: +FLAGS adds, -FLAGS removes,
// =FLAGS sets exactly; -R goes below directories, -V reports, -f keeps quiet about failures,
// -v sets the generation and -p the project id. Its arguments are read in order as chattr
// reads them: a word starting with -, + or = is an option until `--` or the first file.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { FL } from '../../shared/inode-flags';
import { E2FS_VERSION } from './listing';
import { CHATTR_LETTERS, comErr, dirEntries, errText, formatFlags, inodeAttr, joinPath } from './attr-flags';

interface Change {
  add: number;
  remove: number;
  set: number | undefined;
  version: number | undefined;
  project: number | undefined;
  recursive: boolean;
  verbose: boolean;
  silent: boolean;
}

class Usage extends Error {}

/** strtol(s, &end, 0) that must use the whole word: a number, or undefined. */
function wholeNumber(s: string): number | undefined {
  const m = /^[\t\n\v\f\r ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  const n = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body);
  return m[1] === '-' ? -n : n;
}

export default defineProgram({
  name: 'chattr',
  installPath: '/usr/bin/chattr',
  pkg: 'e2fsprogs',
  async main(ctx) {
    const who = ctx.argv[0] ?? 'chattr';
    const usage = `Usage: ${who} [-pRVf] [-+=aAcCdDeijPsStTuFx] [-v version] files...\n`;
    const args = ctx.argv.slice(1);
    const c: Change = { add: 0, remove: 0, set: undefined, version: undefined, project: undefined, recursive: false, verbose: false, silent: false };
    let adding = false;
    let removing = false;
    let i = 0;
    try {
      for (; i < args.length; i++) {
        const a = args[i]!;
        if (a === '--') {
          i++;
          break;
        }
        const kind = a[0];
        if (kind !== '-' && kind !== '+' && kind !== '=') break;
        for (let j = 1; j < a.length; j++) {
          const ch = a[j]!;
          if (kind === '-' && (ch === 'R' || ch === 'V' || ch === 'f')) {
            if (ch === 'R') c.recursive = true;
            else if (ch === 'V') c.verbose = true;
            else c.silent = true;
            continue;
          }
          if (kind === '-' && (ch === 'p' || ch === 'v')) {
            // the number is the next word, whatever follows the letter in this one
            const word = args[++i];
            if (word === undefined) throw new Usage();
            const n = wholeNumber(word);
            if (n === undefined) {
              await ctx.err.write(`${who}: bad ${ch === 'p' ? 'project' : 'version'} - ${word}\n\n`);
              throw new Usage();
            }
            if (ch === 'p') c.project = n >>> 0;
            else c.version = n >>> 0;
            continue;
          }
          const flag = CHATTR_LETTERS[ch];
          if (flag === undefined) throw new Usage();
          if (kind === '-') {
            c.remove |= flag;
            removing = true;
          } else if (kind === '+') {
            c.add |= flag;
            adding = true;
          } else c.set = (c.set ?? 0) | flag;
        }
        // a bare "+" or "=" still says which way (chattr sets its mode before the letters)
        if (kind === '+') adding = true;
        if (kind === '=') c.set ??= 0;
      }
    } catch (e) {
      if (!(e instanceof Usage)) throw e;
      await ctx.err.write(usage);
      return 1;
    }
    const files = args.slice(i);
    if (files.length === 0) {
      await ctx.err.write(usage);
      return 1;
    }
    if (c.set !== undefined && (adding || removing)) {
      await ctx.err.write('= is incompatible with - and +\n');
      return 1;
    }
    if (c.remove & c.add) {
      await ctx.err.write("Can't both set and unset same flag.\n");
      return 1;
    }
    if (!adding && !removing && c.set === undefined && c.version === undefined && c.project === undefined) {
      await ctx.err.write("Must use '-v', =, - or +\n");
      return 1;
    }
    if (c.verbose) await ctx.err.write(`chattr ${E2FS_VERSION}\n`);
    let status = 0;
    for (const f of files) if ((await change(ctx, who, f, c, adding, removing)) !== 0) status = 1;
    return status;
  },
});

/** change_attributes: 0, or non-zero when something failed (a directory counts its entries' failures). */
async function change(ctx: Ctx, who: string, name: string, c: Change, adding: boolean, removing: boolean): Promise<number> {
  const complain = async (e: unknown, what: string): Promise<void> => {
    if (!c.silent) await ctx.err.write(comErr(who, e, `${what} ${name}`));
  };
  let st;
  try {
    st = await ctx.sys.lstat(name);
  } catch (e) {
    await complain(e, 'while trying to stat');
    return 1;
  }
  let flags: number;
  try {
    flags = await inodeAttr(ctx.sys, name, 'flags');
  } catch (e) {
    await complain(e, 'while reading flags on');
    return 1;
  }
  if (c.set !== undefined) {
    if (c.verbose) await ctx.print(`Flags of ${name} set as ${formatFlags(c.set, false)}\n`);
    try {
      await inodeAttr(ctx.sys, name, 'flags', c.set);
    } catch (e) {
      // (perror, and chattr carries on as if it had worked)
      await ctx.err.write(`${name}: ${errText(e)}\n`);
    }
  } else if (adding || removing) {
    if (removing) flags &= ~c.remove;
    if (adding) flags |= c.add;
    if (c.verbose) await ctx.print(`Flags of ${name} set as ${formatFlags(flags, false)}\n`);
    if (st.kind !== 'dir') flags &= ~FL.DIRSYNC;
    try {
      await inodeAttr(ctx.sys, name, 'flags', flags);
    } catch (e) {
      await complain(e, 'while setting flags on');
      return 1;
    }
  }
  if (c.version !== undefined) {
    if (c.verbose) await ctx.print(`Version of ${name} set as ${c.version}\n`);
    try {
      await inodeAttr(ctx.sys, name, 'version', c.version);
    } catch (e) {
      await complain(e, 'while setting version on');
      return 1;
    }
  }
  if (c.project !== undefined) {
    if (c.verbose) await ctx.print(`Project of ${name} set as ${c.project}\n`);
    try {
      await inodeAttr(ctx.sys, name, 'project', c.project);
    } catch (e) {
      await complain(e, 'while setting project on');
      return 1;
    }
  }
  if (st.kind !== 'dir' || !c.recursive) return 0;
  const names = await dirEntries(ctx.sys, name);
  if (!names) return 1;
  let failed = 0;
  for (const n of names) if (n !== '.' && n !== '..' && (await change(ctx, who, joinPath(name, n, false), c, adding, removing)) !== 0) failed++;
  return failed;
}
