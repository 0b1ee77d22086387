// getconf (glibc 2.36): one configuration value (sysconf, confstr, or pathconf for a path), or
// all of them with -a. The values are the simulated machine's: its limits (ulimit), processors
// (/proc/cpuinfo, as nproc counts them), memory (/proc/meminfo) and file systems.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { GETCONF_VARS, type VarKind } from './getconf-table';
import { glibcVersion } from './argp';

const USAGE = 'Usage: getconf [-v specification] variable_name [pathname]\n       getconf -a [pathname]\n';

const HELP = `Usage: getconf [-v SPEC] VAR
  or:  getconf [-v SPEC] PATH_VAR PATH

Print the value of the system configuration variable VAR, or of the variable
PATH_VAR for the file system that holds PATH.  With SPEC, the values are those
of compilation environment SPEC.

For bug reporting instructions, please see:
<https://www.gnu.org/software/libc/bugs.html>.
`;

const decoder = new TextDecoder();

async function readText(ctx: Ctx, path: string): Promise<string> {
  try {
    return decoder.decode(await ctx.sys.readFile(path));
  } catch {
    return '';
  }
}

/** A limit as sysconf reports it: the soft limit, undefined when unlimited. */
function limit(ctx: Ctx, res: 'nproc' | 'nofile' | 'sigpending'): string {
  const soft = ctx.sys.getrlimit(res).soft;
  return Number.isFinite(soft) ? String(soft) : '';
}

/** The link limit glibc's pathconf knows for a file system type (Linux's default otherwise). */
function linkMax(type: string): string {
  if (/^ext[234]$/.test(type)) return '65000';
  if (type === 'xfs') return '2147483647';
  if (type === 'btrfs') return '65535';
  return '127';
}

class Machine {
  private meminfo?: string;
  private cpus?: string;
  constructor(private readonly ctx: Ctx) {}

  private async mem(field: string): Promise<string> {
    this.meminfo ??= await readText(this.ctx, '/proc/meminfo');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(this.meminfo);
    return m ? String(Math.floor((Number(m[1]) * 1024) / 4096)) : '';
  }

  /**
   * The value of a variable, or null for a file system value of a path that does not exist
   * (pathconf fails with the errno in `err`).
   */
  async value(name: string, kind: VarKind, raw: string, path: string): Promise<string | null> {
    // pathconf refuses an empty path before looking at the variable
    if ((kind === 'p' || kind === 'f') && path === '') return null;
    if (kind === 'f') {
      let type: string;
      try {
        await this.ctx.sys.stat(path);
        type = (await this.ctx.sys.statfs(path)).type;
      } catch {
        return null;
      }
      return raw === '@linkmax' ? linkMax(type) : raw;
    }
    switch (raw) {
      case '@argmax': {
        const stack = this.ctx.sys.getrlimit('stack').soft;
        return String(Number.isFinite(stack) ? Math.max(131072, Math.floor(stack / 4)) : 4611686018427387903n);
      }
      case '@nproc':
        return limit(this.ctx, 'nproc');
      case '@nofile':
        return limit(this.ctx, 'nofile');
      case '@sigpending':
        return limit(this.ctx, 'sigpending');
      case '@cpus':
        this.cpus ??= String(Math.max(1, (await readText(this.ctx, '/proc/cpuinfo')).split('\n').filter((l) => /^processor\s*:/.test(l)).length));
        return this.cpus;
      case '@phys':
        return this.mem('MemTotal');
      case '@avphys':
        return this.mem('MemFree');
      default:
        return raw;
    }
  }
}

async function usage(ctx: Ctx): Promise<number> {
  await ctx.err.write(USAGE);
  return 2;
}

export default defineProgram({
  name: 'getconf',
  installPath: '/usr/bin/getconf',
  pkg: 'glibc',
  async main(ctx) {
    let args = ctx.argv.slice(1);
    if (args[0] === '--help') {
      await ctx.print(HELP);
      return 0;
    }
    if (args[0] === '--version') {
      await ctx.print(glibcVersion('getconf', 'Roland McGrath'));
      return 0;
    }
    if (args[0]?.startsWith('-v')) {
      // the specification only selects among the environments this machine has: all give the same values
      if (args[0] === '-v') {
        if (args.length < 2) return usage(ctx);
        args = args.slice(2);
      } else {
        args = args.slice(1);
      }
    }
    const machine = new Machine(ctx);
    // -a is seen only where it is written first; a "--" before it makes it a variable name
    if (args[0] === '-a') {
      if (args.length > 2) return usage(ctx);
      const path = args[1] ?? '/';
      let out = '';
      for (const [name, kind, raw] of GETCONF_VARS) out += `${name.padEnd(35)}${(await machine.value(name, kind, raw, path)) ?? ''}\n`;
      await ctx.print(out);
      return 0;
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length < 1 || args.length > 2) return usage(ctx);
    const name = args[0]!;
    const v = GETCONF_VARS.find(([n]) => n === name);
    if (!v) {
      await ctx.err.write(`getconf: Unrecognized variable \`${name}'\n`);
      return 2;
    }
    const [, kind, raw] = v;
    const isPath = kind === 'p' || kind === 'f';
    if (isPath !== (args.length === 2)) return usage(ctx);
    const path = args[1] ?? '/';
    const value = await machine.value(name, kind, raw, path);
    if (value === null) {
      await ctx.err.write(`getconf: pathconf: ${path}: No such file or directory\n`);
      return 3;
    }
    await ctx.print(`${value === '' && kind !== 's' ? 'undefined' : value}\n`);
    return 0;
  },
});
