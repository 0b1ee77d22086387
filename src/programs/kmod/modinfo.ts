// modinfo (kmod 30): what the module index says of a module: its file, description, author,
// licence, dependencies and the kernel it was built for; -F (or -a -d -l -n) one field only.
import { defineProgram } from '../define';
import { MODULE_BY_NAME } from '../../shared/kernel-modules';
import { KMOD_VERSION, lookup } from './kmod-common';

const HELP = `Usage:
\tmodinfo [options] <modulename|filename> [args]
Options:
\t-a, --author                Print only 'author'
\t-d, --description           Print only 'description'
\t-l, --license               Print only 'license'
\t-p, --parameters            Print only 'parm'
\t-n, --filename              Print only 'filename'
\t-0, --null                  Use \\0 instead of \\n
\t-m, --modname               Handle argument as module name instead of alias or filename
\t-F, --field=FIELD           Print only provided FIELD
\t-k, --set-version=VERSION   Use VERSION instead of \`uname -r\`
\t-b, --basedir=DIR           Use DIR as filesystem root for /lib/modules
\t-V, --version               Show version
\t-h, --help                  Show this help
`;

const SHORT: Record<string, string> = { '-a': 'author', '--author': 'author', '-d': 'description', '--description': 'description', '-l': 'license', '--license': 'license', '-p': 'parm', '--parameters': 'parm', '-n': 'filename', '--filename': 'filename' };

export default defineProgram({
  name: 'modinfo',
  installPath: '/usr/sbin/modinfo',
  pkg: 'kmod',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let field: string | undefined;
    let end = '\n';
    let release = ctx.sys.uname().release;
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-h' || a === '--help') {
        await ctx.print(HELP);
        return 0;
      }
      if (a === '-V' || a === '--version') {
        await ctx.print(KMOD_VERSION);
        return 0;
      }
      if (Object.hasOwn(SHORT, a)) field = SHORT[a];
      else if (a === '-0' || a === '--null') end = '\0';
      else if (a === '-m' || a === '--modname') continue;
      else if (a === '-F' || a === '--field' || a === '-k' || a === '--set-version' || a === '-b' || a === '--basedir') {
        const v = args[++i];
        if (v === undefined) {
          await ctx.err.write(`modinfo: option requires an argument -- '${a.replace(/^-+/, '').charAt(0)}'\nmodinfo: ERROR: unexpected getopt_long() value '?'.\n`);
          return 1;
        }
        if (a === '-F' || a === '--field') field = v;
        else if (a === '-k' || a === '--set-version') release = v;
      } else if (a.startsWith('--field=')) field = a.slice(8);
      else if (a.startsWith('-F') && a.length > 2) field = a.slice(2);
      else if (a.startsWith('-') && a !== '-') {
        await ctx.err.write(`modinfo: ERROR: unexpected getopt_long() value '${a.startsWith('--') ? '?' : a[1]}'.\n`);
        return 1;
      } else names.push(a);
    }
    if (!names.length) {
      await ctx.err.write('modinfo: ERROR: missing module or filename.\n');
      return 1;
    }
    let status = 0;
    for (const raw of names) {
      const found = lookup(raw.replace(/^.*\//, '').replace(/\.ko(\.xz|\.zst|\.gz)?$/, ''));
      if (!found || (raw.includes('/') && found.kind === 'builtin')) {
        await ctx.err.write(`modinfo: ERROR: Module ${raw} not found.\n`);
        status = 1;
        continue;
      }
      const rows: [string, string][] = [];
      if (found.kind === 'builtin') rows.push(['name', found.name], ['filename', '(builtin)'], ['license', 'GPL']);
      else {
        const m = found.info;
        rows.push(['filename', `/lib/modules/${release}/${m.path}`], ['description', m.description]);
        if (m.author) rows.push(['author', m.author]);
        rows.push(['license', m.license], ['depends', m.depends.filter((d) => MODULE_BY_NAME.has(d)).join(',')], ['retpoline', 'Y'], ['intree', 'Y'], ['name', m.name], ['vermagic', `${release} SMP mod_unload modversions `]);
      }
      if (field !== undefined) {
        for (const [k, v] of rows) if (k === field) await ctx.print(`${v}${end}`);
      } else for (const [k, v] of rows) await ctx.print(`${`${k}:`.padEnd(16)}${v}${end}`);
    }
    return status;
  },
});
