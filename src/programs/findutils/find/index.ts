// find (GNU findutils 4.9.0): leading -H/-L/-P/-D/-O, starting points, an expression of
// options, tests, actions and operators, then the walk. Exit 0, or 1 after any error.
import { defineProgram } from '../../define';
import { Accounts } from '../../lib/accounts';
import { optionParsers } from './actions';
import { looksLikeExpression, parseExpression, q, type ParserEntry } from './parse';
import { FindExit, FindQuit, type FindState, type Options } from './types';
import { walkRoot } from './walk';
import { startingPointsFrom } from './files0';
import { FINDUTILS_VERSION } from '../version';


const HELP = `Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]

Search the directory trees under each PATH (default: the current directory) and
evaluate EXPRESSION (default: -print) for every file found.

Operators, highest precedence first (-and is implied between two tests):
      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2
      EXPR1 -o EXPR2   EXPR1 -or EXPR2   EXPR1 , EXPR2

Positional options (always true):
      -daystart -follow -nowarn -regextype -warn

Global options (always true; give them before other arguments):
      -depth -files0-from FILE -maxdepth LEVELS -mindepth LEVELS
      -mount -noleaf -xdev -ignore_readdir_race -noignore_readdir_race

Tests (N may be +N for more than N, -N for less than N, or N for exactly N):
      -amin N -anewer FILE -atime N -cmin N -cnewer FILE -context CONTEXT
      -ctime N -empty -false -fstype TYPE -gid N -group NAME -ilname PATTERN
      -iname PATTERN -inum N -iwholename PATTERN -iregex PATTERN
      -links N -lname PATTERN -mmin N -mtime N -name PATTERN -newer FILE
      -newerXY REFERENCE -nouser -nogroup -path PATTERN -perm [-/]MODE
      -regex PATTERN -readable -writable -executable
      -wholename PATTERN -size N[bcwkMG] -true -type [bcdpflsD] -uid N
      -used N -user NAME -xtype [bcdpfls]

Actions:
      -delete -print0 -printf FORMAT -fprintf FILE FORMAT -print
      -fprint0 FILE -fprint FILE -ls -fls FILE -prune -quit
      -exec COMMAND ; -exec COMMAND {} + -ok COMMAND ;
      -execdir COMMAND ; -execdir COMMAND {} + -okdir COMMAND ;

Other common options:
      --help                   show this help and exit
      --version                show the version and exit

Leading options: -H follows symbolic links named as starting points, -L follows
all of them, -P (the default) follows none.

Full documentation: <https://www.gnu.org/software/findutils/find>
or available locally via: info find
`;

const DEBUG_HELP = `Valid arguments for -D:
exec       Show diagnostic information relating to -exec, -execdir, -ok and -okdir
opt        Show diagnostic information relating to optimisation
rates      Indicate how often each predicate succeeded
search     Navigate the directory tree verbosely
stat       Trace calls to stat(2) and lstat(2)
time       Show diagnostic information relating to time-of-day and timestamp comparisons
tree       Display the expression tree
all        Set all of the debug flags (but help)
help       Explain the various -D options
`;

const VERSION = `${FINDUTILS_VERSION('find')}\nFeatures enabled: D_TYPE O_NOFOLLOW(enabled) LEAF_OPTIMISATION FTS(FTS_CWDFD) CBO(level=2) \n`;

const DEBUG_FLAGS = ['exec', 'opt', 'rates', 'search', 'stat', 'time', 'tree', 'all', 'help'];

function infoEntry(text: (name: string) => string): ParserEntry {
  return {
    kind: 'option',
    async parse(p) {
      await p.s.ctx.print(text(p.s.ctx.name));
      throw new FindExit(0);
    },
  };
}

Object.assign(optionParsers, {
  help: infoEntry(() => HELP),
  '-help': infoEntry(() => HELP),
  version: infoEntry(() => VERSION),
  '-version': infoEntry(() => VERSION),
});

async function leadingOptions(args: string[], opts: Options, s: FindState): Promise<number> {
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-H' || a === '-L' || a === '-P') opts.follow = a[1] as Options['follow'];
    else if (a === '--') return i + 1;
    else if (a.startsWith('-D')) {
      let list = a.slice(2);
      if (!list) {
        if (i + 1 >= args.length) {
          await s.ctx.error('Missing argument after the -D option.');
          await s.ctx.err.write(`Try '${s.ctx.name} --help' for more information.\n`);
          throw new FindExit(1);
        }
        list = args[++i]!;
      }
      const flags = list.split(',').filter((f) => f !== '');
      if (!flags.length) {
        await s.ctx.error('Empty argument to the -D option.');
        await s.ctx.err.write(`Try '${s.ctx.name} --help' for more information.\n`);
        throw new FindExit(1);
      }
      // findutils names the argument as strtok left it: cut after its first flag, whichever is bad
      const first = /^,*[^,]*/.exec(list)![0];
      for (const flag of flags) {
        if (flag === 'help') {
          await s.ctx.print(DEBUG_HELP);
          throw new FindExit(0);
        }
        if (!DEBUG_FLAGS.includes(flag)) await s.ctx.error(`Ignoring unrecognised debug flag ${q(first)}`);
      }
    } else if (a.startsWith('-O')) {
      const level = a.slice(2);
      if (!level) throw new FindExit(1, 'The -O option must be immediately followed by a decimal integer');
      if (!/^\d+$/.test(level)) throw new FindExit(1, 'Please specify a decimal number immediately after -O');
    } else return i;
  }
  return i;
}

export default defineProgram({
  name: 'find',
  installPath: '/usr/bin/find',
  pkg: 'findutils',
  async main(ctx, { operands }) {
    const args = [...operands];
    const now = ctx.sys.now();
    const opts: Options = {
      follow: 'P', maxdepth: -1, mindepth: -1, depthFirst: false, xdev: false, explicitDepth: false,
      dayStart: now - 86400_000, fullDays: false, now, regexSyntax: 'emacs', regexDotNewline: true,
      warnings: ctx.sys.isatty(0) && !ctx.env.has('POSIXLY_CORRECT'),
    };
    // like error(3), a message first flushes what was printed so far
    const plainError = ctx.error.bind(ctx);
    ctx.error = async (message: string): Promise<void> => {
      await ctx.out.flush();
      await plainError(message);
    };
    const s: FindState = { ctx, opts, acc: await Accounts.load(ctx.sys), status: 0, prune: false, files: new Map(), tty: ctx.sys.isatty(1), pending: [] };
    try {
      const start = await leadingOptions(args, opts, s);
      let end = start;
      while (end < args.length && !looksLikeExpression(args[end]!, true)) end++;
      const roots = args.slice(start, end);
      const exists = async (path: string): Promise<boolean> => {
        try {
          await ctx.sys.lstat(path);
          return true;
        } catch {
          return false;
        }
      };
      s.roots = roots;
      const { tree, list } = await parseExpression(args, end, s, exists);
      if (opts.mindepth < 0) opts.mindepth = 0;
      try {
        const from = opts.files0From;
        if (from !== undefined) for await (const root of startingPointsFrom(s, from, roots)) await walkRoot(s, tree, root);
        else for (const root of roots.length ? roots : ['.']) await walkRoot(s, tree, root);
      } catch (e) {
        if (!(e instanceof FindQuit)) throw e;
      }
      for (const p of list) if (p.finish) await p.finish(s);
      for (const w of s.files.values()) await w.flush();
      return s.status;
    } catch (e) {
      if (!(e instanceof FindExit)) throw e;
      if (e.text !== undefined) await ctx.error(e.text);
      return e.status;
    }
  },
});
