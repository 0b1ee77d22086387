// systemd-analyze condition (src/analyze/analyze-condition.c): Condition*= and Assert*=
// settings given on the command line are evaluated as a unit "test.service" would; every test
// and the verdict go to stderr, the exit status says whether all held. As in the manager, a
// later setting is tested first, and the first failed non-trigger check ends the list.
import { fnmatch } from '../../lib/fnmatch';
import { pathProblem, pathSimplify } from '../../../subsystems/systemd/check-base';
import type { Ctx } from '../../lib/context';
import { capabilityFromName, CAPABILITY_COUNT, compareVersions } from './table-verbs';

const TYPES = [
  'Architecture', 'Firmware', 'Virtualization', 'Host', 'KernelCommandLine', 'KernelVersion', 'Credential', 'Security',
  'Capability', 'ACPower', 'NeedsUpdate', 'FirstBoot', 'PathExists', 'PathExistsGlob', 'PathIsDirectory',
  'PathIsSymbolicLink', 'PathIsMountPoint', 'PathIsReadWrite', 'PathIsEncrypted', 'DirectoryNotEmpty', 'FileNotEmpty',
  'FileIsExecutable', 'User', 'Group', 'ControlGroupController', 'CPUs', 'Memory', 'Environment', 'CPUFeature',
  'OSRelease', 'MemoryPressure', 'CPUPressure', 'IOPressure',
] as const;
type CondType = (typeof TYPES)[number];

const TAKES_PATH = new Set<CondType>([
  'PathExists', 'PathExistsGlob', 'PathIsDirectory', 'PathIsSymbolicLink', 'PathIsMountPoint', 'PathIsReadWrite',
  'PathIsEncrypted', 'DirectoryNotEmpty', 'FileNotEmpty', 'FileIsExecutable', 'NeedsUpdate',
]);

interface Condition {
  type: CondType;
  assert: boolean;
  trigger: boolean;
  negate: boolean;
  parameter: string;
}

type Outcome = boolean | { error: string };

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

async function statMode(ctx: Ctx, path: string, follow: boolean): Promise<{ mode: number; size: number } | undefined> {
  try {
    const st = follow ? await ctx.sys.stat(path) : await ctx.sys.lstat(path);
    return { mode: st.mode, size: st.size };
  } catch {
    return undefined;
  }
}

/** path_is_read_only_fs(): is the file system holding the path mounted read-only? */
function readOnlyFs(ctx: Ctx, path: string): boolean {
  const under = (t: string): boolean => t === '/' || path === t || path.startsWith(`${t}/`);
  const m = ctx.sys.mounts().filter((x) => under(x.target)).sort((a, b) => b.target.length - a.target.length)[0];
  return m !== undefined && m.options.split(',').includes('ro');
}

/**
 * ConditionNeedsUpdate=: true unless the directory's ".updated" is at least as new as /usr
 * (systemd.condition-needs-update= on the kernel command line decides first; a relative path
 * or a missing file means an update is needed, a read-only file system that none is).
 */
async function needsUpdate(ctx: Ctx, p: string): Promise<boolean> {
  const words = ((await readText(ctx, '/proc/cmdline')) ?? '').trim().split(/\s+/);
  const forced = words.filter((w) => w.startsWith('systemd.condition-needs-update=')).map((w) => parseBoolean(w.slice(w.indexOf('=') + 1))).filter((b) => b !== undefined).at(-1);
  if (forced !== undefined) return forced;
  if (!p.startsWith('/')) return true;
  if (readOnlyFs(ctx, p)) return false;
  let other: number;
  let usr: number;
  try {
    other = (await ctx.sys.lstat(`${p}/.updated`)).mtime;
    usr = (await ctx.sys.lstat('/usr/')).mtime;
  } catch {
    return true;
  }
  const sec = (ms: number): number => Math.floor(ms / 1000);
  if (sec(usr) !== sec(other)) return sec(usr) > sec(other);
  return usr % 1000 > other % 1000;
}

/** The glob patterns of one path component matched against a directory's entries. */
async function globExists(ctx: Ctx, pattern: string): Promise<boolean> {
  const parts = pattern.split('/').filter((p) => p !== '');
  const walk = async (dir: string, i: number): Promise<boolean> => {
    if (i === parts.length) return true;
    const part = parts[i]!;
    if (!/[*?[]/.test(part)) {
      const next = `${dir === '/' ? '' : dir}/${part}`;
      if (!(await statMode(ctx, next, true))) return false;
      return walk(next, i + 1);
    }
    let names: string[];
    try {
      names = await ctx.sys.readdir(dir);
    } catch {
      return false;
    }
    for (const n of names.sort()) {
      if (n.startsWith('.') && !part.startsWith('.')) continue;
      if (fnmatch(part, n) && (await walk(`${dir === '/' ? '' : dir}/${n}`, i + 1))) return true;
    }
    return false;
  };
  return walk('/', 0);
}

async function readText(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch {
    return undefined;
  }
}

/** Lines of /etc/passwd or /etc/group as [name, id] pairs. */
async function idTable(ctx: Ctx, file: string): Promise<[string, number][]> {
  const text = (await readText(ctx, file)) ?? '';
  return text.split('\n').filter(Boolean).map((l) => l.split(':')).map((f): [string, number] => [f[0]!, Number(f[2])]);
}

/** "<op>value" comparisons of ConditionKernelVersion= and friends (">=6.1", "6.1*"). */
function versionTest(actual: string, spec: string): Outcome {
  const ops: [string, (k: number) => boolean][] = [
    ['<=', (k) => k <= 0], ['>=', (k) => k >= 0], ['!=', (k) => k !== 0], ['<', (k) => k < 0], ['>', (k) => k > 0], ['=', (k) => k === 0],
  ];
  const s = spec.trim();
  for (const [text, test] of ops) {
    if (s.startsWith(text)) return test(compareVersions(actual, s.slice(text.length).trim()));
  }
  return fnmatch(s, actual);
}

async function test(ctx: Ctx, c: Condition): Promise<Outcome> {
  const p = c.parameter;
  switch (c.type) {
    case 'PathExists':
      return (await statMode(ctx, p, true)) !== undefined;
    case 'PathExistsGlob':
      return globExists(ctx, p);
    case 'PathIsDirectory':
      return (((await statMode(ctx, p, true))?.mode ?? 0) & S_IFMT) === S_IFDIR;
    case 'PathIsSymbolicLink':
      return (((await statMode(ctx, p, false))?.mode ?? 0) & S_IFMT) === S_IFLNK;
    case 'PathIsMountPoint':
      return ctx.sys.mounts().some((m) => m.target === p);
    case 'PathIsReadWrite':
      return (await statMode(ctx, p, true)) !== undefined && !readOnlyFs(ctx, p);
    case 'PathIsEncrypted':
      return false;
    case 'DirectoryNotEmpty': {
      try {
        return (await ctx.sys.readdir(p)).some((n) => !n.startsWith('.') && !n.endsWith('~'));
      } catch {
        return false;
      }
    }
    case 'FileNotEmpty': {
      const st = await statMode(ctx, p, true);
      return st !== undefined && (st.mode & S_IFMT) === S_IFREG && st.size > 0;
    }
    case 'FileIsExecutable': {
      const st = await statMode(ctx, p, true);
      return st !== undefined && (st.mode & S_IFMT) === S_IFREG && (st.mode & 0o111) !== 0;
    }
    case 'NeedsUpdate':
      return needsUpdate(ctx, p);
    case 'User': {
      const uid = ctx.sys.getuid();
      if (p === '@system') return uid <= 999;
      if (/^\d+$/.test(p)) return Number(p) === uid;
      const hit = (await idTable(ctx, '/etc/passwd')).find(([n]) => n === p);
      return hit !== undefined && hit[1] === uid;
    }
    case 'Group': {
      const gids = new Set([ctx.sys.getgid(), ctx.sys.getegid(), ...ctx.sys.getgroups()]);
      if (/^\d+$/.test(p)) return gids.has(Number(p));
      const hit = (await idTable(ctx, '/etc/group')).find(([n]) => n === p);
      return hit !== undefined && gids.has(hit[1]);
    }
    case 'Environment': {
      if (p.includes('=')) {
        const eq = p.indexOf('=');
        return ctx.env.get(p.slice(0, eq)) === p.slice(eq + 1);
      }
      return ctx.env.has(p);
    }
    case 'Host': {
      const machineId = ((await readText(ctx, '/etc/machine-id')) ?? '').trim();
      if (/^[0-9a-fA-F]{32}$/.test(p)) return p.toLowerCase() === machineId;
      const host = ctx.sys.uname().nodename;
      return fnmatch(p.toLowerCase(), host.toLowerCase());
    }
    case 'Architecture':
      return p === 'native' || p === 'x86-64';
    case 'Virtualization':
      return ['yes', 'true', '1', 'on', 'vm', 'vmware'].includes(p.toLowerCase());
    case 'FirstBoot': {
      const b = parseBoolean(p);
      return b === undefined ? { error: 'Invalid argument' } : !b;
    }
    case 'ACPower': {
      const b = parseBoolean(p);
      return b === undefined ? { error: 'Invalid argument' } : b;
    }
    case 'Security':
      // the machine runs with auditing on and no LSM, TPM or secure boot
      return p === 'audit';
    case 'ControlGroupController':
      return controllerTest(p);
    case 'CPUFeature':
      return X86_FEATURES.has(p);
    case 'Credential':
      return false;
    case 'MemoryPressure':
    case 'CPUPressure':
    case 'IOPressure':
      return pressureTest(p);
    case 'KernelCommandLine': {
      const words = ((await readText(ctx, '/proc/cmdline')) ?? '').trim().split(/\s+/);
      return p.includes('=') ? words.includes(p) : words.some((w) => w === p || w.startsWith(`${p}=`));
    }
    case 'KernelVersion': {
      const words = p.split(/\s+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        let w = words[i]!;
        if (/^(<=|>=|!=|<|>|=)$/.test(w)) {
          // only the first expression may have blanks between the operator and the version
          if (i !== 0 || i + 1 >= words.length) return { error: 'Invalid argument' };
          w += words[++i]!;
        }
        if (versionTest(ctx.sys.uname().release, w) !== true) return false;
      }
      return true;
    }
    case 'Firmware':
      // BIOS boot, no device tree; SMBIOS fields do not match
      return false;
    case 'Capability': {
      // a name or a number below 64; the bounding set holds every capability the kernel has
      const cap = capabilityFromName(p, 64);
      if (cap === undefined) return { error: 'Invalid argument' };
      return cap < CAPABILITY_COUNT;
    }
    case 'OSRelease': {
      const text = (await readText(ctx, '/etc/os-release')) ?? '';
      const m = /^([A-Za-z_]+)\s*(!=|=|<=|>=|<|>)\s*(.*)$/.exec(p.trim());
      if (!m) return { error: 'Invalid argument' };
      if (m[3] === '') return { error: 'Invalid argument' };
      const line = text.split('\n').find((l) => l.startsWith(`${m[1]}=`));
      const actual = (line?.slice(m[1]!.length + 1) ?? '').replace(/^"(.*)"$/, '$1');
      if (m[2] === '=') return actual === m[3];
      if (m[2] === '!=') return actual !== m[3];
      return versionTest(actual, `${m[2]}${m[3]}`);
    }
    case 'CPUs': {
      const n = ((await readText(ctx, '/proc/cpuinfo')) ?? '').split('\n').filter((l) => /^processor\s*:/.test(l)).length;
      return orderTest(p, n, (v) => (/^\s*\d+$/.test(v) && Number(v) <= 0xffffffff ? Number(v) : undefined));
    }
    case 'Memory': {
      const m = /^MemTotal:\s*(\d+)\s*kB/m.exec((await readText(ctx, '/proc/meminfo')) ?? '');
      return orderTest(p, Number(m?.[1] ?? 0) * 1024, parseSize);
    }
    default:
      return { error: 'Operation not supported' };
  }
}

/**
 * ConditionMemoryPressure= and friends: "[SLICE:]PERCENT[/10sec|1min|5min]"; the machine is
 * idle, so any well-formed limit holds.
 */
function pressureTest(p: string): Outcome {
  const words = p.split(':').filter(Boolean);
  if (words.length === 0) return { error: 'Invalid argument' };
  const value = words.length === 1 ? words[0]! : words.slice(1).join(':');
  const parts = value.split('/').filter(Boolean);
  if (parts.length === 0) return { error: 'Invalid argument' };
  if (parts.length > 1 && !/^\s*(10sec|1min|5min)/.test(parts.slice(1).join('/'))) return { error: 'Invalid argument' };
  const m = /^(\d+)(?:\.(\d{1,2}))?%$|^(\d+)(?:\.(\d))?\u2030$|^(\d+)\u2031$/.exec(parts[0]!.trim());
  if (!m) return { error: 'Invalid argument' };
  const permyriad = m[1] !== undefined ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : m[3] !== undefined ? Number(m[3]) * 10 + Number(m[4] ?? '0') : Number(m[5]);
  if (permyriad > 10000) return { error: 'Numerical result out of range' };
  return true;
}

/** parse_boolean(). */
function parseBoolean(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(s)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(s)) return false;
  return undefined;
}

/** The cgroup v2 controllers of the machine (unified hierarchy). */
const CONTROLLERS = new Set(['cpu', 'cpuset', 'io', 'memory', 'pids', 'bpf-firewall', 'bpf-devices', 'bpf-foreign', 'bpf-socket-bind', 'bpf-restrict-network-interfaces']);
/** Names systemd knows; the v1-only ones (cpuacct, blkio, devices) are missing on v2. */
const KNOWN_CONTROLLERS = new Set([...CONTROLLERS, 'cpuacct', 'blkio', 'devices']);

/**
 * ConditionControlGroupController=: "v1"/"v2" name the hierarchy; otherwise every listed
 * controller must be available; names systemd does not know are skipped.
 */
function controllerTest(p: string): boolean {
  if (p === 'v2') return true;
  if (p === 'v1') return false;
  return p.split(/\s+/).filter(Boolean).every((w) => !KNOWN_CONTROLLERS.has(w) || CONTROLLERS.has(w));
}

/** A few of the flags /proc/cpuinfo lists for the machine's CPU. */
const X86_FEATURES = new Set(['fpu', 'vme', 'de', 'pse', 'tsc', 'msr', 'pae', 'mce', 'cx8', 'apic', 'sep', 'mtrr', 'pge', 'mca', 'cmov', 'pat', 'pse36', 'clflush', 'mmx', 'fxsr', 'sse', 'sse2', 'ss', 'ht', 'syscall', 'nx', 'lm', 'constant_tsc', 'pni', 'pclmulqdq', 'ssse3', 'fma', 'cx16', 'sse4_1', 'sse4_2', 'x2apic', 'movbe', 'popcnt', 'aes', 'xsave', 'avx', 'f16c', 'rdrand', 'hypervisor', 'lahf_lm', 'abm', 'fsgsbase', 'bmi1', 'avx2', 'smep', 'bmi2', 'erms', 'invpcid', 'rdseed', 'adx', 'smap', 'clflushopt', 'sha_ni', 'xsaveopt', 'xsavec', 'xgetbv1', 'xsaves', 'arat', 'rdpid']);

/** "<op>N" against an amount (ConditionCPUs=, ConditionMemory=); no operator means ">=". */
function orderTest(spec: string, actual: number, parse: (v: string) => number | undefined): Outcome {
  const ops: [string, (k: number) => boolean][] = [
    ['<=', (k) => k <= 0], ['>=', (k) => k >= 0], ['<', (k) => k < 0], ['>', (k) => k > 0], ['!=', (k) => k !== 0], ['=', (k) => k === 0],
  ];
  let rest = spec;
  let cmp = ops[1]![1];
  for (const [text, test] of ops) {
    if (!spec.startsWith(text)) continue;
    rest = spec.slice(text.length);
    cmp = test;
    break;
  }
  const want = parse(rest);
  if (want === undefined) return { error: 'Invalid argument' };
  return cmp(Math.sign(actual - want));
}

/** parse_size() with base 1024: a number, maybe with a fraction, and an optional K M G T P E or B. */
function parseSize(v: string): number | undefined {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*([KMGTPEB]?)$/.exec(v);
  if (!m) return undefined;
  const unit = 1024 ** Math.max(0, 'BKMGTPE'.indexOf(m[3] || 'B'));
  return Number(m[1]) * unit + Math.floor(Number(`0.${m[2] ?? '0'}`) * unit);
}

/** parse_condition(): "ConditionX=..." or "AssertX=..."; undefined when no type matches. */
function parseLine(line: string): { type: CondType; assert: boolean; value: string } | undefined {
  for (const type of TYPES) {
    for (const assert of [false, true]) {
      const name = `${assert ? 'Assert' : 'Condition'}${type}`;
      if (!line.startsWith(name)) continue;
      let p = line.slice(name.length).replace(/^\s+/, '');
      if (!p.startsWith('=')) continue;
      p = p.slice(1).replace(/^\s+/, '');
      return { type, assert, value: p };
    }
  }
  return undefined;
}

/**
 * Tests conditions given as "ConditionX=..." lines, as those of test.service (from the command
 * line) or of a unit loaded from a file (whose loading has already logged bad values, so they
 * are skipped quietly here).
 */
export async function verbCondition(ctx: Ctx, lines: string[], unit?: string): Promise<number> {
  const name = unit ?? 'test.service';
  let conditions: Condition[] = [];
  let asserts: Condition[] = [];
  for (const line of lines) {
    const parsed = parseLine(line);
    if (!parsed) {
      await ctx.err.write(`Cannot parse "${line}".\n`);
      return 1;
    }
    const lvalue = `${parsed.assert ? 'Assert' : 'Condition'}${parsed.type}`;
    let v = parsed.value;
    if (v === '') {
      if (parsed.assert) asserts = [];
      else conditions = [];
      continue;
    }
    const trigger = v.startsWith('|');
    if (trigger) v = v.slice(1);
    const negate = v.startsWith('!');
    if (negate) v = v.slice(1);
    if (TAKES_PATH.has(parsed.type)) {
      // path_simplify_and_warn(): absolute and normalised, or the setting is skipped
      const problem = pathProblem(v, lvalue);
      if (problem) {
        if (!unit) await ctx.err.write(`(cmdline): ${problem}\n`);
        continue;
      }
      v = pathSimplify(v);
    }
    const c: Condition = { type: parsed.type, assert: parsed.assert, trigger, negate, parameter: v };
    // each new setting goes to the front of its list (LIST_PREPEND)
    if (parsed.assert) asserts.unshift(c);
    else conditions.unshift(c);
  }
  const run = async (list: Condition[]): Promise<boolean> => {
    let triggered: boolean | undefined;
    for (const c of list) {
      const r = await test(ctx, c);
      const text = `${c.assert ? 'Assert' : 'Condition'}${c.type}=${c.trigger ? '|' : ''}${c.negate ? '!' : ''}${c.parameter}`;
      let ok: boolean;
      if (typeof r === 'object') {
        await ctx.err.write(`${name}: Couldn't determine result for ${text}, assuming failed: ${r.error}\n`);
        ok = false;
      } else {
        ok = r !== c.negate;
        await ctx.err.write(`${name}: ${text} ${ok ? 'succeeded' : 'failed'}.\n`);
      }
      if (!c.trigger && !ok) return false;
      if (c.trigger && !triggered) triggered = ok;
    }
    return triggered !== false;
  };
  const a = await run(asserts);
  if (asserts.length) await ctx.err.write(`Asserts ${a ? 'succeeded' : 'failed'}.\n`);
  const q = await run(conditions);
  if (conditions.length) await ctx.err.write(`Conditions ${q ? 'succeeded' : 'failed'}.\n`);
  return a && q ? 0 : 1;
}
