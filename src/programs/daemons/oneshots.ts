// Short-lived programs that default units run at boot: systemd-networkd-wait-online (returns once
// the network is configured) and cloud-init's stages (nothing to do without a datasource).
import { defineProgram } from '../define';

export const waitOnline = defineProgram({
  name: 'systemd-networkd-wait-online',
  installPath: '/usr/lib/systemd/systemd-networkd-wait-online',
  pkg: 'systemd',
  async main() {
    return 0;
  },
});

export const cloudInit = defineProgram({
  name: 'cloud-init',
  installPath: '/usr/bin/cloud-init',
  pkg: 'cloud-init',
  async main(ctx) {
    const stage = ctx.argv.slice(1).filter((a) => !a.startsWith('-'))[0] ?? '';
    if (stage === 'init' || stage === 'modules') await ctx.print(`Cloud-init v. 23.4.4 running '${stage}' at ${new Date(ctx.sys.now()).toUTCString().replace('GMT', '+0000')}. Up ${(ctx.sys.uptime() / 1000).toFixed(2)} seconds.\n`);
    return 0;
  },
});
