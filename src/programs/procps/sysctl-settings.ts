// sysctl's work on /proc/sys (procps-ng 4.0): reading a key (a directory key lists what is
// below it), writing one, and loading configuration files, whose settings are all parsed
// first and then written in order, globs expanded over /proc/sys.
import type { SafeRegExp } from '../lib/safe-regex';
import { isSysError, strerror, type SysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { compileFnmatch } from '../lib/fnmatch';

export const PROC_SYS = '/proc/sys/';
const decoder = new TextDecoder();
// keys -a leaves out unless --deprecated
const DEPRECATED = new Set(['base_reachable_time', 'retrans_time']);

/**
 * xwarnx: procps names itself by its short name, however it was run; as glibc's error() it
 * flushes what is already on stdout first, so with 2>&1 messages fall between the values.
 */
export async function warn(ctx: Ctx, message: string): Promise<void> {
  await ctx.out.flush();
  await ctx.err.write(`sysctl: ${message}\n`);
}

export interface SysctlState {
  nameOnly: boolean;
  printName: boolean;
  printNewline: boolean;
  ignoreError: boolean;
  quiet: boolean;
  dryRun: boolean;
  ignoreDeprecated: boolean;
  pattern: SafeRegExp | undefined;
}

export interface Setting {
  key: string;
  path: string;
  value: string | undefined;
  ignoreFailure: boolean;
  globExclude: boolean;
}

/** slashdot: a key's separators become the other kind, unless the key already uses `to`. */
function slashdot(s: string, from: string, to: string): string {
  const first = /[./]/.exec(s);
  if (!first || first[0] === to) return s;
  return s.replace(/[./]/g, (c) => (c === from ? to : from));
}

export function keyPath(key: string): string {
  return PROC_SYS + slashdot(key.replace(/^-/, ''), '.', '/');
}

async function statOf(ctx: Ctx, path: string): Promise<{ mode: number; dir: boolean } | SysError> {
  try {
    const st = await ctx.sys.stat(path);
    return { mode: st.mode, dir: st.kind === 'dir' };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e;
  }
}

/** is_proc_path: the resolved path must stay under /proc/sys. */
async function underProcSys(ctx: Ctx, path: string): Promise<boolean> {
  let real: string;
  try {
    real = await ctx.sys.realpath(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
  if (`${real}/`.startsWith(PROC_SYS) && real.length >= PROC_SYS.length) return true;
  await warn(ctx, `Path is not under ${PROC_SYS}: ${path}`);
  return false;
}

/** ReadSetting: prints one key (or every key below a directory); the status to add up. */
export async function readSetting(ctx: Ctx, st: SysctlState, name: string): Promise<number> {
  if (name === '') {
    await warn(ctx, '"" is an unknown key');
    return -1;
  }
  const path = PROC_SYS + slashdot(name, '.', '/');
  const outname = slashdot(name, '/', '.');
  const info = await statOf(ctx, path);
  if (!('mode' in info)) {
    if (st.ignoreError) return 0;
    await warn(ctx, `cannot stat ${path}: ${strerror(info.errno)}`);
    return 1;
  }
  if ((info.mode & 0o400) === 0) return 0;
  if (!(await underProcSys(ctx, path))) return -1;
  if (info.dir) return displayAll(ctx, st, `${path}/`);
  if (st.pattern && !st.pattern.test(outname)) return 0;
  if (st.nameOnly) {
    await ctx.print(`${outname}\n`);
    return 0;
  }
  let text: string;
  try {
    text = decoder.decode(await ctx.sys.readFile(path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'ENOENT') {
      if (st.ignoreError) return 0;
      await warn(ctx, `"${outname}" is an unknown key`);
    } else if (e.errno === 'EACCES') await warn(ctx, `permission denied on key '${outname}'`);
    else if (e.errno !== 'EIO') await warn(ctx, `reading key "${outname}": ${strerror(e.errno)}`);
    return 1;
  }
  // one output line per line of the file (dev.cdrom.info has several)
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    if (st.printName) await ctx.print(`${outname} = ${line.endsWith('\n') ? line : `${line}\n`}`);
    else await ctx.print(st.printNewline ? line : line.replace(/\n$/, ''));
  }
  return 0;
}

/** DisplayAll: every readable key below `path`, in directory order. */
export async function displayAll(ctx: Ctx, st: SysctlState, path: string, depth = 0): Promise<number> {
  let names: string[];
  try {
    names = await ctx.sys.readdir(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await warn(ctx, `unable to open directory "${path}"`);
    return 1;
  }
  let rc = 0;
  for (const n of names) {
    await ctx.tick();
    if (st.ignoreDeprecated && DEPRECATED.has(n)) continue;
    const full = `${path}${n}`;
    const info = await statOf(ctx, full);
    if (!('mode' in info)) await warn(ctx, `cannot stat ${full}: ${strerror(info.errno)}`);
    else if (info.dir) {
      if (depth < 32) await displayAll(ctx, st, `${full}/`, depth + 1);
    } else rc |= await readSetting(ctx, st, full.slice(PROC_SYS.length));
  }
  return rc;
}

/** WriteSetting: writes `value` and a newline to the key's file, then echoes the setting. */
export async function writeSetting(ctx: Ctx, st: SysctlState, s: Setting, path: string): Promise<number> {
  const info = await statOf(ctx, path);
  if (!('mode' in info)) {
    if (st.ignoreError) return 0;
    await warn(ctx, `cannot stat ${path}: ${strerror(info.errno)}`);
    return 1;
  }
  if (!(await underProcSys(ctx, path))) return 1;
  const key = slashdot(path.slice(PROC_SYS.length), '/', '.');
  const ignoring = s.ignoreFailure ? ', ignoring' : '';
  // a read-only key or a directory is reported but is not a failure
  if ((info.mode & 0o200) === 0 || info.dir) {
    await warn(ctx, `setting key "${key}": ${strerror(info.dir ? 'EISDIR' : 'EPERM')}`);
    return 0;
  }
  const value = s.value ?? '';
  if (!st.dryRun) {
    let fd: number;
    try {
      fd = await ctx.sys.open(path, { write: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'ENOENT') {
        if (!st.ignoreError) await warn(ctx, `"${key}" is an unknown key${ignoring}`);
      } else if (e.errno === 'EPERM' || e.errno === 'EROFS' || e.errno === 'EACCES') {
        await warn(ctx, `permission denied on key "${key}"${ignoring}`);
      } else await warn(ctx, `setting key "${key}"${ignoring}: ${strerror(e.errno)}`);
      return !s.ignoreFailure && e.errno !== 'ENOENT' ? 1 : 0;
    }
    try {
      await ctx.sys.write(fd, `${value}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warn(ctx, `setting key "${key}": ${strerror(e.errno)}`);
      return 1;
    } finally {
      ctx.sys.close(fd);
    }
  }
  if (!st.quiet || st.dryRun) {
    if (st.nameOnly) await ctx.print(`${key}\n`);
    else if (st.printName) await ctx.print(`${key} = ${value}\n`);
    else await ctx.print(st.printNewline ? `${value}\n` : value);
  }
  return 0;
}

/** parse_setting_line: `key = value`, `-key = value` (ignore failure), `-key` (exclude from a glob). */
export async function parseLine(ctx: Ctx, st: SysctlState, source: string, n: number, line: string): Promise<Setting | undefined> {
  let key = line.replace(/^\s+/, '');
  if (key.length < 2 || key.startsWith('#') || key.startsWith(';')) return undefined;
  if (st.pattern && !st.pattern.test(key)) return undefined;
  const eq = key.indexOf('=');
  let value: string | undefined;
  let ignoreFailure = false;
  let globExclude = false;
  if (eq < 0) {
    if (!key.startsWith('-')) {
      await warn(ctx, `${source}(${n}): invalid syntax, continuing...`);
      return undefined;
    }
    globExclude = true;
    key = key.slice(1).replace(/\s+$/, '');
  } else {
    value = key.slice(eq + 1).trim();
    key = key.slice(0, eq).replace(/\s+$/, '');
    if (key.startsWith('-')) {
      ignoreFailure = true;
      key = key.slice(1);
    }
  }
  return { key, path: keyPath(key), value, ignoreFailure, globExclude };
}

/** Preload: the settings of one file (`-` is standard input), added to `list`. */
export async function preload(ctx: Ctx, st: SysctlState, list: Setting[], file: string): Promise<number> {
  let text: string;
  try {
    text = file === '-' ? await readAll(ctx, 0) : decoder.decode(await ctx.sys.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await warn(ctx, `cannot open "${file}": ${strerror(e.errno)}`);
    return 1;
  }
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (let i = 0; i < lines.length; i++) {
    await ctx.tick();
    if (lines[i]!.length < 2) continue;
    const s = await parseLine(ctx, st, file, i + 1, lines[i]!);
    if (s) list.push(s);
  }
  return 0;
}

async function readAll(ctx: Ctx, fd: number): Promise<string> {
  let out = '';
  for (let chunk = await ctx.sys.read(fd); chunk; chunk = await ctx.sys.read(fd)) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

const SYSTEM_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'];

/** --system: every *.conf by name (the first directory holding a name wins), then /etc/sysctl.conf. */
export async function preloadSystem(ctx: Ctx, st: SysctlState, list: Setting[]): Promise<number> {
  const chosen = new Map<string, string>();
  for (const dir of SYSTEM_DIRS) {
    let names: string[];
    try {
      names = await ctx.sys.readdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      continue;
    }
    for (const n of names) if (n.length >= 5 && n.endsWith('.conf') && !chosen.has(n)) chosen.set(n, `${dir}/${n}`);
  }
  let rc = 0;
  const files = [...chosen.keys()].sort().map((n) => chosen.get(n)!);
  try {
    if ((await ctx.sys.stat('/etc/sysctl.conf')).kind === 'file') files.push('/etc/sysctl.conf');
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  for (const f of files) {
    if (!st.quiet) await ctx.print(`* Applying ${f} ...\n`);
    rc |= await preload(ctx, st, list, f);
  }
  return rc;
}

/** write_setting_list: each setting in order; a glob writes every match not named on its own. */
export async function writeList(ctx: Ctx, st: SysctlState, list: Setting[]): Promise<number> {
  let rc = 0;
  const named = new Set(list.map((s) => s.path));
  for (const s of list) {
    await ctx.tick();
    if (s.globExclude) continue;
    if (!/[*?[]/.test(s.path)) {
      rc |= await writeSetting(ctx, st, s, s.path);
      continue;
    }
    for (const path of await expand(ctx, s.path)) if (!named.has(path)) rc |= await writeSetting(ctx, st, s, path);
  }
  return rc;
}

/** glob(3) over /proc/sys, one path component at a time. */
async function expand(ctx: Ctx, pattern: string): Promise<string[]> {
  let found = [''];
  for (const part of pattern.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const dir of found) {
      if (!/[*?[]/.test(part)) {
        next.push(`${dir}/${part}`);
        continue;
      }
      const match = compileFnmatch(part, { period: true });
      try {
        for (const n of (await ctx.sys.readdir(dir || '/')).sort()) if (match(n)) next.push(`${dir}/${n}`);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    found = next;
  }
  const out: string[] = [];
  for (const p of found) if ('mode' in (await statOf(ctx, p))) out.push(p);
  return out;
}
