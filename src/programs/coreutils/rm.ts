import { isSysError, type Errno } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { quote, quoteaf } from '../lib/quote';
import { quotearg } from '../lib/quotearg';
import { fileTypeName, yesno } from '../lib/yesno';

const WHEN: ArgChoices<'never' | 'once' | 'always'> = [['never', 'never'], ['no', 'never'], ['none', 'never'], ['once', 'once'], ['always', 'always'], ['yes', 'always']];

type Interactive = 'never' | 'sometimes' | 'always';
/** A declined prompt keeps the file (and its parents) but is not an error. */
type Status = 'ok' | 'declined' | 'error';

interface Options {
  recursive: boolean;
  emptyDirs: boolean;
  force: boolean;
  interactive: Interactive;
  verbose: boolean;
  stdinTty: boolean;
  root: Stat | undefined;
}

/** rm -f stays quiet about names that certainly do not exist. */
const MISSING: Errno[] = ['ENOENT', 'ENOTDIR', 'EINVAL'];

const join = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

class Remover {
  /**
   * How many times a failure or a refused descent has marked the directories above it
   * (mark_ancestor_dirs): those are then left without a prompt or an rmdir. A file whose
   * removal was only declined marks nothing, so its directory is still asked about.
   */
  private marks = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly o: Options,
  ) {}

  private async fail(e: unknown, path: string): Promise<'error'> {
    this.marks++;
    await this.ctx.perror(e, `cannot remove ${quoteaf(path)}`);
    return 'error';
  }

  private async writeProtected(path: string, st: Stat): Promise<boolean> {
    if (st.kind === 'symlink' || this.o.force || !(this.o.interactive === 'always' || this.o.stdinTty)) return false;
    try {
      await this.ctx.sys.access(path, 2);
      return false;
    } catch {
      return true;
    }
  }

  /** Asks before removing when -i or a write-protected file on a terminal calls for it. */
  private async confirm(path: string, st: Stat, descend: boolean): Promise<boolean> {
    if (this.o.interactive === 'never') return true;
    const wp = await this.writeProtected(path, st);
    if (!wp && this.o.interactive !== 'always') return true;
    if (st.kind === 'symlink' && this.o.interactive !== 'always') return true;
    const what = descend ? 'descend into' : 'remove';
    const type = descend ? 'directory' : fileTypeName(st.kind, st.size);
    return yesno(this.ctx, `${this.ctx.name}: ${what} ${wp ? 'write-protected ' : ''}${type} ${quoteaf(path)}? `);
  }

  private async excise(path: string, dir: boolean, readError?: unknown): Promise<Status> {
    try {
      if (dir) await this.ctx.sys.rmdir(path);
      else await this.ctx.sys.unlink(path);
    } catch (e) {
      if (isSysError(e) && this.o.force && MISSING.includes(e.errno)) return 'ok';
      // an unreadable directory: its open error says more than ENOTEMPTY
      return this.fail(readError !== undefined && isSysError(e) && e.errno === 'ENOTEMPTY' ? readError : e, path);
    }
    if (this.o.verbose) await this.ctx.print(`${dir ? 'removed directory' : 'removed'} ${quoteaf(path)}\n`);
    return 'ok';
  }

  /** Removes `path`; `top` is true for command-line arguments. */
  async remove(path: string, top: boolean): Promise<Status> {
    await this.ctx.tick();
    let st: Stat;
    try {
      st = await this.ctx.sys.lstat(path);
    } catch (e) {
      if (isSysError(e) && this.o.force && MISSING.includes(e.errno)) return 'ok';
      return this.fail(e, path);
    }
    if (st.kind !== 'dir') {
      if (!(await this.confirm(path, st, false))) return 'declined';
      return this.excise(path, false);
    }
    let entries: string[] | undefined;
    let readError: unknown;
    try {
      entries = await this.ctx.sys.readdir(path);
    } catch (e) {
      readError = e;
    }
    const empty = entries !== undefined && entries.length === 0;
    if (!this.o.recursive && !(this.o.emptyDirs && empty)) {
      await this.ctx.error(`cannot remove ${quoteaf(path)}: ${this.o.emptyDirs ? 'Directory not empty' : 'Is a directory'}`);
      this.marks++;
      return 'error';
    }
    if (top) {
      const base = baseName(path);
      if (base === '.' || base === '..') {
        await this.ctx.error(`refusing to remove '.' or '..' directory: skipping ${quoteaf(path)}`);
        return 'error';
      }
      const root = this.o.root;
      if (root && this.o.recursive && st.dev === root.dev && st.ino === root.ino) {
        await this.ctx.error(path === '/' ? `it is dangerous to operate recursively on '/'` : `it is dangerous to operate recursively on ${quoteaf(path)} (same as '/')`);
        await this.ctx.error('use --no-preserve-root to override this failsafe');
        return 'error';
      }
    }
    if (!empty && entries !== undefined) {
      if (!(await this.confirm(path, st, true))) {
        this.marks++;
        return 'declined';
      }
      const marks = this.marks;
      let worst: Status = 'ok';
      for (const name of entries) {
        const r = await this.remove(join(path, name), false);
        if (r === 'error' || (r === 'declined' && worst === 'ok')) worst = r;
      }
      // a failure below keeps this directory, without another message
      if (this.marks !== marks) return worst;
    }
    if (!(await this.confirm(path, st, false))) return 'declined';
    return this.excise(path, true, readError);
  }
}

const spec = {
  name: 'rm',
  installPath: '/usr/bin/rm',
  pkg: 'coreutils',
  usage: 'rm [OPTION]... [FILE]...',
  help: `Remove (unlink) each FILE.

  -f, --force           never ask, and say nothing about files that do not exist
  -i                    ask before each removal
  -I                    ask once, before removing more than three files or before
                          a recursive removal; safer than -i, less tiresome
      --interactive[=WHEN]  when to ask: never, once (-I) or always (-i);
                          with no WHEN, always
      --one-file-system  during a recursive removal, leave other file systems'
                          directories alone
      --no-preserve-root  allow a recursive removal of '/'
      --preserve-root[=all]  refuse to remove '/' (the default); with 'all',
                          also refuse arguments on another device than their parent
  -r, -R, --recursive   remove directories and everything inside them
  -d, --dir             remove empty directories too
  -v, --verbose         report each removal
${HELP_LINES}

Directories stay unless --recursive (-r or -R) or --dir (-d) is given.

A file whose name starts with '-', such as '-foo', can be removed with
  rm -- -foo
or
  rm ./-foo

Removing a name does not wipe the data: it may still be recoverable.
${coreutilsHelpFooter('rm')}`,
  version: coreutilsVersion('rm', ['Paul Rubin', 'David MacKenzie', 'Richard M. Stallman', 'Jim Meyering']),
  options: [
    { key: 'd', short: 'd', long: 'dir' },
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i' },
    { key: 'I', short: 'I' },
    { key: 'interactive', long: 'interactive', arg: 'optional' as const },
    { key: 'one-file-system', long: 'one-file-system' },
    { key: 'no-preserve-root', long: 'no-preserve-root' },
    { key: 'preserve-root', long: 'preserve-root', arg: 'optional' as const },
    { key: 'presume-input-tty', long: '-presume-input-tty' },
    { key: 'r', short: 'r', long: 'recursive' },
    { key: 'R', short: 'R' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
};

export default defineProgram({
  ...spec,
  // rm.c diagnose_leading_hyphen: the first argument that looks like an option and names a file
  async optionErrorHint(ctx) {
    for (const arg of ctx.argv.slice(1)) {
      if (arg.length < 2 || arg[0] !== '-') continue;
      const exists = await ctx.sys.lstat(arg).then(() => true, () => false);
      if (!exists) continue;
      await ctx.err.write(`Try '${ctx.name} ./${quotearg(arg, { style: 'shell-escape' })}' to remove the file ${quoteaf(arg)}.\n`);
      return;
    }
  },
  async main(ctx, args) {
    let interactive: Interactive = 'sometimes';
    let force = false;
    let once = false;
    let preserveRoot = true;
    for (const o of args.order) {
      if (o.key === 'f') {
        interactive = 'never';
        force = true;
        once = false;
      } else if (o.key === 'i') {
        interactive = 'always';
        force = false;
        once = false;
      } else if (o.key === 'I') {
        interactive = 'sometimes';
        force = false;
        once = true;
      } else if (o.key === 'interactive') {
        const m = argmatch(o.value ?? 'always', WHEN);
        if ('error' in m) {
          await argmatchError(ctx, '--interactive', o.value ?? '', m.error, WHEN);
          await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
          return 1;
        }
        const when = m.value;
        if (when === 'never') {
          interactive = 'never';
          once = false;
        } else if (when === 'once') {
          interactive = 'sometimes';
          force = false;
          once = true;
        } else {
          interactive = 'always';
          force = false;
          once = false;
        }
      } else if (o.key === 'no-preserve-root') {
        if (!ctx.argv.includes('--no-preserve-root')) {
          await ctx.error('you may not abbreviate the --no-preserve-root option');
          return 1;
        }
        preserveRoot = false;
      } else if (o.key === 'preserve-root') {
        if (o.value !== undefined && o.value !== 'all') {
          await ctx.error(`unrecognized --preserve-root argument: ${quoteaf(o.value)}`);
          return 1;
        }
        preserveRoot = true;
      }
    }
    const files = args.operands;
    if (files.length === 0) {
      if (force) return 0;
      return usageError(ctx, spec, 'missing operand');
    }
    const recursive = flag(args, 'r') || flag(args, 'R');
    let root: Stat | undefined;
    if (recursive && preserveRoot) {
      try {
        root = await ctx.sys.lstat('/');
      } catch (e) {
        await ctx.perror(e, `failed to get attributes of '/'`);
        return 1;
      }
    }
    if (once && (recursive || files.length > 3)) {
      const n = files.length;
      const what = recursive ? `remove ${n} argument${n === 1 ? '' : 's'} recursively? ` : `remove ${n} arguments? `;
      if (!(await yesno(ctx, `${ctx.name}: ${what}`))) return 0;
    }
    const remover = new Remover(ctx, {
      recursive,
      emptyDirs: flag(args, 'd'),
      force,
      interactive,
      verbose: flag(args, 'v'),
      stdinTty: ctx.sys.isatty(0) || flag(args, 'presume-input-tty'),
      root,
    });
    let ok = true;
    for (const f of files) if ((await remover.remove(f, true)) === 'error') ok = false;
    return ok ? 0 : 1;
  },
});
