// What a package puts on disk when installed: its programs (runnable stubs where the simulator
// implements them, inert binaries otherwise), its systemd units, and the configuration and data
// files written for the packages lessons use (payload-data.ts). The catalog lists binaries as the
// spec's %files does, sometimes as globs (/usr/bin/*): a glob stands for the package's own
// command (nano -> /usr/bin/nano) plus the simulated programs the registry gives the package.
import { aliasTarget } from '../../shared/alias-link';
import type { Build } from './catalog';
import { PAYLOADS, type PackagePayload } from './payload-data';
import { inertBinary, programStub } from './stub';

export interface ProgramRef {
  name: string;
  installPath: string;
  aliases?: readonly string[];
  mode?: number;
}

export interface PayloadEntry {
  path: string;
  type: 'file' | 'symlink' | 'dir';
  /** Permission bits. */
  mode: number;
  text?: string;
  target?: string;
  /** 'c' %config, 'n' %config(noreplace), 'd' %doc, '' otherwise. */
  flags: string;
}

const NOT_A_COMMAND = /-(libs?|devel|static|docs?|lang|debuginfo|tools|utils|extras|common|data|plugins?)$/;

export function payloadInfo(name: string): PackagePayload | undefined {
  return PAYLOADS[name];
}

/** The binaries a build installs: explicit paths, globs expanded as described above. */
export function binariesOf(build: Build, programs: readonly ProgramRef[]): string[] {
  const out: string[] = [];
  const add = (p: string): void => {
    if (!out.includes(p)) out.push(p);
  };
  for (const p of programs) {
    add(p.installPath);
    for (const a of p.aliases ?? []) add(a);
  }
  for (const b of build.binaries) if (!b.includes('*')) add(b);
  const extra = PAYLOADS[build.name]?.bins ?? [];
  for (const b of extra) add(b);
  for (const b of build.binaries) {
    const m = /^(\/usr\/s?bin)\/\*$/.exec(b);
    if (!m) continue;
    const dir = m[1]!;
    if (out.some((p) => p.startsWith(`${dir}/`))) continue;
    if (!NOT_A_COMMAND.test(build.name)) add(`${dir}/${build.name}`);
  }
  return out;
}

/** Unit files (not the .wants directories some specs list). */
export function unitsOf(build: Build): string[] {
  // (the catalog has a path written without its leading slash, cronie's lib/systemd/system/cron.service)
  return build.units.filter((u) => /\.(service|socket|timer|target|path|mount)$/.test(u)).map((u) => (u.startsWith('/') ? u : `/${u}`));
}

/** Every path the package owns, cheaply (no contents): for file dependencies and provides. */
export function payloadPaths(build: Build, programs: readonly ProgramRef[]): string[] {
  const p = PAYLOADS[build.name];
  return [...binariesOf(build, programs), ...unitsOf(build), ...(p?.files ?? []).map((f) => f[0]), ...(p?.links ?? []).map((l) => l[0]), ...(p?.preset ? [presetPath(p.preset[0])] : [])];
}

export const presetPath = (file: string): string => `/usr/lib/systemd/system-preset/${file}`;

/** A unit file for units nobody wrote out: enough for systemctl to load, list and show it. */
function genericUnit(build: Build, unitPath: string, binaries: readonly string[]): string {
  const file = unitPath.slice(unitPath.lastIndexOf('/') + 1);
  const type = file.slice(file.lastIndexOf('.') + 1);
  const base = file.slice(0, file.lastIndexOf('.')).replace(/@$/, '');
  const desc = `Description=${build.summary}`;
  switch (type) {
    case 'timer':
      return `[Unit]\n${desc}\n\n[Timer]\nOnCalendar=daily\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n`;
    case 'socket':
      return `[Unit]\n${desc}\n\n[Socket]\nListenStream=/run/${base}.sock\n\n[Install]\nWantedBy=sockets.target\n`;
    case 'target':
    case 'mount':
    case 'path':
      return `[Unit]\n${desc}\n`;
    default: {
      const exec = binaries.find((b) => b.endsWith(`/${base}`) || b.endsWith(`/${base}d`)) ?? binaries.find((b) => b.startsWith('/usr/sbin/')) ?? binaries[0] ?? `/usr/bin/${base}`;
      return `[Unit]\n${desc}\nAfter=network.target\n\n[Service]\nExecStart=${exec}\n\n[Install]\nWantedBy=multi-user.target\n`;
    }
  }
}

/** Everything the package writes, with contents. */
export function payload(build: Build, programs: readonly ProgramRef[]): PayloadEntry[] {
  const out: PayloadEntry[] = [];
  const seen = new Set<string>();
  const push = (e: PayloadEntry): void => {
    if (seen.has(e.path)) return;
    seen.add(e.path);
    out.push(e);
  };
  const data = PAYLOADS[build.name];
  for (const [path, mode] of data?.dirs ?? []) push({ path, type: 'dir', mode, flags: '' });
  for (const p of programs) {
    push({ path: p.installPath, type: 'file', mode: p.mode ?? 0o755, text: programStub(p.name), flags: '' });
    for (const a of p.aliases ?? []) push({ path: a, type: 'symlink', mode: 0o777, target: aliasTarget(a, p.installPath), flags: '' });
  }
  const binaries = binariesOf(build, programs);
  // (a command the package ships as a script is written out below, with its text)
  const scripts = new Set((data?.files ?? []).map((f) => f[0]));
  for (const b of binaries) if (!scripts.has(b)) push({ path: b, type: 'file', mode: 0o755, text: inertBinary(build.name, b), flags: '' });
  for (const [path, target] of data?.links ?? []) push({ path, type: 'symlink', mode: 0o777, target, flags: '' });
  for (const u of unitsOf(build)) {
    const name = u.slice(u.lastIndexOf('/') + 1);
    // (a unit the package installs as a link to another, cronie's cron.service)
    if (data?.links?.some(([p]) => p.endsWith(`/${name}`))) continue;
    push({ path: u, type: 'file', mode: 0o644, text: data?.units?.[name] ?? genericUnit(build, u, binaries), flags: '' });
  }
  if (data?.preset) push({ path: presetPath(data.preset[0]), type: 'file', mode: 0o644, text: data.preset[1], flags: '' });
  for (const [path, text, mode, flags] of data?.files ?? []) push({ path, type: 'file', mode: mode ?? 0o644, text, flags: flags ?? (path.startsWith('/etc/') ? 'n' : '') });
  return out;
}
