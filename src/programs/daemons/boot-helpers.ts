// systemd's small boot-time helpers that default units run: systemd-sysctl (applies sysctl.d),
// and the bookkeeping ones (random seed, utmp, user sessions, network generator) which have
// nothing to say here. systemd-tmpfiles has its own module (systemd/tmpfiles).
import { defineProgram, type Program } from '../define';
import { confFiles } from '../systemd/conf-files';

const SYSCTL_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/lib/sysctl.d'];

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
