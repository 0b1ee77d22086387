// systemd-path (systemd 253, src/path/path.c): prints the well-known directories of this
// machine (Photon OS: merged /usr, libdir /usr/lib) and of the calling user. With no names it
// lists every entry as "name: value"; with names, only the values. Search lists are
// colon-separated and the --suffix is joined to each member.
import type { OptionDef } from '../lib/getopt';
import { parseArgsInOrder, reportBad } from './ctl/common';
import type { Ctx } from '../lib/context';
import { defineProgram } from '../define';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from './systemctl/help';

const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' },
  { key: 'version', long: 'version' },
  { key: 'suffix', long: 'suffix', arg: 'required' },
];

const TUPLE = 'x86_64-linux-gnu';

function help(name: string): string {
  return `${name} [OPTIONS...] [NAME...]

Show system and user paths.

  -h --help             Show this help
     --version          Show package version
     --suffix=SUFFIX    Suffix to append to paths

See the systemd-path(1) man page for details.
`;
}

/** path_join(): one slash between the parts, whatever they bring. */
function join(a: string, b: string): string {
  if (b === '') return a;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}

/** An environment variable that holds an absolute path, or undefined. */
function absEnv(ctx: Ctx, name: string): string | undefined {
  const v = ctx.env.get(name);
  return v !== undefined && v.startsWith('/') ? v : undefined;
}

async function isDir(ctx: Ctx, p: string): Promise<boolean> {
  try {
    return (await ctx.sys.stat(p)).kind === 'dir';
  } catch {
    return false;
  }
}

/** Every entry, in the order systemd-path lists them; a value is one path or a search list. */
async function table(ctx: Ctx): Promise<[string, string | string[]][]> {
  // tmp_dir(): $TMPDIR (then $TEMP, $TMP) when it names an existing directory
  let tmp: string | undefined;
  let large: string | undefined;
  for (const v of ['TMPDIR', 'TEMP', 'TMP']) {
    const p = absEnv(ctx, v);
    if (p !== undefined && (await isDir(ctx, p))) {
      tmp = large = p;
      break;
    }
  }
  const home = ctx.env.get('HOME') || '/root';
  const config = absEnv(ctx, 'XDG_CONFIG_HOME') ?? `${home}/.config`;
  const data = absEnv(ctx, 'XDG_DATA_HOME') ?? `${home}/.local/share`;
  const cache = absEnv(ctx, 'XDG_CACHE_HOME') ?? `${home}/.cache`;
  const dataDirs = (ctx.env.get('XDG_DATA_DIRS') || '/usr/local/share:/usr/share').split(':').filter((d) => d.startsWith('/'));
  const configDirs = (ctx.env.get('XDG_CONFIG_DIRS') || '/etc/xdg').split(':').filter((d) => d.startsWith('/'));
  const path = (ctx.env.get('PATH') ?? '').split(':').filter(Boolean);
  const searchConfig = ctx.env.get('XDG_CONFIG_DIRS') ? [config, ...configDirs] : [config, '/etc'];
  return [
    ['temporary', tmp ?? '/tmp'],
    ['temporary-large', large ?? '/var/tmp'],
    ['system-binaries', '/usr/bin'],
    ['system-include', '/usr/include'],
    ['system-library-private', '/usr/lib'],
    ['system-library-arch', '/usr/lib'],
    ['system-shared', '/usr/share'],
    ['system-configuration-factory', '/usr/share/factory/etc'],
    ['system-state-factory', '/usr/share/factory/var'],
    ['system-configuration', '/etc'],
    ['system-runtime', '/run'],
    ['system-runtime-logs', '/run/log'],
    ['system-state-private', '/var/lib'],
    ['system-state-logs', '/var/log'],
    ['system-state-cache', '/var/cache'],
    ['system-state-spool', '/var/spool'],
    ['user-binaries', `${home}/.local/bin`],
    ['user-library-private', `${home}/.local/lib`],
    ['user-library-arch', `${home}/.local/lib/${TUPLE}`],
    ['user-shared', data],
    ['user-configuration', config],
    ['user-state-cache', cache],
    ['user', home],
    ['user-documents', home],
    ['user-music', home],
    ['user-pictures', home],
    ['user-videos', home],
    ['user-download', home],
    ['user-public', home],
    ['user-templates', home],
    ['user-desktop', `${home}/Desktop`],
    ['search-binaries', path],
    ['search-binaries-default', ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin']],
    ['search-library-private', [`${home}/.local/lib`, '/usr/local/lib', '/usr/lib']],
    ['search-library-arch', [`${home}/.local/lib/${TUPLE}`, `/usr/lib/${TUPLE}`, '/usr/lib']],
    ['search-shared', [data, ...dataDirs]],
    ['search-configuration-factory', ['/usr/local/share/factory/etc', '/usr/share/factory/etc']],
    ['search-state-factory', ['/usr/local/share/factory/var', '/usr/share/factory/var']],
    ['search-configuration', searchConfig],
    ['systemd-util', '/usr/lib/systemd'],
    ['systemd-system-unit', '/usr/lib/systemd/system'],
    ['systemd-system-preset', '/usr/lib/systemd/system-preset'],
    ['systemd-system-conf', '/etc/systemd/system'],
    ['systemd-user-unit', '/usr/lib/systemd/user'],
    ['systemd-user-preset', '/usr/lib/systemd/user-preset'],
    ['systemd-user-conf', '/etc/systemd/user'],
    ['systemd-search-system-unit', [
      '/etc/systemd/system.control', '/run/systemd/system.control', '/run/systemd/transient', '/run/systemd/generator.early',
      '/etc/systemd/system', '/etc/systemd/system.attached', '/run/systemd/system', '/run/systemd/system.attached',
      '/run/systemd/generator', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/run/systemd/generator.late',
    ]],
    ['systemd-search-user-unit', [
      `${config}/systemd/user.control`, `${config}/systemd/user`, ...configDirs.map((d) => `${d}/systemd/user`), '/etc/systemd/user',
      '/run/systemd/user', `${data}/systemd/user`, ...dataDirs.map((d) => `${d}/systemd/user`), '/usr/local/lib/systemd/user', '/usr/lib/systemd/user',
    ]],
    ['systemd-system-generator', '/usr/lib/systemd/system-generators'],
    ['systemd-user-generator', '/usr/lib/systemd/user-generators'],
    ['systemd-search-system-generator', ['/run/systemd/system-generators', '/etc/systemd/system-generators', '/usr/local/lib/systemd/system-generators', '/usr/lib/systemd/system-generators']],
    ['systemd-search-user-generator', ['/run/systemd/user-generators', '/etc/systemd/user-generators', '/usr/local/lib/systemd/user-generators', '/usr/lib/systemd/user-generators']],
    ['systemd-sleep', '/usr/lib/systemd/system-sleep'],
    ['systemd-shutdown', '/usr/lib/systemd/system-shutdown'],
    ['tmpfiles', '/usr/lib/tmpfiles.d'],
    ['sysusers', '/usr/lib/sysusers.d'],
    ['sysctl', '/usr/lib/sysctl.d'],
    ['binfmt', '/usr/lib/binfmt.d'],
    ['modules-load', '/usr/lib/modules-load.d'],
    ['catalog', '/usr/lib/systemd/catalog'],
    ['systemd-search-network', ['/etc/systemd/network', '/run/systemd/network', '/usr/local/lib/systemd/network', '/usr/lib/systemd/network']],
  ];
}

export default defineProgram({
  name: 'systemd-path',
  installPath: '/usr/bin/systemd-path',
  pkg: 'systemd',
  async main(ctx) {
    const parsed = parseArgsInOrder(ctx, DEFS);
    let suffix = '';
    for (const { key, value } of parsed.order) {
      if (key === 'help') {
        await ctx.print(help(ctx.name));
        return 0;
      }
      if (key === 'version') {
        await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
        return 0;
      }
      if (key === 'suffix') suffix = value ?? '';
    }
    if (await reportBad(ctx, parsed)) return 1;
    const entries = await table(ctx);
    const show = (v: string | string[]): string => (typeof v === 'string' ? join(v, suffix) : v.map((p) => join(p, suffix)).join(':'));
    // stdout is a buffered stream in the real tool: the errors come out first
    let out = '';
    let rc = 0;
    if (parsed.operands.length === 0) {
      for (const [name, v] of entries) out += `${name}: ${show(v)}\n`;
    } else {
      const byName = new Map(entries);
      for (const name of parsed.operands) {
        const v = byName.get(name);
        if (v === undefined) {
          await ctx.err.write(`Path ${name} not known.\n`);
          rc = 1;
          continue;
        }
        out += `${show(v)}\n`;
      }
    }
    await ctx.print(out);
    return rc;
  },
});
