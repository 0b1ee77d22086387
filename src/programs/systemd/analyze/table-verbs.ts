// systemd-analyze's lookup verbs that need no manager: compare-versions (with systemd's
// version ordering), exit-status and capability (their name tables).
import { exitStatusClass, exitStatusEntries, exitStatusFromString } from '../../../shared/systemd/exit-status';
import { GLOBAL_LOOKUP_PATHS, SYSTEM_LOOKUP_PATHS } from '../../../shared/systemd/lookup-paths';
import { formatTable, type CellInput } from '../../../shared/systemd/table';
import type { Ctx } from '../../lib/context';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isVersionChar = (c: string): boolean => isDigit(c) || isAlpha(c) || '~-^.'.includes(c);
const cmp = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * strverscmp_improved(): versions split into numeric and alphabetic segments; '~' marks the
 * oldest (pre-releases), then '-' (release), '^' (patched) and '.' (point releases), and a
 * plain continuation is the newest. Other characters only separate segments.
 */
export function compareVersions(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const at = (s: string, k: number): string => s[k] ?? '';
  for (;;) {
    while (i < a.length && !isVersionChar(a[i]!)) i++;
    while (j < b.length && !isVersionChar(b[j]!)) j++;
    for (const mark of ['~']) {
      if (at(a, i) === mark || at(b, j) === mark) {
        const r = cmp(at(a, i) !== mark ? 1 : 0, at(b, j) !== mark ? 1 : 0);
        if (r !== 0) return r;
        i++;
        j++;
      }
    }
    if (i >= a.length || j >= b.length) return cmp(i < a.length ? 1 : 0, j < b.length ? 1 : 0);
    for (const mark of ['-', '^', '.']) {
      if (at(a, i) === mark || at(b, j) === mark) {
        const r = cmp(at(a, i) !== mark ? 1 : 0, at(b, j) !== mark ? 1 : 0);
        if (r !== 0) return r;
        i++;
        j++;
      }
    }
    let ii = i;
    let jj = j;
    if (isDigit(at(a, i)) || isDigit(at(b, j))) {
      while (isDigit(at(a, ii))) ii++;
      while (isDigit(at(b, jj))) jj++;
      let r = cmp(ii !== i ? 1 : 0, jj !== j ? 1 : 0);
      if (r !== 0) return r;
      while (at(a, i) === '0') i++;
      while (at(b, j) === '0') j++;
      r = cmp(ii - i, jj - j);
      if (r !== 0) return r;
      r = cmpStr(a.slice(i, ii), b.slice(j, jj));
      if (r !== 0) return r;
    } else {
      while (isAlpha(at(a, ii))) ii++;
      while (isAlpha(at(b, jj))) jj++;
      const n = Math.min(ii - i, jj - j);
      let r = cmpStr(a.slice(i, i + n), b.slice(j, j + n));
      if (r !== 0) return r;
      r = cmp(ii - i, jj - j);
      if (r !== 0) return r;
    }
    i = ii;
    j = jj;
  }
}

/** parse_compare_operator() with textual operators allowed and no fnmatch ones. */
function parseOperator(op: string): { test: (k: number) => boolean; rest: string } | undefined {
  const table: [string, ((k: number) => boolean) | undefined][] = [
    ['$=', undefined], ['!$=', undefined], ['<>', (k) => k !== 0], ['<=', (k) => k <= 0], ['>=', (k) => k >= 0],
    ['<', (k) => k < 0], ['>', (k) => k > 0], ['==', (k) => k === 0], ['=', (k) => k === 0], ['!=', (k) => k !== 0],
    ['lt', (k) => k < 0], ['le', (k) => k <= 0], ['eq', (k) => k === 0], ['ne', (k) => k !== 0], ['ge', (k) => k >= 0], ['gt', (k) => k > 0],
  ];
  for (const [text, test] of table) {
    if (!op.startsWith(text)) continue;
    return test ? { test, rest: op.slice(text.length) } : undefined;
  }
  return undefined;
}

export async function verbCompareVersions(ctx: Ctx, args: string[]): Promise<number> {
  if (args.length === 2) {
    const [a, b] = args as [string, string];
    const r = compareVersions(a, b);
    await ctx.print(`${a === '' ? "''" : a} ${r < 0 ? '<' : r > 0 ? '>' : '=='} ${b === '' ? "''" : b}\n`);
    return r < 0 ? 12 : r > 0 ? 11 : 0;
  }
  const [a, op, b] = args as [string, string, string];
  const parsed = parseOperator(op);
  if (!parsed || parsed.rest !== '') {
    await ctx.err.write(`Unknown operator "${parsed ? parsed.rest : op}".\n`);
    return 1;
  }
  return parsed.test(compareVersions(a, b)) ? 0 : 1;
}

export async function verbExitStatus(ctx: Ctx, args: string[]): Promise<number> {
  const rows: CellInput[][] = [];
  const row = (name: string, status: number, cls: string): CellInput[] => [name, { text: String(status), right: true }, cls];
  if (args.length === 0) for (const e of exitStatusEntries()) rows.push(row(e.name, e.status, e.cls));
  for (const a of args) {
    const status = exitStatusFromString(a);
    if (typeof status === 'string') {
      await ctx.err.write(`Invalid exit status "${a}".\n`);
      return 1;
    }
    const name = exitStatusEntries().find((e) => e.status === status)?.name;
    rows.push(row(name ?? '-', status, exitStatusClass(status) ?? '-'));
  }
  await ctx.print(formatTable(['name', 'status', 'class'], rows));
  return 0;
}

/** Linux capability names by number (linux/capability.h up to CAP_CHECKPOINT_RESTORE). */
const CAPABILITIES = [
  'chown', 'dac_override', 'dac_read_search', 'fowner', 'fsetid', 'kill', 'setgid', 'setuid', 'setpcap',
  'linux_immutable', 'net_bind_service', 'net_broadcast', 'net_admin', 'net_raw', 'ipc_lock', 'ipc_owner',
  'sys_module', 'sys_rawio', 'sys_chroot', 'sys_ptrace', 'sys_pacct', 'sys_admin', 'sys_boot', 'sys_nice',
  'sys_resource', 'sys_time', 'sys_tty_config', 'mknod', 'lease', 'audit_write', 'audit_control', 'setfcap',
  'mac_override', 'mac_admin', 'syslog', 'wake_alarm', 'block_suspend', 'audit_read', 'perfmon', 'bpf',
  'checkpoint_restore',
].map((n) => `cap_${n}`);

/** How many capabilities the kernel knows (the bounding set of root). */
export const CAPABILITY_COUNT = CAPABILITIES.length;

/** capability_from_name(): a number (safe_atoi) or a "cap_" name in any case. */
export function capabilityFromName(s: string, limit = CAPABILITIES.length): number | undefined {
  const m = /^[ \t\n\r\v\f]*([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (m) {
    const body = m[2]!;
    const base = /^0[xX]/.test(body) ? 16 : /^0[oO]/.test(body) ? 8 : /^0[bB]/.test(body) ? 2 : body.length > 1 && body.startsWith('0') ? 8 : 10;
    const v = (m[1] === '-' ? -1 : 1) * parseInt(base === 10 || (base === 8 && !/^0[oO]/.test(body)) ? body : body.slice(2), base);
    return v >= 0 && v < limit ? v : undefined;
  }
  const i = CAPABILITIES.indexOf(s.toLowerCase());
  return i >= 0 ? i : undefined;
}

export async function verbCapability(ctx: Ctx, args: string[]): Promise<number> {
  const caps: number[] = [];
  if (args.length === 0) caps.push(...CAPABILITIES.keys());
  for (const a of args) {
    const c = capabilityFromName(a);
    if (c === undefined) {
      await ctx.err.write(`Capability "${a}" not known.\n`);
      return 1;
    }
    caps.push(c);
  }
  // given names are listed by number
  if (args.length > 0) caps.sort((x, y) => x - y);
  await ctx.print(formatTable(['name', 'number'], caps.map((c) => [CAPABILITIES[c]!, { text: String(c), right: true }])));
  return 0;
}

/**
 * The search path of a user manager (path-lookup.c, user_dirs): the runtime directories only
 * when $XDG_RUNTIME_DIR is set, the XDG config and data directories in between.
 */
export function userUnitPaths(env: Map<string, string>): string[] {
  const abs = (v: string | undefined): string | undefined => (v !== undefined && v.startsWith('/') ? v : undefined);
  const home = env.get('HOME') ?? '/root';
  const configHome = abs(env.get('XDG_CONFIG_HOME')) ?? `${home}/.config`;
  const dataHome = abs(env.get('XDG_DATA_HOME')) ?? `${home}/.local/share`;
  const runtime = abs(env.get('XDG_RUNTIME_DIR'));
  const rt = (sub: string): string[] => (runtime !== undefined ? [`${runtime}/systemd/${sub}`] : []);
  const list = (name: string, dflt: string): string[] => (env.get(name) || dflt).split(':').filter(Boolean);
  const all = [
    `${configHome}/systemd/user.control`, ...rt('user.control'), ...rt('transient'), ...rt('generator.early'),
    `${configHome}/systemd/user`, ...list('XDG_CONFIG_DIRS', '/etc/xdg').map((d) => `${d}/systemd/user`), '/etc/systemd/user',
    ...rt('user'), '/run/systemd/user', ...rt('generator'), `${dataHome}/systemd/user`,
    ...list('XDG_DATA_DIRS', '/usr/local/share:/usr/share').map((d) => `${d}/systemd/user`),
    '/usr/local/lib/systemd/user', '/usr/local/share/systemd/user', '/usr/lib/systemd/user', '/usr/share/systemd/user',
    ...rt('generator.late'),
  ];
  // the first of repeated directories stays (strv_uniq)
  return [...new Set(all)];
}

/** unit-paths: the manager's unit directories, highest priority first. */
export async function verbUnitPaths(ctx: Ctx, scope: 'system' | 'user' | 'global'): Promise<number> {
  const paths = scope === 'system' ? SYSTEM_LOOKUP_PATHS.searchPath : scope === 'global' ? GLOBAL_LOOKUP_PATHS.searchPath : userUnitPaths(ctx.env);
  await ctx.print(paths.map((p) => `${p}\n`).join(''));
  return 0;
}
