// systemd's small boot-time helpers that default units run: systemd-tmpfiles (creates the
// volatile directories of tmpfiles.d), systemd-sysctl (applies sysctl.d), and the bookkeeping
// ones (random seed, utmp, user sessions, network generator) which have nothing to say here.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, type Program } from '../define';
import { Accounts } from '../lib/accounts';
import { systemctlVersion } from '../systemd/systemctl/help';
import type { Ctx } from '../lib/context';

const TMPFILES_HELP = `systemd-tmpfiles [OPTIONS...] [CONFIGURATION FILE...]

Make, remove and age the volatile files and directories that tmpfiles.d describes.

  -h --help                 Show this help
     --version              Show the version
     --create               Make what the lines describe
     --clean                Remove what is older than a line's age
     --remove               Remove what r, R and D lines name
     --boot                 Also run the lines marked '!'
     --prefix=PATH          Only the lines whose path starts with PATH
     --exclude-prefix=PATH  Not the lines whose path starts with PATH
     --root=PATH            Work below another root directory

See the systemd-tmpfiles(8) man page for details.
`;

const TMPFILES_DIRS = ['/etc/tmpfiles.d', '/run/tmpfiles.d', '/usr/lib/tmpfiles.d'];
const SYSCTL_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/lib/sysctl.d'];

/** Config files by name across directories, the first directory winning, in name order. */
async function confFiles(ctx: Ctx, dirs: string[]): Promise<string[]> {
  const chosen = new Map<string, string>();
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = await ctx.sys.readdir(d);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    for (const n of names) if (n.endsWith('.conf') && !chosen.has(n)) chosen.set(n, `${d}/${n}`);
  }
  return [...chosen.keys()].sort().map((n) => chosen.get(n)!);
}

/** A tmpfiles.d user or group column: "-" (root), a number, or a name (0 when unknown). */
function idOf(text: string, byName: (name: string) => { id: number } | undefined): number {
  if (text === '-' || text === '') return 0;
  if (/^\d+$/.test(text)) return Number(text);
  return byName(text)?.id ?? 0;
}

async function exists(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.sys.lstat(path);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

export const tmpfiles = defineProgram({
  name: 'systemd-tmpfiles',
  installPath: '/usr/bin/systemd-tmpfiles',
  pkg: 'systemd',
  tryHelp: false,
  options: [
    { key: 'create', long: 'create' }, { key: 'clean', long: 'clean' }, { key: 'remove', long: 'remove' }, { key: 'boot', long: 'boot' },
    { key: 'prefix', long: 'prefix', arg: 'required' }, { key: 'exclude', long: 'exclude-prefix', arg: 'required' }, { key: 'root', long: 'root', arg: 'required' },
    { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' },
  ],
  async main(ctx, { flags, values, operands, order }) {
    // --help and --version answer in the order given
    const first = order.find((o) => o.key === 'help' || o.key === 'version')?.key;
    if (first === 'help') {
      await ctx.print(TMPFILES_HELP);
      return 0;
    }
    if (first === 'version') {
      await ctx.print(systemctlVersion());
      return 0;
    }
    if (!flags.has('create') && !flags.has('clean') && !flags.has('remove')) {
      await ctx.err.write('You need to specify at least one of --clean, --create or --remove.\n');
      return 1;
    }
    if (!flags.has('create')) return 0;
    const acc = await Accounts.load(ctx.sys);
    const user = (n: string): { id: number } | undefined => {
      const u = acc.userByName(n);
      return u && { id: u.uid };
    };
    const group = (n: string): { id: number } | undefined => {
      const g = acc.groupByName(n);
      return g && { id: g.gid };
    };
    const excluded = values.get('exclude') ?? [];
    const files = operands.length ? operands : await confFiles(ctx, TMPFILES_DIRS);
    // every file is read before anything is created: one that cannot be read stops it all
    const texts: [string, string][] = [];
    for (const f of files) {
      try {
        texts.push([f, new TextDecoder().decode(await ctx.sys.readFile(f))]);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`Failed to ${e.errno === 'EISDIR' ? 'read' : 'open'} '${f}': ${strerror(e.errno)}\n`);
        return 1;
      }
    }
    let status = 0;
    for (const [f, text] of texts) {
      for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) continue;
        const [type = '', path = '', mode = '-', owner = '-', grp = '-', , ...arg] = line.split(/\s+/);
        if (excluded.some((p) => path.startsWith(p))) continue;
        const t = type.replace(/[!+-]/g, '');
        if (t.includes('!') && !flags.has('boot')) continue;
        const perm = mode === '-' ? (t === 'd' || t === 'D' ? 0o755 : 0o644) : parseInt(mode.replace(/^~/, ''), 8);
        const uid = idOf(owner, user);
        const gid = idOf(grp, group);
        try {
          if (t === 'd' || t === 'D') {
            // an existing directory gets the mode and owner the line asks for (tmpfiles.d(5))
            if (!(await exists(ctx, path))) await ctx.sys.mkdir(path, perm);
            await ctx.sys.chmod(path, perm);
            await ctx.sys.chown(path, uid, gid);
          } else if (t === 'f' && !(await exists(ctx, path))) {
            await ctx.sys.writeFile(path, arg.join(' '), { mode: perm });
            await ctx.sys.chown(path, uid, gid);
          } else if (t === 'L' && !(await exists(ctx, path))) {
            await ctx.sys.symlink(arg.join(' '), path);
          }
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.err.write(`${f}: Failed to create ${path}: ${e.message.replace(/^.*: /, '')}\n`);
          status = 73;
        }
      }
    }
    return status;
  },
});

export const sysctlApply = defineProgram({
  name: 'systemd-sysctl',
  installPath: '/usr/lib/systemd/systemd-sysctl',
  pkg: 'systemd',
  async main(ctx) {
    for (const f of await confFiles(ctx, SYSCTL_DIRS)) {
      const pid = await ctx.sys.spawn({ path: '/usr/sbin/sysctl', argv: ['sysctl', '-q', '-p', f], env: new Map(ctx.env) });
      await ctx.sys.wait(pid);
    }
    return 0;
  },
});

function quiet(name: string, pkg = 'systemd'): Program {
  return defineProgram({
    name,
    installPath: `/usr/lib/systemd/${name}`,
    pkg,
    async main(ctx) {
      if (name === 'systemd-random-seed' && ctx.argv[1] === 'save') {
        await ctx.sys.writeFile('/var/lib/systemd/random-seed', ctx.sys.randomBytes(512), { mode: 0o600 });
      }
      if (name === 'systemd-user-sessions' && ctx.argv[1] === 'start') {
        try {
          await ctx.sys.unlink('/run/nologin');
        } catch {
          // nothing to permit
        }
      }
      return 0;
    },
  });
}

export const randomSeed = quiet('systemd-random-seed');
export const updateUtmp = quiet('systemd-update-utmp');
export const userSessions = quiet('systemd-user-sessions');
export const networkGenerator = quiet('systemd-network-generator');
