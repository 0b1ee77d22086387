import { defineProgram, usageError } from '../define';
import { backupName, backupSuffix, backupType } from '../lib/backup';
import { Copier, joinPath, type CopyOptions } from '../lib/copy';
import { SeenSources } from './cp-seen';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import type { Ctx } from '../lib/context';
import { isSysError } from '../../shared/errno';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote, quoteaf } from '../lib/quote';
import { intoDir, planTargets } from '../lib/target';

const SPARSE_WORDS: ArgChoices<string> = [['never', 'never'], ['auto', 'auto'], ['always', 'always']];
const REFLINK_WORDS: ArgChoices<string> = [['auto', 'auto'], ['always', 'always'], ['never', 'never']];
const PRESERVE_ATTRS = ['mode', 'timestamps', 'ownership', 'links', 'context', 'xattr', 'all'];

const HELP = `Copy SOURCE to DEST, or several SOURCEs into DIRECTORY.

Long options take the same arguments as their short forms.
  -a, --archive                same as -dR --preserve=all
      --attributes-only        copy only the attributes, not the data
      --backup[=CONTROL]       back up each destination file that exists
  -b                           like --backup without an argument
  -d                           same as --no-dereference --preserve=links
  -f, --force                  when an existing destination cannot be opened,
                                 remove it and try again (-n wins over this)
  -i, --interactive            ask before overwriting (wins over an earlier -n)
  -H                           follow symbolic links named on the command line
  -l, --link                   make hard links instead of copies
  -L, --dereference            always follow symbolic links in SOURCE
  -n, --no-clobber             never overwrite an existing file (wins over an
                                 earlier -i)
  -P, --no-dereference         copy symbolic links as links
  -p                           same as --preserve=mode,ownership,timestamps
      --parents                append each SOURCE, as written, to DIRECTORY,
                                 making the directories it names
      --preserve[=ATTR_LIST]   keep these attributes (default:
                                 mode,ownership,timestamps); also links, all
      --no-preserve=ATTR_LIST  do not keep these attributes
  -R, -r, --recursive          copy directories and everything inside them
      --remove-destination     remove each existing destination before copying
                                 (compare --force)
  -s, --symbolic-link          make symbolic links instead of copies
  -S, --suffix=SUFFIX          backup suffix instead of ~
  -t, --target-directory=DIRECTORY  copy every SOURCE into DIRECTORY
  -T, --no-target-directory    treat DEST as a plain file name
  -u, --update                 copy only when SOURCE is newer than the
                                 destination, or the destination is missing
  -v, --verbose                report each copy
  -x, --one-file-system        stay on this file system
${HELP_LINES}

Symbolic links in SOURCE are followed unless -R is given; with -R they are
copied as links, unless -L or -H says otherwise.

CONTROL is none/off, numbered/t, existing/nil or simple/never; the default
comes from $VERSION_CONTROL and is 'existing'.
${coreutilsHelpFooter('cp')}`;

/**
 * cp --parents: makes under DIR each directory that SOURCE names before its last component,
 * with the source directory's permissions, reporting each one it makes under -v.
 */
async function makeParents(ctx: Ctx, src: string, dir: string, verbose: boolean): Promise<boolean> {
  const rel = src.replace(/^\/+/, '');
  const lead = src.length - rel.length;
  for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) {
    if (rel[i - 1] === '/') continue;
    const srcPrefix = src.slice(0, lead + i);
    const dstPrefix = joinPath(dir, rel.slice(0, i));
    try {
      await ctx.sys.stat(dstPrefix);
      continue;
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'ENOENT') throw e;
    }
    try {
      const st = await ctx.sys.stat(srcPrefix);
      await ctx.sys.mkdir(dstPrefix, st.mode & 0o777);
      if (verbose) await ctx.print(`${srcPrefix} -> ${dstPrefix}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.perror(e, `cannot make directory ${quoteaf(dstPrefix)}`);
      return false;
    }
  }
  return true;
}

const spec = {
  name: 'cp',
  installPath: '/usr/bin/cp',
  pkg: 'coreutils',
  usage: 'cp [OPTION]... [-T] SOURCE DEST\ncp [OPTION]... SOURCE... DIRECTORY\ncp [OPTION]... -t DIRECTORY SOURCE...',
  help: HELP,
  version: coreutilsVersion('cp', ['Torbjorn Granlund', 'David MacKenzie', 'Jim Meyering']),
  options: [
    { key: 'a', short: 'a', long: 'archive' },
    { key: 'attributes-only', long: 'attributes-only' },
    { key: 'backup', long: 'backup', arg: 'optional' as const },
    { key: 'copy-contents', long: 'copy-contents' },
    { key: 'L', short: 'L', long: 'dereference' },
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 'l', short: 'l', long: 'link' },
    { key: 'n', short: 'n', long: 'no-clobber' },
    { key: 'P', short: 'P', long: 'no-dereference' },
    { key: 'no-preserve', long: 'no-preserve', arg: 'required' as const },
    { key: 'T', short: 'T', long: 'no-target-directory' },
    { key: 'x', short: 'x', long: 'one-file-system' },
    { key: 'parents', long: 'parents' },
    { key: 'parents', long: 'path' },
    { key: 'preserve', long: 'preserve', arg: 'optional' as const },
    { key: 'r', short: 'r', long: 'recursive' },
    { key: 'remove-destination', long: 'remove-destination' },
    { key: 'sparse', long: 'sparse', arg: 'required' as const },
    { key: 'reflink', long: 'reflink', arg: 'optional' as const },
    { key: 'strip-trailing-slashes', long: 'strip-trailing-slashes' },
    { key: 'S', short: 'S', long: 'suffix', arg: 'required' as const },
    { key: 's', short: 's', long: 'symbolic-link' },
    { key: 't', short: 't', long: 'target-directory', arg: 'required' as const },
    { key: 'u', short: 'u', long: 'update' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'Z', short: 'Z' },
    { key: 'Z', long: 'context', arg: 'optional' as const },
    { key: 'b', short: 'b' },
    { key: 'd', short: 'd' },
    { key: 'H', short: 'H' },
    { key: 'p', short: 'p' },
    { key: 'R', short: 'R' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    // --context=CTX on a system without SELinux: a warning, then carry on
    for (const o of args.order) if (o.key === 'Z' && o.value !== undefined) await ctx.error('warning: ignoring --context; it requires an SELinux-enabled kernel');
    const o: CopyOptions = {
      move: false,
      recursive: false,
      deref: 'always',
      preserveMode: false,
      preserveOwner: false,
      preserveTimes: false,
      preserveLinks: false,
      interactive: 'default',
      force: false,
      removeFirst: false,
      update: flag(args, 'u'),
      verbose: flag(args, 'v'),
      attributesOnly: flag(args, 'attributes-only'),
      link: undefined,
    };
    let deref: CopyOptions['deref'] | undefined;
    const setPreserve = (list: string, on: boolean): string | undefined => {
      for (const word of list.split(',')) {
        // like XARGMATCH, an unambiguous abbreviation will do
        const matches = PRESERVE_ATTRS.filter((a) => a.startsWith(word));
        const attr = PRESERVE_ATTRS.includes(word) ? word : matches.length === 1 && word ? matches[0]! : undefined;
        if (attr === undefined) return word;
        if (attr === 'mode' || attr === 'all') [o.preserveMode, o.noMode] = [on, !on];
        if (attr === 'ownership' || attr === 'all') o.preserveOwner = on;
        if (attr === 'timestamps' || attr === 'all') o.preserveTimes = on;
        if (attr === 'links' || attr === 'all') o.preserveLinks = on;
      }
      return undefined;
    };
    let sparse = 'auto';
    for (const opt of args.order) {
      switch (opt.key) {
        case 'a':
          deref = 'never';
          o.recursive = true;
          setPreserve('all', true);
          break;
        case 'd':
          deref = 'never';
          o.preserveLinks = true;
          break;
        case 'f': o.force = true; break;
        case 'i': o.interactive = 'ask'; break;
        case 'n': o.interactive = 'no'; break;
        case 'H': deref = 'cmdline'; break;
        case 'L': deref = 'always'; break;
        case 'P': deref = 'never'; break;
        case 'l': o.link = 'hard'; break;
        case 's': o.link = 'symbolic'; break;
        case 'p': setPreserve('mode,ownership,timestamps', true); break;
        case 'r': case 'R': o.recursive = true; break;
        case 'copy-contents': o.copyContents = true; break;
        case 'remove-destination': o.removeFirst = true; break;
        case 'sparse': case 'reflink': {
          // every copy here is a plain full copy (ext4 clones nothing); the words are still checked
          const choices = opt.key === 'sparse' ? SPARSE_WORDS : REFLINK_WORDS;
          const r = argmatch(opt.value ?? 'always', choices);
          if ('error' in r) {
            await argmatchError(ctx, `--${opt.key}`, opt.value ?? '', r.error, choices);
            await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
            return 1;
          }
          if (opt.key === 'reflink') o.reflinkAlways = r.value === 'always';
          else sparse = r.value;
          break;
        }
        case 'preserve':
        case 'no-preserve': {
          const bad = setPreserve(opt.value ?? 'mode,ownership,timestamps', opt.key === 'preserve');
          if (bad !== undefined) {
            await ctx.error(`invalid argument ${quote(bad)} for '--${opt.key}'`);
            await ctx.err.write(`Valid arguments are:\n${PRESERVE_ATTRS.map((a) => `  - '${a}'\n`).join('')}Try '${ctx.name} --help' for more information.\n`);
            return 1;
          }
          break;
        }
      }
    }
    if (o.reflinkAlways && sparse !== 'auto') return usageError(ctx, spec, '--reflink can be used only with --sparse=auto');
    if (flag(args, 'b') || args.values.has('backup') || args.values.has('S')) {
      if (o.interactive === 'no') return usageError(ctx, spec, 'options --backup and --no-clobber are mutually exclusive');
      const type = await backupType(ctx, lastValue(args, 'backup'));
      if (type === undefined) return 1;
      o.backup = { type, suffix: backupSuffix(ctx, lastValue(args, 'S')) };
    }
    // GNU: -R alone copies links as links; otherwise links are followed
    o.deref = deref ?? (o.recursive && o.link !== 'hard' ? 'never' : 'always');
    const targets = args.values.get('t') ?? [];
    if (targets.length > 1) {
      await ctx.error('multiple target directories specified');
      return 1;
    }
    const plan = await planTargets(ctx, args.operands, lastValue(args, 't'), flag(args, 'T'));
    if (plan.kind === 'usage') return usageError(ctx, spec, plan.message);
    if (plan.kind === 'fatal') {
      await ctx.error(plan.message);
      return 1;
    }
    const parents = flag(args, 'parents');
    if (parents && plan.kind === 'single') return usageError(ctx, spec, 'with --parents, the destination must be a directory');
    if (plan.kind === 'single') {
      // cp --force --backup FILE FILE copies FILE to its backup name instead (cp.c do_copy)
      let dest = plan.dest;
      if (o.force && o.backup && o.backup.type !== 'none' && plan.source === dest) {
        const st = await ctx.sys.stat(dest).catch(() => undefined);
        if (st?.kind === 'file') {
          dest = await backupName(ctx.sys, dest, o.backup.type, o.backup.suffix);
          o.backup = undefined;
        }
      }
      return (await new Copier(ctx, o).copy(plan.source, dest)) ? 0 : 1;
    }
    const copier = new Copier(ctx, o);
    const seen = plan.sources.length > 1 ? new SeenSources(ctx, o.deref !== 'never', !!o.backup && o.backup.type !== 'none') : undefined;
    let ok = true;
    for (const src of plan.sources) {
      const dst = parents ? joinPath(plan.dir, src.replace(/^\/+/, '')) : intoDir(plan.dir, src);
      if (parents && !(await makeParents(ctx, src, plan.dir, o.verbose))) {
        ok = false;
        continue;
      }
      if (await seen?.skip(src, dst)) continue;
      if (!(await copier.copy(src, dst))) ok = false;
      await seen?.copied(src, dst);
    }
    return ok ? 0 : 1;
  },
});
