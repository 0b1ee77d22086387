// systemd-tmpfiles (systemd 252): makes, ages and removes what tmpfiles.d lines describe, from
// the files named or from the tmpfiles.d directories (below --root=). Bad lines are reported
// and skipped, and the run ends with EX_DATAERR (65); a failed creation ends it with
// EX_CANTCREAT (73). Attributes, ACLs and extended attributes (h, a, t lines) are checked and
// left alone.
import { isSysError, strerror } from '../../../shared/errno';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { verbCatConfig } from '../analyze/cat-config';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from '../systemctl/help';
import { Applier } from './apply';
import { Config, type Options } from './config';
import { confFiles } from '../conf-files';

const EX_DATAERR = 65;
const EX_CANTCREAT = 73;
const CONF_DIRS = ['/etc/tmpfiles.d', '/run/tmpfiles.d', '/usr/local/lib/tmpfiles.d', '/usr/lib/tmpfiles.d'];

const HELP = `systemd-tmpfiles [OPTIONS...] [CONFIGURATION FILE...]

Make, remove and age the volatile files and directories that tmpfiles.d describes.

  -h --help                 Show this help
     --user                 Use the user's configuration
     --version              Show the version
     --cat-config           Print the configuration files
     --create               Make what the lines describe
     --clean                Remove what is older than a line's age
     --remove               Remove what r, R and D lines name
     --boot                 Also run the lines marked '!'
     --prefix=PATH          Only the lines whose path starts with PATH
     --exclude-prefix=PATH  Not the lines whose path starts with PATH
  -E                        Leave /dev, /proc, /run and /sys alone
     --root=PATH            Work below another root directory
     --image=PATH           Work on a disk image
     --replace=PATH         Read the arguments instead of the file PATH
     --no-pager             Do not use a pager

See the systemd-tmpfiles(8) man page for details.
`;


async function parseArgs(ctx: Ctx): Promise<Options | number> {
  const o: Options = { create: false, clean: false, remove: false, boot: false, catConfig: false, root: '', prefixes: [], excludes: [], files: [] };
  const args = ctx.argv.slice(1);
  const fail = async (m: string): Promise<number> => {
    await ctx.err.write(`${m}\n`);
    return 1;
  };
  const WITH_VALUE = ['prefix', 'exclude-prefix', 'root', 'image', 'replace'];
  const LONG = ['help', 'user', 'version', 'cat-config', 'create', 'clean', 'remove', 'boot', 'no-pager', ...WITH_VALUE];
  let user = false;
  let image: string | undefined;
  let replace: string | undefined;
  let rootSet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      o.files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = LONG.filter((l) => l.startsWith(name));
      const opt = LONG.includes(name) ? name : matches.length === 1 ? matches[0]! : undefined;
      if (!opt) return fail(matches.length > 1 ? `${ctx.name}: option '${a}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}` : `${ctx.name}: unrecognized option '${a}'`);
      let value: string | undefined;
      if (WITH_VALUE.includes(opt)) {
        value = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return fail(`${ctx.name}: option '--${opt}' requires an argument`);
      } else if (eq >= 0) return fail(`${ctx.name}: option '--${opt}' doesn't allow an argument`);
      switch (opt) {
        case 'help':
          await ctx.print(HELP);
          return 0;
        case 'version':
          await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
          return 0;
        case 'user': user = true; break;
        case 'create': o.create = true; break;
        case 'clean': o.clean = true; break;
        case 'remove': o.remove = true; break;
        case 'boot': o.boot = true; break;
        case 'cat-config': o.catConfig = true; break;
        case 'prefix': o.prefixes.push(value!); break;
        case 'exclude-prefix': o.excludes.push(value!); break;
        case 'image': image = value; break;
        case 'replace': replace = value; break;
        case 'root': {
          const abs = value!.startsWith('/') ? value! : `${ctx.sys.getcwd()}/${value}`;
          o.root = abs.replace(/\/+/g, '/').replace(/\/$/, '');
          rootSet = true;
          break;
        }
      }
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (const c of a.slice(1)) {
        if (c === 'h') {
          await ctx.print(HELP);
          return 0;
        }
        if (c === 'E') o.excludes.push('/dev', '/proc', '/run', '/sys');
        else return fail(`${ctx.name}: invalid option -- '${c}'`);
      }
      continue;
    }
    o.files.push(a);
  }
  if (!o.catConfig && !o.create && !o.clean && !o.remove) return fail('You need to specify at least one of --clean, --create or --remove.');
  if (replace !== undefined && !replace.endsWith('.conf')) return fail("The argument to --replace= must have the extension '.conf'.");
  if (rootSet && image !== undefined) return fail('Please specify either --root= or --image=, the combination of both is not supported.');
  if (user && (rootSet || image !== undefined)) return fail('Combination of --user and --root= is not supported.');
  if (image !== undefined) return fail(`Failed to mount image '${image}': No such file or directory`);
  return o;
}

/** A named file: absolute as written, a bare name looked for in the tmpfiles.d directories. */
async function openConfig(ctx: Ctx, o: Options, f: string): Promise<{ path: string; text: string } | string> {
  if (f === '-') return { path: '<stdin>', text: await ctx.readAll(0) };
  const candidates = f.startsWith('/') ? [f] : CONF_DIRS.map((d) => `${o.root}${d}/${f}`);
  for (const path of candidates) {
    try {
      return { path, text: new TextDecoder().decode(await ctx.sys.readFile(path)) };
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EISDIR') return `Failed to read '${path}': ${strerror(e.errno)}`;
      if (e.errno !== 'ENOENT' || f.startsWith('/')) return `Failed to open '${f}': ${strerror(e.errno)}`;
    }
  }
  return `Failed to open '${f}': No such file or directory`;
}

async function main(ctx: Ctx): Promise<number> {
  const o = await parseArgs(ctx);
  if (typeof o === 'number') return o;
  if (o.catConfig) return verbCatConfig(ctx, ['tmpfiles.d'], o.root || undefined);
  const config = new Config(ctx, o);
  // every file is read before anything is done: one that cannot be read stops it all
  const files = o.files.length > 0 ? o.files : await confFiles(ctx, CONF_DIRS, o.root);
  for (const f of files) {
    const r = await openConfig(ctx, o, f);
    if (typeof r === 'string') {
      await ctx.err.write(`${r}\n`);
      return 1;
    }
    await config.read(r.path, r.text);
  }
  const applier = new Applier(ctx, config, o.root);
  await applier.run();
  if (config.invalid) return EX_DATAERR;
  return applier.failed ? EX_CANTCREAT : 0;
}

export default defineProgram({
  name: 'systemd-tmpfiles',
  installPath: '/usr/bin/systemd-tmpfiles',
  pkg: 'systemd',
  tryHelp: false,
  main,
});
