// systemctl set-property UNIT ASSIGNMENT...: the client checks each assignment as
// bus_append_unit_property_assignment() does (src/shared/bus-unit-util.c), then the manager
// (SetUnitProperties, src/core/dbus-cgroup.c) accepts the resource-control settings of a loaded
// unit and keeps each one as a drop-in "50-<Property>.conf" below system.control.
import { parseBoolean } from '../../../shared/systemd/unit-file';
import { unitNameToType } from '../../../shared/systemd/unit-name';
import type { Ctx } from '../../lib/context';
import { ask, invalidNameError, unitArgs, units } from './manager-client';
import type { SystemctlOptions } from './options';

/** What the manager does with one assignment: write `line` to 50-`file`.conf, or refuse. */
type Change = { file: string; line: string; unitSection?: boolean } | { refuse: string };

const CGROUP_TYPES: Record<string, string> = { service: 'Service', socket: 'Socket', slice: 'Slice', scope: 'Scope', mount: 'Mount' };
const BOOLEANS = new Set(['CPUAccounting', 'MemoryAccounting', 'IOAccounting', 'BlockIOAccounting', 'TasksAccounting', 'IPAccounting']);
const MEMORY = new Set(['MemoryMin', 'MemoryLow', 'MemoryHigh', 'MemoryMax', 'MemorySwapMax', 'MemoryZSwapMax', 'MemoryLimit', 'TasksMax']);
/** Limits the manager refuses to set to 0 (the rest are protections or swap, which may be 0). */
const NONZERO = new Set(['MemoryHigh', 'MemoryMax', 'MemoryLimit', 'TasksMax']);

/**
 * Settings the client knows for every unit type or for exec/kill/service units: it accepts them,
 * but the manager only changes them on transient units.
 */
const OTHER_UNIT = 'Documentation RequiresMountsFor Markers Wants Requires Requisite BindsTo PartOf Upholds Conflicts Before After OnFailure OnSuccess PropagatesReloadTo ReloadPropagatedFrom JoinsNamespaceOf DefaultDependencies IgnoreOnIsolate RefuseManualStart RefuseManualStop StopWhenUnneeded AllowIsolate SourcePath CollectMode JobTimeoutAction JobTimeoutSec JobRunningTimeoutSec StartLimitIntervalSec StartLimitBurst StartLimitAction FailureAction SuccessAction RebootArgument ConditionPathExists AssertPathExists';
const OTHER_EXEC = 'User Group UMask WorkingDirectory RootDirectory Environment EnvironmentFile PassEnvironment UnsetEnvironment Nice IOSchedulingClass CPUSchedulingPolicy StandardInput StandardOutput StandardError SyslogIdentifier PrivateTmp PrivateDevices PrivateNetwork ProtectSystem ProtectHome NoNewPrivileges DynamicUser ReadOnlyPaths ReadWritePaths InaccessiblePaths LimitNOFILE LimitNPROC LimitCORE LimitMEMLOCK CapabilityBoundingSet AmbientCapabilities SupplementaryGroups TTYPath OOMScoreAdjust KillMode KillSignal RestartKillSignal SendSIGKILL SendSIGHUP FinalKillSignal WatchdogSignal';
const OTHER_SERVICE = 'Type ExitType Restart BusName PIDFile NotifyAccess RemainAfterExit GuessMainPID RestartSec TimeoutStartSec TimeoutStopSec TimeoutAbortSec RuntimeMaxSec WatchdogSec FileDescriptorStoreMax RestartPreventExitStatus RestartForceExitStatus SuccessExitStatus ExecCondition ExecStartPre ExecStart ExecStartPost ExecReload ExecStop ExecStopPost OOMPolicy';
const KNOWN_UNIT = new Set(OTHER_UNIT.split(' '));
const KNOWN_EXEC = new Set(`${OTHER_EXEC} ${OTHER_SERVICE}`.split(' '));

/** parse_permyriad() (bounded to 100%) or its unbounded form: "N%", "N.N%", "N.NN%". */
function permyriad(v: string, bounded: boolean): number | undefined {
  const m = /^(\d+)(?:\.(\d{1,2}))?%$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(n) || n > 0x7fffffff || (bounded && n > 10000)) return undefined;
  return n;
}

/** parse_size(..., 1024): bytes with an optional fraction and binary suffix. */
function parseSize(v: string): bigint | 'Invalid argument' | 'Numerical result out of range' {
  const m = /^\s*(-?)(\d+)(?:\.(\d+))?\s*([BKMGTPE]?)$/.exec(v);
  if (!m) return 'Invalid argument';
  if (m[1]) return 'Numerical result out of range';
  const factor = 1024n ** BigInt('BKMGTPE'.indexOf(m[4] || 'B'));
  const frac = m[3] ? (BigInt(m[3]) * factor) / 10n ** BigInt(m[3].length) : 0n;
  const n = BigInt(m[2]!) * factor + frac;
  return n >= 2n ** 64n ? 'Numerical result out of range' : n;
}

/** safe_atou64() and the cgroup weight range checks. */
function weight(v: string, lo: number, hi: number): number | 'Invalid argument' | 'Numerical result out of range' {
  if (!/^\s*\+?\d+$/.test(v)) return 'Invalid argument';
  const n = Number(v.trim());
  return n < lo || n > hi ? 'Numerical result out of range' : n;
}

const UINT32_MAX = 0xffffffffn;
const scaleFromPermyriad = (p: number): bigint => (BigInt(p) * UINT32_MAX + 5000n) / 10000n;
const scaleToPermyriad = (s: bigint): number => Number((s * 10000n + UINT32_MAX / 2n) / UINT32_MAX);
const pct = (p: number): string => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}%`;

/** One cgroup assignment: the client's error (string), or what the manager makes of it. */
function cgroupAssignment(field: string, eq: string): string | Change | undefined {
  const refuse = (name: string): Change => ({ refuse: `Value specified in ${name} is out of range` });
  if (BOOLEANS.has(field)) {
    const b = parseBoolean(eq);
    if (b === undefined) return `Failed to parse ${field}: ${eq}`;
    return { file: field, line: `${field}=${b ? 'yes' : 'no'}` };
  }
  if (field === 'CPUWeight' || field === 'StartupCPUWeight' || field === 'IOWeight' || field === 'StartupIOWeight') {
    if (eq === '') return { file: field, line: `${field}=` };
    if (eq === 'idle' && field.includes('CPU')) return { file: field, line: `${field}=idle` };
    const w = weight(eq, 1, 10000);
    if (typeof w === 'string') return `Failed to parse ${field}=${eq}: ${w}`;
    return { file: field, line: `${field}=${w}` };
  }
  if (field === 'CPUShares' || field === 'StartupCPUShares') {
    if (eq === '') return { file: field, line: `${field}=` };
    const w = weight(eq, 2, 262144);
    if (typeof w === 'string') return `Failed to parse ${field}=${eq}: ${w}`;
    return { file: field, line: `${field}=${w}` };
  }
  if (MEMORY.has(field)) {
    const protection = field === 'MemoryMin' || field === 'MemoryLow';
    if (eq === 'infinity' || (eq === '' && !protection)) return { file: field, line: `${field}=infinity` };
    if (eq === '') return { file: field, line: `${field}=0` };
    const p = permyriad(eq, true);
    if (p !== undefined) {
      const raw = scaleFromPermyriad(p);
      const name = `${field}Scale`;
      if (field === 'TasksMax') {
        if (raw < 1n || raw >= UINT32_MAX) return refuse(name);
        // the manager rounds the share up to whole percent and prints it in tenths
        const tenths = Number((raw * 100n + UINT32_MAX - 1n) / UINT32_MAX);
        return { file: name, line: `TasksMax=${Math.floor(tenths / 10)}.${tenths % 10}%` };
      }
      if (raw === 0n && NONZERO.has(field)) return refuse(name);
      return { file: name, line: `${field}=${pct(scaleToPermyriad(raw))}` };
    }
    if (field === 'TasksMax') {
      if (!/^\s*\+?\d+$/.test(eq)) return `Failed to parse ${field}=${eq}: Invalid argument`;
      const n = BigInt(eq.trim());
      if (n >= 2n ** 64n) return `Failed to parse ${field}=${eq}: Numerical result out of range`;
      if (n === 0n) return refuse(field);
      return { file: field, line: n === 2n ** 64n - 1n ? `${field}=infinity` : `${field}=${n}` };
    }
    const n = parseSize(eq);
    if (typeof n === 'string') return `Failed to parse ${field}=${eq}: ${n}`;
    if (n === 0n && NONZERO.has(field)) return refuse(field);
    return { file: field, line: n === 2n ** 64n - 1n ? `${field}=infinity` : `${field}=${n}` };
  }
  if (field === 'CPUQuota') {
    if (eq === '') return { file: field, line: 'CPUQuota=' };
    const p = permyriad(eq, false);
    if (p === 0) return 'CPU quota too small.';
    if (p === undefined) return `CPU quota '${eq}' invalid.`;
    // kept as microseconds per second and written back in whole percent
    return { file: field, line: `CPUQuota=${Math.floor((p * 100) / 10000)}%` };
  }
  if (field === 'DevicePolicy') {
    if (!['auto', 'closed', 'strict'].includes(eq)) return { refuse: `Invalid DevicePolicy= ${eq}` };
    return { file: field, line: `DevicePolicy=${eq}` };
  }
  return undefined;
}

/** The client's parse of one assignment for a unit of `type`: an error message or the change. */
function assignment(type: string, a: string): string | Change {
  const at = a.indexOf('=');
  if (at < 0) return `Not an assignment: ${a}`;
  const field = a.slice(0, at);
  const eq = a.slice(at + 1);
  const cgroup = type in CGROUP_TYPES;
  if (cgroup) {
    const c = cgroupAssignment(field, eq);
    if (c !== undefined) return c;
    if (type !== 'slice' && KNOWN_EXEC.has(field)) return { refuse: `Cannot set property ${field}, or unknown property.` };
  }
  if (field === 'Description') return { file: field, line: `Description=${eq}`, unitSection: true };
  if (KNOWN_UNIT.has(field)) return { refuse: `Cannot set property ${field}, or unknown property.` };
  return `Unknown assignment: ${a}`;
}

export async function setProperty(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  const names = await unitArgs(ctx, [args[0]!], '.service', opts);
  if (!names) {
    await ctx.err.write(`Failed to expand '${args[0]}' into names: Invalid argument\n`);
    return 1;
  }
  let rc = 0;
  for (const name of names) {
    if (!(await setOne(ctx, name, args.slice(1), opts))) rc = 1;
  }
  return rc;
}

async function setOne(ctx: Ctx, name: string, assignments: string[], opts: SystemctlOptions): Promise<boolean> {
  const fail = async (why: string): Promise<boolean> => {
    await ctx.err.write(`Failed to set unit properties on ${name}: ${why}\n`);
    return false;
  };
  const type = unitNameToType(name);
  if (type === undefined) {
    await ctx.err.write(`Invalid unit type: ${name}\n`);
    return false;
  }
  const changes: Change[] = [];
  for (const a of assignments) {
    const c = assignment(type, a);
    if (typeof c === 'string') {
      await ctx.err.write(`${c}\n`);
      return false;
    }
    changes.push(c);
  }
  const bad = invalidNameError(name);
  if (bad) return fail(bad);
  if (ctx.sys.geteuid() !== 0) return fail('Access denied');
  const [u] = await units(ctx, [name]);
  if (!u || u.loadState === 'not-found') return fail(`Unit ${name} not found.`);
  if (u.loadState === 'masked') return fail(`Unit ${name} is masked.`);
  if (u.loadState === 'bad-setting') return fail(`Unit ${name} has a bad unit file setting.`);
  // the manager checks every assignment before it changes anything
  for (const c of changes) if ('refuse' in c) return fail(c.refuse);
  const dir = `${opts.runtime ? '/run' : '/etc'}/systemd/system.control/${u.id}.d`;
  await mkdirs(ctx, dir);
  const section = CGROUP_TYPES[u.type] ?? 'Unit';
  for (const c of changes) {
    if ('refuse' in c) continue;
    const body = `# This is a drop-in unit file extension, created via "systemctl set-property"\n# or an equivalent operation. Do not edit.\n[${c.unitSection ? 'Unit' : section}]\n${c.line}\n`;
    await ctx.sys.writeFile(`${dir}/50-${c.file}.conf`, body, { mode: 0o644 });
  }
  if (changes.length) await ask(ctx, { kind: 'daemon-reload' });
  return true;
}

async function mkdirs(ctx: Ctx, dir: string): Promise<void> {
  let p = '';
  for (const part of dir.split('/').filter(Boolean)) {
    p += `/${part}`;
    try {
      await ctx.sys.mkdir(p, 0o755);
    } catch {
      // exists already
    }
  }
}
