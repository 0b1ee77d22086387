import { isSysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { adjustMode, compileMode, type ModeChange } from '../lib/mode-parse';
import { modeString } from '../lib/mode-string';
import { quote, quotef } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { walk, type WalkEntry } from '../lib/walk';
import { rootCheck } from './chown-core';

const spec = {
  name: 'chmod',
  installPath: '/usr/bin/chmod',
  pkg: 'coreutils',
  usage: 'chmod [OPTION]... MODE[,MODE]... FILE...\nchmod [OPTION]... OCTAL-MODE FILE...\nchmod [OPTION]... --reference=RFILE FILE...',
  help: `Change the mode (permission bits) of each FILE to MODE.
With --reference, copy RFILE's mode instead.

  -c, --changes          like verbose, but only for files that changed
  -f, --silent, --quiet  do not report most errors
  -v, --verbose          report every file processed
      --no-preserve-root  do not treat '/' specially (the default)
      --preserve-root    refuse to work recursively on '/'
      --reference=RFILE  use RFILE's mode instead of a MODE
  -R, --recursive        change files and directories below each FILE too
${HELP_LINES}

Each MODE is [ugoa]*([-+=]([rwxXst]*|[ugo]))+ or an octal number [-+=]?[0-7]+.
${coreutilsHelpFooter('chmod')}`,
  version: coreutilsVersion('chmod', ['David MacKenzie', 'Jim Meyering']),
};

const LONG: OptionDef[] = [
  { key: 'c', long: 'changes' },
  { key: 'R', long: 'recursive' },
  { key: 'no-preserve', long: 'no-preserve-root' },
  { key: 'preserve', long: 'preserve-root' },
  { key: 'f', long: 'quiet' },
  { key: 'reference', long: 'reference', arg: 'required' },
  { key: 'f', long: 'silent' },
  { key: 'v', long: 'verbose' },
  { key: 'help', long: 'help' },
  { key: 'version', long: 'version' },
];
const MODE_CHARS = 'rwxXstugoa,+=01234567';

interface Opts {
  recurse: boolean;
  silent: boolean;
  verbosity: 'off' | 'changes' | 'high';
  diagnoseSurprises: boolean;
  preserveRoot: boolean;
  umask: number;
  changes: ModeChange[];
}

const perms = (mode: number): string => modeString(mode).slice(1);
const oct = (m: number): string => (m & 0o7777).toString(8).padStart(4, '0');

async function processEntry(ctx: Ctx, o: Opts, e: WalkEntry): Promise<{ ok: boolean; skip: boolean }> {
  const name = e.path;
  let applicable = false;
  switch (e.info) {
    case 'DP':
      return { ok: true, skip: false };
    case 'NS':
      if (!o.silent) await ctx.perror(e.error, `cannot access ${quoteaf(name)}`);
      break;
    case 'DNR':
      if (!o.silent) await ctx.perror(e.error, `cannot read directory ${quoteaf(name)}`);
      break;
    case 'SLNONE':
      if (!o.silent) await ctx.error(`cannot operate on dangling symlink ${quoteaf(name)}`);
      break;
    default:
      applicable = true;
  }
  if (applicable && e.stat && o.recurse && o.preserveRoot && (await rootCheck(ctx, e.stat, name))) return { ok: false, skip: true };
  let status: 'no-stat' | 'not-applied' | 'succeeded' | 'failed' | 'no-change' = applicable ? 'not-applied' : 'no-stat';
  let oldMode = 0;
  let newMode = 0;
  if (applicable && e.stat && e.stat.kind !== 'symlink') {
    oldMode = e.stat.mode;
    newMode = (oldMode & ~0o7777) | adjustMode(oldMode, e.stat.kind === 'dir', o.umask, o.changes).mode;
    try {
      await ctx.sys.chmod(name, newMode & 0o7777);
      status = 'succeeded';
    } catch (err) {
      if (!isSysError(err)) throw err;
      if (!o.silent) await ctx.perror(err, `changing permissions of ${quoteaf(name)}`);
      status = 'failed';
    }
  }
  if (o.verbosity !== 'off') {
    if (status === 'succeeded') {
      let now = newMode;
      if (newMode & 0o7000) {
        try {
          now = (await ctx.sys.stat(name)).mode;
        } catch {
          now = oldMode;
        }
      }
      if (((oldMode ^ now) & 0o7777) === 0) status = 'no-change';
    }
    if (status === 'succeeded' || o.verbosity === 'high') {
      const q = quoteaf(name);
      if (status === 'not-applied') await ctx.print(`neither symbolic link ${q} nor referent has been changed\n`);
      else if (status === 'no-stat') await ctx.print(`${q} could not be accessed\n`);
      else if (status === 'succeeded') await ctx.print(`mode of ${q} changed from ${oct(oldMode)} (${perms(oldMode)}) to ${oct(newMode)} (${perms(newMode)})\n`);
      else if (status === 'failed') await ctx.print(`failed to change mode of ${q} from ${oct(oldMode)} (${perms(oldMode)}) to ${oct(newMode)} (${perms(newMode)})\n`);
      else await ctx.print(`mode of ${q} retained as ${oct(newMode)} (${perms(newMode)})\n`);
    }
  }
  let ok = status !== 'no-stat' && status !== 'failed';
  if ((status === 'no-change' || status === 'succeeded' || status === 'failed') && o.diagnoseSurprises && e.stat) {
    const naive = (oldMode & ~0o7777) | adjustMode(oldMode, e.stat.kind === 'dir', 0, o.changes).mode;
    if (newMode & ~naive & 0o7777) {
      await ctx.error(`${quotef(name)}: new permissions are ${perms(newMode)}, not ${perms(naive)}`);
      ok = false;
    }
  }
  return { ok, skip: !o.recurse };
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands: argv }) {
    // getopt with mode words: "-w", "-rwx" and "-644" are modes, not options
    let mode: string | undefined;
    let reference: string | undefined;
    let recurse = false;
    let silent = false;
    let verbosity: Opts['verbosity'] = 'off';
    let preserveRoot = false;
    let diagnoseSurprises = false;
    const files: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') {
        files.push(...argv.slice(i + 1));
        break;
      }
      if (a.startsWith('--')) {
        let parsed;
        try {
          try {
            parsed = getopt([a], LONG);
          } catch (e) {
            // --reference FILE: the argument is the next word
            if (!(e instanceof GetoptError) || !e.message.includes('requires an argument') || i + 1 >= argv.length) throw e;
            parsed = getopt([a, argv[++i]!], LONG);
          }
        } catch (e) {
          if (!(e instanceof GetoptError)) throw e;
          return usageError(ctx, spec, e.message);
        }
        const o = parsed.order[0]!;
        if (o.key === 'help') {
          await ctx.print(`Usage: ${spec.usage.replace(/\n/g, '\n  or:  ')}\n${spec.help}\n`);
          return 0;
        }
        if (o.key === 'version') {
          await ctx.print(`${spec.version}\n`);
          return 0;
        }
        if (o.key === 'c') verbosity = 'changes';
        else if (o.key === 'v') verbosity = 'high';
        else if (o.key === 'f') silent = true;
        else if (o.key === 'R') recurse = true;
        else if (o.key === 'preserve') preserveRoot = true;
        else if (o.key === 'no-preserve') preserveRoot = false;
        else if (o.key === 'reference') reference = o.value;
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if (MODE_CHARS.includes(c)) {
            mode = mode === undefined ? a : `${mode},${a}`;
            diagnoseSurprises = true;
            break;
          }
          if (c === 'R') recurse = true;
          else if (c === 'c') verbosity = 'changes';
          else if (c === 'f') silent = true;
          else if (c === 'v') verbosity = 'high';
          else return usageError(ctx, spec, `invalid option -- '${c}'`);
        }
        continue;
      }
      files.push(a);
    }
    if (reference !== undefined) {
      if (mode !== undefined) return usageError(ctx, spec, 'cannot combine mode and --reference options');
    } else if (mode === undefined) mode = files.shift();
    if (files.length === 0) {
      if (mode === undefined || reference !== undefined || diagnoseSurprises) return usageError(ctx, spec, 'missing operand');
      return usageError(ctx, spec, `missing operand after ${quote(argv[argv.length - 1]!)}`);
    }
    let changes: ModeChange[];
    let umask = 0;
    if (reference !== undefined) {
      try {
        const st = await ctx.sys.stat(reference);
        changes = [{ op: '=', flag: 'ordinary', affected: 0o7777, value: st.mode & 0o7777, mentioned: 0o7777 }];
      } catch (e) {
        await ctx.perror(e, `failed to get attributes of ${quoteaf(reference)}`);
        return 1;
      }
    } else {
      const c = compileMode(mode!);
      if (!c) return usageError(ctx, spec, `invalid mode: ${quote(mode!)}`);
      changes = c;
      umask = ctx.sys.umask();
    }
    const o: Opts = { recurse, silent, verbosity, diagnoseSurprises, preserveRoot, umask, changes };
    let ok = true;
    await walk(ctx, files, { follow: 'comfollow' }, async (e) => {
      const r = await processEntry(ctx, o, e);
      ok = r.ok && ok;
      return r.skip ? 'skip' : undefined;
    });
    return ok ? 0 : 1;
  },
});
