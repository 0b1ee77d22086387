// which (GNU which 2.21, as Photon ships it): the full path of each COMMAND found in PATH,
// the way bash would find it. Exit status: the number of commands not found (255 without
// any). Unknown options are reported by getopt and otherwise ignored, as which does.
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const X_OK = 1;

const USAGE = (name: string): string => `Usage: ${name} [options] [--] COMMAND [...]
Print the full path of each COMMAND that the shell would run.

  --version, -[vV] Show the version and exit.
  --help,          Show this help and exit.
  --skip-dot       Leave out PATH directories that start with a dot.
  --skip-tilde     Leave out PATH directories that start with a tilde.
  --show-dot       Print ./ for a match in a dot directory of PATH.
  --show-tilde     Print ~/ for a match in HOME (not for root).
  --tty-only       Ignore the options that follow unless stdout is a tty.
  --all, -a        Print every match in PATH, not only the first.
  --read-alias, -i Read alias definitions from standard input.
  --skip-alias     Do not read aliases, whatever --read-alias said.
  --read-functions Read shell function definitions from standard input.
  --skip-functions Do not read functions, whatever --read-functions said.

Feed it the output of (alias; declare -f) to have aliases and functions shown.
`;

const VERSION = `GNU which v2.21, Copyright (C) 1999 - 2015 Carlo Wood.
GNU which comes with ABSOLUTELY NO WARRANTY;
This program is free software; your freedom to use, change
and distribute this program is protected by the GPL.
`;

const LONG = ['help', 'version', 'skip-dot', 'skip-tilde', 'show-dot', 'show-tilde', 'tty-only', 'all', 'read-alias', 'skip-alias', 'read-functions', 'skip-functions'];

/** bash's file_status: an existing, executable, non-directory file. */
async function executable(sys: Sys, path: string): Promise<boolean> {
  try {
    const st = await sys.stat(path);
    if (st.kind === 'dir') return false;
    await sys.access(path, X_OK);
    return true;
  } catch {
    return false;
  }
}

/** which's path_clean_up: an absolute path with ./ and ../ resolved textually. */
function cleanUp(path: string, cwd: string): string {
  const abs = path.startsWith('/') ? path : `${cwd.endsWith('/') ? cwd : `${cwd}/`}${path}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

interface Opts {
  all: boolean;
  skipDot: boolean;
  skipTilde: boolean;
  showDot: boolean;
  showTilde: boolean;
}

async function search(ctx: Ctx, name: string, pathList: string | undefined, o: Opts, home: string): Promise<{ found: boolean; failName: string; failPath: string }> {
  const cwd = ctx.sys.getcwd();
  let dirs: string[];
  let base = name;
  let failPath = pathList ?? '(null)';
  if (name.includes('/')) {
    const full = !name.startsWith('.') && !name.startsWith('/') && !name.startsWith('~') ? `./${name}` : name;
    const slash = full.lastIndexOf('/');
    dirs = [full.slice(0, slash)];
    base = full.slice(slash + 1);
    failPath = full.slice(0, slash);
  } else {
    if (!pathList) return { found: false, failName: name, failPath };
    dirs = pathList.split(':').map((d) => (d === '' ? '.' : d));
  }
  let found = false;
  for (let dir of dirs) {
    if (dir.startsWith('~')) {
      if (o.skipTilde) continue;
      dir = dir === '~' || dir.startsWith('~/') ? `${home.replace(/\/$/, '')}${dir.slice(1)}` : dir;
    }
    if (o.skipDot && !dir.startsWith('/')) continue;
    const full = dir.endsWith('/') ? `${dir}${base}` : `${dir}/${base}`;
    if (!(await executable(ctx.sys, full))) continue;
    let shown = cleanUp(full, cwd);
    const homeDir = home.endsWith('/') ? home : `${home}/`;
    const inHome = (o.showTilde || o.skipTilde) && shown.startsWith(homeDir);
    const cwdDir = cwd.endsWith('/') ? cwd : `${cwd}/`;
    if (!(o.skipTilde && inHome) && o.showDot && dir.startsWith('.') && shown.startsWith(cwdDir)) {
      shown = `./${shown.slice(cwdDir.length)}`;
    } else if (inHome) {
      if (o.skipTilde) continue;
      if (o.showTilde) shown = `~/${shown.slice(homeDir.length)}`;
    }
    await ctx.print(`${shown}\n`);
    found = true;
    if (!o.all) break;
  }
  return { found, failName: base, failPath };
}

export default defineProgram({
  name: 'which',
  installPath: '/usr/bin/which',
  pkg: 'which',
  async main(ctx, { operands }) {
    const args = [...operands];
    const o: Opts = { all: false, skipDot: false, skipTilde: false, showDot: false, showTilde: false };
    let ttyOnly = false;
    const names: string[] = [];
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (a.startsWith('--')) {
        const word = a.slice(2).split('=')[0]!;
        const matches = LONG.filter((l) => l.startsWith(word));
        const opt = LONG.includes(word) ? word : matches.length === 1 ? matches[0] : undefined;
        if (!opt) {
          await ctx.err.write(matches.length > 1 ? `${ctx.name}: option '${a}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}\n` : `${ctx.name}: unrecognized option '${a}'\n`);
          continue;
        }
        switch (opt) {
          case 'help': await ctx.print(USAGE(ctx.name)); return 0;
          case 'version': await ctx.print(VERSION); return 0;
          case 'skip-dot': o.skipDot = !ttyOnly; break;
          case 'skip-tilde': o.skipTilde = !ttyOnly; break;
          case 'show-dot': o.showDot = !ttyOnly; break;
          case 'show-tilde': o.showTilde = !ttyOnly && ctx.sys.geteuid() !== 0; break;
          case 'tty-only': ttyOnly = !ctx.sys.isatty(1); break;
          case 'all': o.all = true; break;
          default: break;
        }
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (const ch of a.slice(1)) {
          if (ch === 'a') o.all = true;
          else if (ch === 'v' || ch === 'V') {
            await ctx.print(VERSION);
            return 0;
          } else if (ch !== 'i') await ctx.err.write(`${ctx.name}: invalid option -- '${ch}'\n`);
        }
        continue;
      }
      names.push(a);
    }
    names.push(...args.slice(i));
    if (!names.length) {
      await ctx.err.write(USAGE(ctx.name));
      return 255;
    }
    const home = ctx.env.get('HOME') ?? '/';
    let failed = 0;
    for (const name of names) {
      if (!name) continue;
      const r = await search(ctx, name, ctx.env.get('PATH'), o, home);
      if (!r.found) {
        await ctx.out.flush();
        await ctx.err.write(`${ctx.name}: no ${r.failName} in (${r.failPath})\n`);
        failed++;
      }
    }
    return failed & 0xff;
  },
});
