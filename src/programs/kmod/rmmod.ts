// rmmod (kmod 30): removes loaded modules by name (or by the path of their .ko file).
import { defineProgram } from '../define';
import { moduleName } from '../../shared/kernel-modules';
import { KMOD_VERSION, loadedModules, lookup, removeModule } from './kmod-common';

const HELP = `Usage:
\trmmod [options] modulename ...
Options:
\t-f, --force       forces a module unload and may crash your
\t                  machine. This requires Forced Module Removal
\t                  option in your kernel. DANGEROUS
\t-s, --syslog      print to syslog, not stderr
\t-v, --verbose     enables more messages
\t-V, --version     show version
\t-h, --help        show this help
`;

export default defineProgram({
  name: 'rmmod',
  installPath: '/usr/sbin/rmmod',
  pkg: 'kmod',
  async main(ctx) {
    const names: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (a === '-h' || a === '--help') {
        await ctx.print(HELP);
        return 0;
      }
      if (a === '-V' || a === '--version') {
        await ctx.print(KMOD_VERSION);
        return 0;
      }
      if (['-f', '--force', '-s', '--syslog', '-v', '--verbose'].includes(a)) continue;
      if (a.startsWith('-') && a !== '-') {
        await ctx.err.write(`rmmod: ERROR: unexpected getopt_long() value '${a.startsWith('--') ? '?' : a[1]}'.\n`);
        return 1;
      }
      names.push(a);
    }
    if (!names.length) {
      await ctx.err.write('rmmod: ERROR: missing module name.\n');
      return 1;
    }
    let status = 0;
    for (const raw of names) {
      // a path names the module its file holds
      const name = moduleName(raw.replace(/^.*\//, '').replace(/\.ko(\.xz|\.zst|\.gz)?$/, ''));
      const found = lookup(name);
      if (found?.kind === 'builtin') {
        await ctx.err.write(`rmmod: ERROR: Module ${name} is builtin.\n`);
        status = 1;
        continue;
      }
      const mod = (await loadedModules(ctx)).find((m) => m.name === name);
      if (!mod) {
        await ctx.err.write(`rmmod: ERROR: Module ${name} is not currently loaded\n`);
        status = 1;
        continue;
      }
      if (mod.users.length) {
        await ctx.err.write(`rmmod: ERROR: Module ${name} is in use by: ${mod.users.join(' ')}\n`);
        status = 1;
        continue;
      }
      const err = await removeModule(ctx, name);
      if (err) {
        await ctx.err.write(`rmmod: ERROR: could not remove module ${raw}: ${err === 'EPERM' ? 'Operation not permitted' : err === 'EBUSY' ? 'Device or resource busy' : 'No such file or directory'}\n`);
        status = 1;
      }
    }
    return status;
  },
});
