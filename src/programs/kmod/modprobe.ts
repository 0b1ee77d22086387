// modprobe (kmod 30): loads a module and the modules it needs, or (-r) removes a module and
// the dependencies nothing else uses any more. Names are looked up in the kernel's module
// index; one built into the kernel is accepted with nothing to do (and cannot be removed).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { MODULE_BY_NAME, moduleName } from '../../shared/kernel-modules';
import { insertModule, KMOD_VERSION, loadedModules, lookup, removeModule } from './kmod-common';

const USAGE = `Usage:
\tmodprobe [options] [-i] [-b] modulename
\tmodprobe [options] -a [-i] [-b] modulename [modulename...]
\tmodprobe [options] -r [-i] modulename
\tmodprobe [options] -r -a [-i] modulename [modulename...]
\tmodprobe [options] -c
\tmodprobe [options] --dump-modversions filename
Management Options:
\t-a, --all                   Treat every name as a module to load (or remove with -r)
\t-r, --remove                Unload the modules instead of loading them
\t-n, --dry-run               Go through the motions without changing the kernel
\t-q, --quiet                 Say nothing about modules that cannot be found
\t-v, --verbose               Say what is being done
\t-V, --version               Print the version and exit
\t-h, --help                  Print this help and exit
`;

async function fatal(ctx: Ctx, text: string): Promise<number> {
  await ctx.err.write(`modprobe: FATAL: ${text}\n`);
  return 1;
}

export default defineProgram({
  name: 'modprobe',
  installPath: '/usr/sbin/modprobe',
  pkg: 'kmod',
  async main(ctx) {
    let remove = false;
    let all = false;
    let quiet = false;
    let dry = false;
    let verbose = false;
    const names: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (names.length && !all && !remove && !a.startsWith('-')) {
        names.push(a); // a parameter of the module (name=value)
        continue;
      }
      if (a === '-r' || a === '--remove') remove = true;
      else if (a === '-a' || a === '--all') all = true;
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-n' || a === '--dry-run' || a === '--show') dry = true;
      else if (a === '-v' || a === '--verbose') verbose = true;
      else if (a === '-b' || a === '-i' || a === '--use-blacklist' || a === '--ignore-install') continue;
      else if (a === '-h' || a === '--help') {
        await ctx.print(USAGE);
        return 0;
      } else if (a === '-V' || a === '--version') {
        await ctx.print(KMOD_VERSION);
        return 0;
      } else if (a.startsWith('-') && a !== '-') {
        await ctx.err.write(`modprobe: ERROR: unknown command line option '${a}'\n`);
        return 1;
      } else names.push(a);
    }
    if (!names.length) {
      await ctx.err.write('modprobe: ERROR: missing parameters. See -h.\n');
      return 1;
    }
    // without -a the words after the module name are its parameters
    const mods = all || remove ? names : names.slice(0, 1);
    const release = ctx.sys.uname().release;
    for (const raw of mods) {
      const found = lookup(raw);
      if (!found) {
        if (quiet) return 1;
        return fatal(ctx, remove ? `Module ${raw} not found.` : `Module ${raw} not found in directory /lib/modules/${release}`);
      }
      if (found.kind === 'builtin') {
        if (remove) return fatal(ctx, `Module ${raw} is builtin.`);
        continue;
      }
      const name = found.info.name;
      const loaded = await loadedModules(ctx);
      if (remove) {
        const mod = loaded.find((m) => m.name === name);
        if (!mod) continue; // nothing to do, as modprobe -r of an unloaded module says nothing
        if (mod.users.length) return fatal(ctx, `Module ${name} is in use.`);
        if (dry) continue;
        // the module, then each dependency no other module holds any more
        const order = [name];
        for (let i = 0; i < order.length; i++) for (const d of MODULE_BY_NAME.get(order[i]!)?.depends ?? []) if (!order.includes(d)) order.push(d);
        for (const n of order) {
          if (verbose) await ctx.print(`rmmod ${n}\n`);
          const err = await removeModule(ctx, n);
          if (err === 'EPERM') {
            await ctx.err.write(`modprobe: ERROR: could not remove '${moduleName(n)}': Operation not permitted\n`);
            return 1;
          }
          if (err && n === name) return fatal(ctx, `Module ${name} is in use.`);
        }
        continue;
      }
      if (loaded.some((m) => m.name === name)) continue;
      if (verbose) {
        const order: string[] = [];
        const visit = (n: string): void => {
          if (order.includes(n) || loaded.some((m) => m.name === n)) return;
          for (const d of MODULE_BY_NAME.get(n)?.depends ?? []) visit(d);
          order.push(n);
        };
        visit(name);
        for (const n of order) await ctx.print(`insmod /lib/modules/${release}/${MODULE_BY_NAME.get(n)!.path} \n`);
      }
      if (dry) continue;
      const err = await insertModule(ctx, name);
      if (err) {
        await ctx.err.write(`modprobe: ERROR: could not insert '${name}': ${err}\n`);
        return 1;
      }
    }
    return 0;
  },
});
