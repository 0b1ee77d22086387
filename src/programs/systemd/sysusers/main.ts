// systemd-sysusers (systemd 252): creates the system users and groups sysusers.d describes,
// from the files named, the --inline lines or the sysusers.d directories (below --root=).
// A bad line in a file is reported and skipped; in --inline it stops the run (status 1).
import { isSysError, strerror } from '../../../shared/errno';
import { defineProgram } from '../../define';
import { GetoptError, getopt, type OptionDef } from '../../lib/getopt';
import type { Ctx } from '../../lib/context';
import { verbCatConfig } from '../analyze/cat-config';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from '../systemctl/help';
import { AccountsWriter } from './accounts';
import { SysusersConfig } from './config';
import { confFiles } from '../conf-files';

const CONF_DIRS = ['/etc/sysusers.d', '/run/sysusers.d', '/usr/local/lib/sysusers.d', '/usr/lib/sysusers.d'];

const HELP = `systemd-sysusers [OPTIONS...] [CONFIGURATION FILE...]

Creates system user accounts.

  -h --help                 Show this help
     --version              Show package version
     --cat-config           Show configuration files
     --root=PATH            Operate on an alternate filesystem root
     --image=PATH           Operate on disk image as filesystem root
     --replace=PATH         Treat arguments as replacement for PATH
     --dry-run              Just print what would be done
     --inline               Treat arguments as configuration lines
     --no-pager             Do not pipe output into a pager

See the systemd-sysusers.service(8) man page for details.
`;

const R = 'required' as const;
const OPTIONS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'cat-config', long: 'cat-config' },
  { key: 'root', long: 'root', arg: R }, { key: 'image', long: 'image', arg: R }, { key: 'replace', long: 'replace', arg: R },
  { key: 'dry-run', long: 'dry-run' }, { key: 'inline', long: 'inline' }, { key: 'no-pager', long: 'no-pager' },
];


/** A named file: absolute as written, a bare name looked for in the sysusers.d directories. */
async function readNamed(ctx: Ctx, root: string, f: string): Promise<{ path: string; text: string } | string> {
  if (f === '-') return { path: '<stdin>', text: await ctx.readAll(0) };
  const candidates = f.startsWith('/') ? [f] : CONF_DIRS.map((d) => `${root}${d}/${f}`);
  for (const path of candidates) {
    try {
      return { path, text: new TextDecoder().decode(await ctx.sys.readFile(path)) };
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno !== 'ENOENT' || f.startsWith('/')) return `Failed to open '${f}', ignoring: ${strerror(e.errno)}`;
    }
  }
  return `Failed to open '${f}', ignoring: No such file or directory`;
}

async function main(ctx: Ctx): Promise<number> {
  let p;
  try {
    p = getopt(ctx.argv.slice(1), OPTIONS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`${ctx.name}: ${e.message}\n`);
    return 1;
  }
  let root = '';
  for (const { key, value } of p.order) {
    if (key === 'help') {
      await ctx.print(HELP);
      return 0;
    }
    if (key === 'version') {
      await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
      return 0;
    }
    if (key === 'root') {
      const abs = value!.startsWith('/') ? value! : `${ctx.sys.getcwd()}/${value}`;
      root = abs.replace(/\/+/g, '/').replace(/\/$/, '');
    }
  }
  const fail = async (m: string): Promise<number> => {
    await ctx.err.write(`${m}\n`);
    return 1;
  };
  const replace = p.values.get('replace')?.at(-1);
  if (replace !== undefined && !replace.endsWith('.conf')) return fail("The argument to --replace= must have the extension '.conf'.");
  if (replace !== undefined && p.operands.length === 0) return fail('When --replace= is given, some configuration items must be specified');
  if (p.values.has('root') && p.values.has('image')) return fail('Please specify either --root= or --image=, the combination of both is not supported.');
  if (p.values.has('image')) return fail(`Failed to mount image '${p.values.get('image')!.at(-1)}': No such file or directory`);
  if (p.flags.has('cat-config')) return verbCatConfig(ctx, ['sysusers.d'], root || undefined);
  const host = ctx.sys.uname().nodename;
  const specifier = (s: string): string | undefined => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== '%') out += s[i];
      else {
        const c = s[++i];
        if (c === '%') out += '%';
        else if (c === 'H') out += host;
        else if (c === 'l') out += host.split('.')[0];
        else if (c === 'a') out += 'x86-64';
        else return undefined;
      }
    }
    return out;
  };
  const config = new SysusersConfig(specifier);
  if (p.flags.has('inline')) {
    for (const line of p.operands) {
      const why = line.trim() === '' || line.trim().startsWith('#') ? undefined : config.parseLine(line.trim());
      if (why !== undefined) return fail(`(argument):1: ${why}`);
    }
  } else {
    const files = p.operands.length > 0 ? p.operands : await confFiles(ctx, CONF_DIRS, root);
    for (const f of files) {
      const r = await readNamed(ctx, root, f);
      if (typeof r === 'string') return fail(r);
      const lines = r.text.split('\n');
      let bad = false;
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!.trim();
        if (l === '' || l.startsWith('#')) continue;
        const why = config.parseLine(l);
        if (why === undefined) continue;
        await ctx.err.write(`${r.path}:${i + 1}: ${why}\n`);
        bad = true;
      }
      // a file named on the command line must be right; those found in the directories are forgiven
      if (bad && p.operands.length > 0) return 1;
    }
  }
  const writer = new AccountsWriter(ctx, root, config);
  if (!p.flags.has('dry-run')) {
    const why = await writer.lock();
    if (why !== undefined) return fail(why);
  }
  await writer.load();
  await writer.run(p.flags.has('dry-run'));
  return 0;
}

export default defineProgram({ name: 'systemd-sysusers', installPath: '/usr/bin/systemd-sysusers', pkg: 'systemd', main });
