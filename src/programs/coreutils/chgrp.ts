import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { CHOWN_OPTIONS, chownFiles, chownOperands, chownOptions, type Spec } from './chown-core';

const spec = {
  name: 'chgrp',
  installPath: '/usr/bin/chgrp',
  pkg: 'coreutils',
  usage: 'chgrp [OPTION]... GROUP FILE...\nchgrp [OPTION]... --reference=RFILE FILE...',
  help: `Change the group of each FILE to GROUP (a name or a number).
With --reference, use RFILE's group instead.

  -c, --changes          like verbose, but only for files that changed
  -f, --silent, --quiet  do not report most errors
  -v, --verbose          report every file processed
      --dereference      change what each symlink points to (the default)
  -h, --no-dereference   change symlinks themselves
      --no-preserve-root  do not treat '/' specially (the default)
      --preserve-root    refuse to work recursively on '/'
      --reference=RFILE  use RFILE's group
  -R, --recursive        work on directories and their contents
With -R: -H follows symlinks named on the command line, -L follows every
symlink to a directory, -P follows none (the default).
${HELP_LINES}
${coreutilsHelpFooter('chgrp')}`,
  version: coreutilsVersion('chgrp', ['David MacKenzie', 'Jim Meyering']),
  options: CHOWN_OPTIONS,
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const acc = await Accounts.load(ctx.sys);
    const o = await chownOptions(ctx, spec, args);
    if (typeof o === 'number') return o;
    const ops = await chownOperands(ctx, spec, args);
    if (typeof ops === 'number') return ops;
    let files = args.operands;
    let s: Spec;
    if (ops.reference !== undefined) {
      try {
        const st = await ctx.sys.stat(ops.reference);
        s = { uid: -1, gid: st.gid, user: undefined, group: acc.groupName(st.gid) ?? String(st.gid) };
      } catch (e) {
        await ctx.perror(e, `failed to get attributes of ${quoteaf(ops.reference)}`);
        return 1;
      }
    } else {
      const name = files[0]!;
      let gid = -1;
      if (name !== '') {
        const gr = acc.groupByName(name);
        if (gr) gid = gr.gid;
        else if (/^\s*\+?\d+$/.test(name) && Number(name) <= 0xfffffffe) gid = Number(name);
        else {
          await ctx.error(`invalid group: ${quote(name)}`);
          return 1;
        }
      }
      s = { uid: -1, gid, user: undefined, group: name };
      files = files.slice(1);
    }
    return (await chownFiles(ctx, acc, o, files, s)) ? 0 : 1;
  },
});
