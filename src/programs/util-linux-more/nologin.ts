// nologin (util-linux 2.38): the shell of accounts that must not log in. It prints
// /etc/nologin.txt when that is a regular file, else a fixed refusal, and always fails; the
// options a shell is commonly run with are accepted and ignored. Even --help and --version
// end with status 1.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { tryHelp, utilLinuxHelp, utilLinuxVersion } from './common';

const R = 'required' as const;
const OPTIONS = [
  { key: 'c', short: 'c', long: 'command', arg: R }, { key: 'x', long: 'init-file', arg: R },
  { key: 'i', short: 'i', long: 'interactive' }, { key: 'l', short: 'l', long: 'login' },
  { key: 'x', long: 'noprofile' }, { key: 'x', long: 'norc' }, { key: 'x', long: 'posix' },
  { key: 'x', long: 'rcfile', arg: R }, { key: 'r', short: 'r', long: 'restricted' },
  { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
];

export default defineProgram({
  name: 'nologin',
  installPath: '/usr/sbin/nologin',
  pkg: 'util-linux',
  async main(ctx) {
    let order;
    try {
      order = getopt(ctx.argv.slice(1), OPTIONS).order;
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`nologin: ${e.message}\n`);
      return tryHelp(ctx);
    }
    for (const { key } of order) {
      if (key === 'h') {
        await ctx.print(utilLinuxHelp('nologin', ['nologin [options]'], 'Politely refuse a login.', [' -c, --command <command>  does nothing (for compatibility with su -c)'], 26).replace('nologin(1)', 'nologin(8)'));
        return 1;
      }
      if (key === 'V') {
        await ctx.print(`${utilLinuxVersion('nologin')}\n`);
        return 1;
      }
    }
    const sys = ctx.sys;
    try {
      const st = await sys.stat('/etc/nologin.txt');
      if ((st.mode & 0o170000) === 0o100000) {
        await ctx.print(new TextDecoder().decode(await sys.readFile('/etc/nologin.txt')));
        return 1;
      }
    } catch {
      // no message of the site's own
    }
    await ctx.print('This account is currently not available.\n');
    return 1;
  },
});
