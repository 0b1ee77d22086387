// sysctl (procps-ng 4.0.4): read and write kernel parameters by dotted name (or a
// /proc/sys path with slashes). Values live in /run/sysctl.state (see sysctl-table.ts);
// kernel.hostname follows the real hostname. -p/--system apply configuration files.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { READ_ONLY, SYSCTL_DEFAULTS } from './sysctl-table';

export const STATE = '/run/sysctl.state';
const decoder = new TextDecoder();

export async function readState(ctx: Ctx): Promise<Map<string, string>> {
  const m = new Map(SYSCTL_DEFAULTS);
  try {
    for (const line of decoder.decode(await ctx.sys.readFile(STATE)).split('\n')) {
      const i = line.indexOf(' = ');
      if (i > 0) m.set(line.slice(0, i), line.slice(i + 3).replace(/\\t/g, '\t'));
    }
  } catch {
    // first use after boot: the defaults
  }
  m.set('kernel.hostname', ctx.sys.uname().nodename);
  return m;
}

async function writeState(ctx: Ctx, m: Map<string, string>): Promise<void> {
  const text = [...m].map(([k, v]) => `${k} = ${v.replace(/\t/g, '\\t')}`).join('\n');
  await ctx.sys.writeFile(STATE, `${text}\n`, { mode: 0o644 });
}

const HELP = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

interface Flags { names: boolean; values: boolean; quiet: boolean; ignore: boolean; binary: boolean; write: boolean }

export default defineProgram({
  name: 'sysctl',
  installPath: '/usr/sbin/sysctl',
  pkg: 'procps-ng',
  async main(ctx) {
    const f: Flags = { names: false, values: false, quiet: false, ignore: false, binary: false, write: false };
    let all = false;
    let pattern: RegExp | undefined;
    const files: string[] = [];
    let system = false;
    const items: string[] = [];
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        items.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('--')) {
        const [name, val] = a.slice(2).split(/=(.*)/s);
        if (name === 'all') all = true;
        else if (name === 'names') f.names = true;
        else if (name === 'values') f.values = true;
        else if (name === 'quiet') f.quiet = true;
        else if (name === 'ignore') f.ignore = true;
        else if (name === 'binary') f.binary = true;
        else if (name === 'write') f.write = true;
        else if (name === 'system') system = true;
        else if (name === 'load') files.push(val ?? '/etc/sysctl.conf');
        else if (name === 'pattern') pattern = new RegExp(val ?? args[++i] ?? '');
        else if (name === 'help') return ctx.print(HELP).then(() => 0);
        else if (name === 'version') return ctx.print('sysctl from procps-ng 4.0.4\n').then(() => 0);
        else if (name === 'deprecated') continue;
        else return ctx.err.write(`sysctl: unrecognized option '${a}'\n${HELP}`).then(() => 1);
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if ('aAX'.includes(c)) all = true;
          else if (c === 'n') f.values = true;
          else if (c === 'N') f.names = true;
          else if (c === 'q') f.quiet = true;
          else if (c === 'e') f.ignore = true;
          else if (c === 'b') f.binary = true;
          else if (c === 'w') f.write = true;
          else if (c === 'o' || c === 'x') continue;
          else if (c === 'p' || c === 'f') {
            const rest = a.slice(j + 1);
            files.push(rest || (args[i + 1] && !args[i + 1]!.startsWith('-') && !args[i + 1]!.includes('=') ? args[++i]! : '/etc/sysctl.conf'));
            break;
          } else if (c === 'r') {
            pattern = new RegExp(a.slice(j + 1) || args[++i] || '');
            break;
          } else if (c === 'h' || c === 'd') return ctx.print(HELP).then(() => 0);
          else if (c === 'V') return ctx.print('sysctl from procps-ng 4.0.4\n').then(() => 0);
          else return ctx.err.write(`sysctl: invalid option -- '${c}'\n${HELP}`).then(() => 1);
        }
        continue;
      }
      items.push(a);
    }
    const state = await readState(ctx);
    if (all || (!items.length && !files.length && !system && pattern)) {
      let out = '';
      for (const [k, v] of [...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (pattern && !pattern.test(k)) continue;
        out += f.names ? `${k}\n` : f.values ? `${v}\n` : `${k} = ${v}\n`;
      }
      await ctx.print(out);
      return 0;
    }
    if (system) {
      for (const dir of ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d']) {
        let names: string[] = [];
        try {
          names = (await ctx.sys.readdir(dir)).filter((n) => n.endsWith('.conf')).sort();
        } catch {
          continue;
        }
        for (const n of names) files.push(`${dir}/${n}`);
      }
      files.push('/etc/sysctl.conf');
    }
    let rc = 0;
    for (const file of files) {
      let text: string;
      try {
        text = decoder.decode(await ctx.sys.readFile(file));
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (system && e.errno === 'ENOENT') continue;
        await ctx.err.write(`sysctl: cannot open "${file}": ${e.errno === 'ENOENT' ? 'No such file or directory' : 'Permission denied'}\n`);
        rc = 255;
        continue;
      }
      if (system) await ctx.print(`* Applying ${file} ...\n`);
      for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#') || line.startsWith(';')) continue;
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        const key = line.slice(0, eq).trim().replace(/^-/, '');
        const r = await setOne(ctx, state, key, line.slice(eq + 1).trim(), f, line.startsWith('-'));
        if (r) rc = r;
      }
    }
    if (!items.length && !files.length) return ctx.err.write(`sysctl: no variables specified\n${HELP}`).then(() => 1);
    for (const item of items) {
      const eq = item.indexOf('=');
      if (eq >= 0) {
        const r = await setOne(ctx, state, item.slice(0, eq), item.slice(eq + 1), f, false);
        if (r) rc = r;
        continue;
      }
      if (f.write) {
        await ctx.err.write(`sysctl: "${item}" must be of the form name=value\n`);
        rc = 1;
        continue;
      }
      const key = item.replace(/\//g, '.').replace(/^\.+/, '');
      const v = state.get(key);
      if (v === undefined) {
        if (!f.ignore) {
          await ctx.err.write(`sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`);
          rc = 1;
        }
        continue;
      }
      await ctx.print(f.names ? `${key}\n` : f.values ? (f.binary ? v : `${v}\n`) : `${key} = ${v}\n`);
    }
    return rc;
  },
});

async function setOne(ctx: Ctx, state: Map<string, string>, rawKey: string, value: string, f: Flags, ignoreMissing: boolean): Promise<number> {
  const key = rawKey.trim().replace(/\//g, '.');
  const path = `/proc/sys/${key.replace(/\./g, '/')}`;
  if (!state.has(key)) {
    if (f.ignore || ignoreMissing) return 0;
    await ctx.err.write(`sysctl: cannot stat ${path}: No such file or directory\n`);
    return 1;
  }
  if (READ_ONLY.has(key) || ctx.sys.geteuid() !== 0) {
    await ctx.err.write(`sysctl: permission denied on key "${key}"\n`);
    return 1;
  }
  const v = value.trim().replace(/\s+/g, '\t');
  if (key === 'kernel.hostname') ctx.sys.sethostname(v);
  state.set(key, v);
  if (key === 'net.ipv4.ip_forward') for (const k of state.keys()) if (/^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(k)) state.set(k, v);
  await writeState(ctx, state);
  if (!f.quiet) await ctx.print(f.values ? `${v}\n` : `${key} = ${v}\n`);
  return 0;
}
