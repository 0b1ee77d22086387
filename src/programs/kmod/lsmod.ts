// lsmod (kmod 30): /proc/modules as a table: name, size, and how many modules use each and which.
import { defineProgram } from '../define';

export default defineProgram({
  name: 'lsmod',
  installPath: '/usr/sbin/lsmod',
  pkg: 'kmod',
  async main(ctx) {
    if (ctx.argv.length > 1) {
      await ctx.err.write('Usage: lsmod\n');
      return 1;
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await ctx.sys.readFile('/proc/modules'));
    } catch {
      await ctx.err.write('libkmod: ERROR ../libkmod/libkmod-module.c:1725 kmod_module_new_from_loaded: could not open /proc/modules: No such file or directory\nError: could not get list of modules: No such file or directory\n');
      return 1;
    }
    let out = 'Module                  Size  Used by\n';
    for (const line of text.split('\n')) {
      const [name, size, refs, users] = line.split(' ');
      if (!name || size === undefined) continue;
      const holders = users && users !== '-' ? users.replace(/,$/, '') : '';
      out += `${name.padEnd(19)} ${size.padStart(8)}  ${refs}${holders ? ` ${holders}` : ''}\n`;
    }
    await ctx.print(out);
    return 0;
  },
});
