// insmod (kmod 30): loads one module from its file, with no dependency handling (modprobe does that).
import { defineProgram } from '../define';
import { isSysError, strerror } from '../../shared/errno';
import { MODULE_BY_NAME } from '../../shared/kernel-modules';
import { insertModule, KMOD_VERSION, loadedModules } from './kmod-common';

export default defineProgram({
  name: 'insmod',
  installPath: '/usr/sbin/insmod',
  pkg: 'kmod',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '-h' || args[0] === '--help') {
      await ctx.print('Usage:\n\tinsmod [options] filename [args]\nOptions:\n\t-V, --version     show version\n\t-h, --help        show this help\n');
      return 0;
    }
    if (args[0] === '-V' || args[0] === '--version') {
      await ctx.print(KMOD_VERSION);
      return 0;
    }
    const file = args.find((a) => !a.startsWith('-'));
    if (!file) {
      await ctx.err.write('insmod: ERROR: missing filename.\n');
      return 1;
    }
    // reading the file fails to "load" it; the kernel refusing it fails to "insert" it
    const fail = async (why: string, verb = 'insert'): Promise<number> => {
      await ctx.err.write(`insmod: ERROR: could not ${verb} module ${file}: ${why}\n`);
      return 1;
    };
    try {
      await ctx.sys.stat(file);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail(strerror(e.errno), 'load');
    }
    // loading needs CAP_SYS_MODULE before the kernel looks at the file
    if (ctx.sys.geteuid() !== 0) return fail('Operation not permitted');
    // the module a .ko file of the index holds (any other file is not a module)
    const name = file.replace(/^.*\//, '').replace(/\.ko(\.xz|\.zst|\.gz)?$/, '');
    const info = MODULE_BY_NAME.get(name);
    if (!info || !/\.ko(\.xz|\.zst|\.gz)?$/.test(file)) return fail('Invalid module format');
    const loaded = await loadedModules(ctx);
    if (loaded.some((m) => m.name === name)) return fail('File exists');
    // insmod loads only this module: missing dependencies leave its symbols unknown
    if (info.depends.some((d) => !loaded.some((m) => m.name === d))) return fail('Unknown symbol in module');
    const err = await insertModule(ctx, name);
    return err ? fail(err) : 0;
  },
});
