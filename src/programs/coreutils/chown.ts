import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { CHOWN_OPTIONS, chownFiles, chownOperands, chownOptions, parseUserSpec, type Spec } from './chown-core';

const spec = {
  name: 'chown',
  installPath: '/usr/bin/chown',
  pkg: 'coreutils',
  usage: 'chown [OPTION]... [OWNER][:[GROUP]] FILE...\nchown [OPTION]... --reference=RFILE FILE...',
  help: `Change the owner and/or group of each FILE to OWNER and/or GROUP.
With --reference, use RFILE's owner and group instead.

  -c, --changes          like verbose, but only for files that changed
  -f, --silent, --quiet  do not report most errors
  -v, --verbose          report every file processed
      --dereference      change what each symlink points to (the default)
  -h, --no-dereference   change symlinks themselves
      --from=CURRENT_OWNER:CURRENT_GROUP
                         only change files owned by that owner and/or group
      --no-preserve-root  do not treat '/' specially (the default)
      --preserve-root    refuse to work recursively on '/'
      --reference=RFILE  use RFILE's owner and group
  -R, --recursive        work on directories and their contents
With -R: -H follows symlinks named on the command line, -L follows every
symlink to a directory, -P follows none (the default).
${HELP_LINES}

OWNER and GROUP may be names or numbers. 'OWNER:' means OWNER's login group;
':GROUP' changes the group only.
${coreutilsHelpFooter('chown')}`,
  version: coreutilsVersion('chown', ['David MacKenzie', 'Jim Meyering']),
  options: [...CHOWN_OPTIONS, { key: 'from', long: 'from', arg: 'required' as const }],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const acc = await Accounts.load(ctx.sys);
    const o = await chownOptions(ctx, spec, args);
    if (typeof o === 'number') return o;
    const from = lastValue(args, 'from');
    if (from !== undefined) {
      const r = parseUserSpec(acc, from);
      if ('error' in r || r.warning) {
        await ctx.error(`${'error' in r ? r.error : r.warning}: ${quote(from)}`);
        if ('error' in r) return 1;
      }
      if ('spec' in r) [o.requiredUid, o.requiredGid] = [r.spec.uid, r.spec.gid];
    }
    const ops = await chownOperands(ctx, spec, args);
    if (typeof ops === 'number') return ops;
    let files = args.operands;
    let s: Spec;
    if (ops.reference !== undefined) {
      try {
        const st = await ctx.sys.stat(ops.reference);
        s = { uid: st.uid, gid: st.gid, user: acc.userName(st.uid) ?? String(st.uid), group: acc.groupName(st.gid) ?? String(st.gid) };
      } catch (e) {
        await ctx.perror(e, `failed to get attributes of ${quoteaf(ops.reference)}`);
        return 1;
      }
    } else {
      const r = parseUserSpec(acc, files[0]!);
      if ('error' in r) {
        await ctx.error(`${r.error}: ${quote(files[0]!)}`);
        return 1;
      }
      if (r.warning) await ctx.error(`${r.warning}: ${quote(files[0]!)}`);
      s = { ...r.spec };
      if (s.user === undefined && s.group !== undefined) s.user = '';
      files = files.slice(1);
    }
    return (await chownFiles(ctx, acc, o, files, s)) ? 0 : 1;
  },
});
