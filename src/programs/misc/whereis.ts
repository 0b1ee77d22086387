// whereis (util-linux 2.38): binaries, manual pages and sources named NAME, searched in
// the standard directories (each directory once, even through symbolic links) then PATH
// and MANPATH. Prints "name: path..." per name.
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const BIN = 1;
const MAN = 2;
const SRC = 4;

const BIN_DIRS = [
  '/usr/bin', '/usr/sbin', '/bin', '/sbin', '/usr/lib', '/usr/lib32', '/usr/lib64', '/etc', '/usr/etc', '/lib', '/lib32', '/lib64',
  '/usr/games', '/usr/games/bin', '/usr/games/lib', '/usr/emacs/etc', '/usr/lib/emacs/*/etc', '/usr/TeX/bin', '/usr/tex/bin',
  '/usr/interviews/bin/LINUX', '/usr/X11R6/bin', '/usr/X386/bin', '/usr/bin/X11', '/usr/X11/bin', '/usr/X11R5/bin',
  '/usr/local/bin', '/usr/local/sbin', '/usr/local/etc', '/usr/local/lib', '/usr/local/games', '/usr/local/games/bin',
  '/usr/local/emacs/etc', '/usr/local/TeX/bin', '/usr/local/tex/bin', '/usr/local/bin/X11', '/usr/contrib', '/usr/hosts',
  '/usr/include', '/usr/g++-include', '/usr/ucb', '/usr/old', '/usr/new', '/usr/local', '/usr/libexec', '/usr/share', '/opt/*/bin',
];
const MAN_DIRS = ['/usr/man/*', '/usr/share/man/*', '/usr/X386/man/*', '/usr/X11/man/*', '/usr/TeX/man/*', '/usr/interviews/man/mann', '/usr/share/info'];
const SRC_DIRS = ['/usr/src/*', '/usr/src/lib/libc/*', '/usr/src/lib/libc/net/*', '/usr/src/ucb/pascal', '/usr/src/ucb/pascal/utilities', '/usr/src/undoc'];

interface Dir {
  path: string;
  type: number;
  st: Stat;
}

const USAGE = `
Usage:
 whereis [options] [-BMS <dir>... -f] <name>

Locate the binary, source, and manual-page files for a command.

Options:
 -b         search only for binaries
 -B <dirs>  define binaries lookup path
 -m         search only for manuals and infos
 -M <dirs>  define man and info lookup path
 -s         search only for sources
 -S <dirs>  define sources lookup path
 -f         terminate <dirs> argument list
 -u         search for unusual entries
 -l         output effective lookup paths

 -h, --help     display this help
 -V, --version  display version

For more details see whereis(1).
`;

async function addDir(ctx: Ctx, list: Dir[], path: string, type: number): Promise<void> {
  if (path.includes('*')) {
    const star = path.indexOf('*');
    const base = path.slice(0, star).replace(/\/$/, '');
    const rest = path.slice(star + 1);
    let names: string[];
    try {
      names = await ctx.sys.readdir(base);
    } catch {
      return;
    }
    for (const n of names) await addDir(ctx, list, `${base}/${n}${rest}`, type);
    return;
  }
  let st: Stat;
  try {
    st = await ctx.sys.stat(path);
  } catch {
    return;
  }
  if (st.kind !== 'dir') return;
  if (list.some((d) => d.type === type && d.st.ino === st.ino && d.st.dev === st.dev)) return;
  list.push({ path, type, st });
}

/** util-linux filename_equal. */
function nameEqual(cp: string, dp: string, type: number): boolean {
  if (type & SRC && dp.startsWith('s.') && nameEqual(cp, dp.slice(2), type)) return true;
  let i = dp.length;
  if (type & MAN) {
    for (const suf of ['.Z', '.gz', '.xz', '.bz2', '.zst']) {
      if (i > suf.length - 1 && dp.endsWith(suf)) {
        i -= suf.length;
        break;
      }
    }
  }
  let k = 0;
  while (k < cp.length && k < dp.length && cp[k] === dp[k]) k++;
  i -= k;
  if (k === cp.length && k === dp.length) return true;
  if (!(type & BIN) && k === cp.length && dp[k] === '.') {
    let j = k + 1;
    i--;
    while (i > 0 && j < dp.length) {
      i--;
      if (dp[j++] === '.') return dp[j] === 'C' && j + 1 === dp.length;
    }
    return true;
  }
  return false;
}

export default defineProgram({
  name: 'whereis',
  installPath: '/usr/bin/whereis',
  pkg: 'util-linux',
  async main(ctx, { operands }) {
    const args = [...operands];
    const list: Dir[] = [];
    let want = BIN | MAN | SRC;
    let unusual = false;
    let listDirs = false;
    const names: string[] = [];
    const bad = async (msg: string): Promise<number> => {
      await ctx.err.write(`${ctx.name}: ${msg}\nTry '${ctx.name} --help' for more information.\n`);
      return 1;
    };
    let custom = 0;
    let collecting = 0;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help' || a === '-h') {
        await ctx.print(USAGE);
        return 0;
      }
      if (a === '--version' || a === '-V') {
        await ctx.print('whereis from util-linux 2.38.1\n');
        return 0;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (const ch of a.slice(1)) {
          collecting = 0;
          if (ch === 'b') want = want === (BIN | MAN | SRC) ? BIN : want | BIN;
          else if (ch === 'm') want = want === (BIN | MAN | SRC) ? MAN : want | MAN;
          else if (ch === 's') want = want === (BIN | MAN | SRC) ? SRC : want | SRC;
          else if (ch === 'u') unusual = true;
          else if (ch === 'l') listDirs = true;
          else if (ch === 'f') collecting = 0;
          else if (ch === 'B' || ch === 'M' || ch === 'S') {
            collecting = ch === 'B' ? BIN : ch === 'M' ? MAN : SRC;
            custom |= collecting;
          } else return bad('bad usage');
        }
        continue;
      }
      if (collecting) await addDir(ctx, list, a, collecting);
      else names.push(a);
    }
    const defaults: [number, string[], string | undefined][] = [[BIN, BIN_DIRS, 'PATH'], [MAN, MAN_DIRS, 'MANPATH'], [SRC, SRC_DIRS, undefined]];
    const full: Dir[] = [];
    for (const [type, dirs, env] of defaults) {
      if (custom & type) {
        full.push(...list.filter((d) => d.type === type));
        continue;
      }
      for (const d of dirs) await addDir(ctx, full, d, type);
      if (env) for (const d of (ctx.env.get(env) ?? '').split(':').filter(Boolean)) await addDir(ctx, full, d, type);
    }
    if (listDirs) {
      let out = '';
      for (const d of full) out += `${d.type === BIN ? 'bin' : d.type === MAN ? 'man' : 'src'}: ${d.path}\n`;
      await ctx.print(out);
      if (!names.length) return 0;
    }
    if (!names.length) return bad('not enough arguments');
    for (const pattern of names) {
      const name = pattern.slice(pattern.lastIndexOf('/') + 1);
      const found: string[] = [];
      const counts = [0, 0, 0];
      for (const d of full) {
        if (!(want & d.type)) continue;
        let entries: string[];
        try {
          entries = await ctx.sys.readdir(d.path);
        } catch {
          continue;
        }
        for (const e of entries) {
          if (nameEqual(name, e, d.type)) {
            found.push(`${d.path}/${e}`);
            counts[d.type === BIN ? 0 : d.type === MAN ? 1 : 2]!++;
          }
        }
      }
      if (unusual) {
        const odd = (want & BIN && counts[0] !== 1) || (want & MAN && counts[1] !== 1) || (want & SRC && counts[2] !== 1);
        if (!odd) continue;
      }
      await ctx.print(`${name}:${found.map((f) => ` ${f}`).join('')}\n`);
    }
    return 0;
  },
});
