// docker stats, system df, system prune, commit, diff, login and logout (docker/cli 27.3.1).
import { bytesSize, humanSize, humanSizeWithPrecision } from '../../shared/docker-units';
import type { ImageConfig, StatsInfo } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import { readLine } from '../lib/yesno';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, list, str } from './flags';
import { formatRows, shortId } from './format';
import { confirm } from './prompt';

const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const STATS_TITLES = { Container: 'CONTAINER', ID: 'CONTAINER ID', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

function statsRow(s: StatsInfo, trunc: boolean, given: string | undefined): Record<string, string> {
  const pct = (x: number): string => `${x.toFixed(2)}%`;
  return {
    Container: given ?? (trunc ? shortId(s.id) : s.id), ID: trunc ? shortId(s.id) : s.id, Name: s.name || '--', CPUPerc: pct(s.cpuPercent),
    MemUsage: `${bytesSize(s.memUsage)} / ${bytesSize(s.memLimit)}`, MemPerc: pct(s.memLimit ? (s.memUsage / s.memLimit) * 100 : 0),
    NetIO: `${humanSizeWithPrecision(s.netRx, 3)} / ${humanSizeWithPrecision(s.netTx, 3)}`, BlockIO: `${humanSizeWithPrecision(s.blockRead, 3)} / ${humanSizeWithPrecision(s.blockWrite, 3)}`,
    PIDs: String(s.pids),
  };
}

export async function stats(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const ids = [...p.args];
  const stream = !bool(p, 'no-stream');
  const trunc = !bool(p, 'no-trunc');
  const format = str(p, 'format');
  for (;;) {
    await ctx.tick();
    const r = await expect(ctx, { kind: 'stats', ids, all: bool(p, 'all') }, 'stats');
    const rows = r.stats.map((s, i) => statsRow(s, trunc, ids[i]));
    const text = formatRows(!format || format === 'table' ? STATS_TABLE : format, rows, 'CONTAINER ID', '*container.statsContext', STATS_TITLES);
    // a stream redraws the screen, about twice a second (stats.go: cleanScreen, a 500ms ticker)
    await ctx.print(`${stream ? '\x1b[2J\x1b[H' : ''}${text}`);
    await ctx.out.flush();
    if (!stream || (r.stats.length === 0 && !bool(p, 'all') && ids.length === 0)) return 0;
    await ctx.sys.sleep(500);
  }
}

export async function df(ctx: Ctx, p: ParsedCommand): Promise<number> {
  if (bool(p, 'verbose')) {
    await ctx.err.write('docker system df --verbose is not available in this simulator yet\n');
    return 1;
  }
  const r = await expect(ctx, { kind: 'system-df' }, 'system-df');
  const withPct = (part: number, total: number): string => (total > 0 ? `${humanSize(part)} (${Math.floor((part * 100) / total)}%)` : humanSize(part));
  const active = (s: string): boolean => s === 'running' || s === 'paused' || s === 'restarting';
  const cSize = r.containers.reduce((t, c) => t + c.sizeRw, 0);
  const cIdle = r.containers.filter((c) => !active(c.status)).reduce((t, c) => t + c.sizeRw, 0);
  const vSize = r.volumes.reduce((t, v) => t + v.size, 0);
  const vIdle = r.volumes.filter((v) => v.refs === 0).reduce((t, v) => t + v.size, 0);
  const rows = [
    { Type: 'Images', TotalCount: String(r.images.length), Active: String(r.images.filter((i) => i.containers > 0).length), Size: humanSize(r.layersSize), Reclaimable: withPct(r.layersSize - r.imagesUsed, r.layersSize) },
    { Type: 'Containers', TotalCount: String(r.containers.length), Active: String(r.containers.filter((c) => active(c.status)).length), Size: humanSize(cSize), Reclaimable: withPct(cIdle, cSize) },
    { Type: 'Local Volumes', TotalCount: String(r.volumes.length), Active: String(r.volumes.filter((v) => v.refs > 0).length), Size: humanSize(vSize), Reclaimable: withPct(vIdle, vSize) },
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
  const format = str(p, 'format');
  const table = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
  await ctx.print(formatRows(!format || format === 'table' ? table : format, rows, 'ID', '*formatter.diskUsageImagesContext', { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' }));
  return 0;
}

export async function systemPrune(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const all = bool(p, 'all');
  const volumes = bool(p, 'volumes');
  if (!bool(p, 'force')) {
    const warnings = ['all stopped containers', 'all networks not used by at least one container'];
    if (volumes) warnings.push('all anonymous volumes not used by at least one container');
    warnings.push(all ? 'all images without at least one container associated to them' : 'all dangling images');
    warnings.push(all ? 'all build cache' : 'unused build cache');
    if (!(await confirm(ctx, `WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join('')}\nAre you sure you want to continue?`))) return 0;
  }
  let reclaimed = 0;
  const section = async (title: string, lines: string[]): Promise<void> => {
    if (lines.length) await ctx.print(`${title}:\n${lines.map((l) => `${l}\n`).join('')}\n`);
  };
  const containers = await expect(ctx, { kind: 'prune', what: 'containers' }, 'pruned');
  reclaimed += containers.reclaimed;
  await section('Deleted Containers', containers.deleted);
  await section('Deleted Networks', (await expect(ctx, { kind: 'prune', what: 'networks' }, 'pruned')).deleted);
  if (volumes) {
    const v = await expect(ctx, { kind: 'prune', what: 'volumes', all: false }, 'pruned');
    reclaimed += v.reclaimed;
    await section('Deleted Volumes', v.deleted);
  }
  const images = await expect(ctx, { kind: 'prune', what: 'images', all }, 'pruned');
  reclaimed += images.reclaimed;
  await section('Deleted Images', images.deleted);
  await ctx.print(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}

/** --change: the Dockerfile instructions commit accepts, applied to the image's config. */
function parseChanges(lines: string[]): Partial<ImageConfig> | string {
  const change: Partial<ImageConfig> = {};
  const words = (rest: string): string[] => {
    if (rest.trim().startsWith('[')) {
      try {
        const v = JSON.parse(rest) as unknown;
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
      } catch {
        // shell form below
      }
    }
    return ['/bin/sh', '-c', rest.trim()];
  };
  for (const line of lines) {
    const m = /^\s*(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const op = m[1]!.toUpperCase();
    const rest = m[2]!;
    switch (op) {
      case 'CMD': change.Cmd = words(rest); break;
      case 'ENTRYPOINT': change.Entrypoint = words(rest); break;
      case 'WORKDIR': change.WorkingDir = rest.trim(); break;
      case 'USER': change.User = rest.trim(); break;
      case 'STOPSIGNAL': change.StopSignal = rest.trim(); break;
      case 'ENV': change.Env = [...(change.Env ?? []), ...(rest.includes('=') ? rest.trim().split(/\s+/) : [`${rest.trim().split(/\s+/)[0]}=${rest.trim().split(/\s+/).slice(1).join(' ')}`])]; break;
      case 'EXPOSE': change.ExposedPorts = { ...(change.ExposedPorts ?? {}), ...Object.fromEntries(rest.trim().split(/\s+/).map((x) => [x.includes('/') ? x : `${x}/tcp`, {}])) }; break;
      case 'LABEL': change.Labels = { ...(change.Labels ?? {}), ...Object.fromEntries(rest.trim().split(/\s+/).map((kv) => [kv.split('=')[0]!, kv.slice(kv.indexOf('=') + 1).replace(/^"|"$/g, '')])) }; break;
      case 'VOLUME': change.Volumes = { ...(change.Volumes ?? {}), ...Object.fromEntries((rest.trim().startsWith('[') ? words(rest) : rest.trim().split(/\s+/)).map((x) => [x, {}])) }; break;
      default: return `${op.toLowerCase()} is not a valid change command`;
    }
  }
  return change;
}

export async function commit(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const changes = parseChanges(list(p, 'change'));
  if (typeof changes === 'string') throw new DaemonError(`Error response from daemon: ${changes}`, 'daemon', 400);
  const r = await expect(ctx, { kind: 'commit', id: p.args[0]!, ...(p.args[1] ? { ref: p.args[1] } : {}), ...(str(p, 'message') ? { comment: str(p, 'message') } : {}), ...(str(p, 'author') ? { author: str(p, 'author') } : {}), changes }, 'built');
  await ctx.print(`${r.id}\n`);
  return 0;
}

export async function diff(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const r = await expect(ctx, { kind: 'diff', id: p.args[0]! }, 'changes');
  for (const c of r.changes) await ctx.print(`${c.kind} ${c.path}\n`);
  return 0;
}

// ---- registry credentials ----

const INDEX_SERVER = 'https://index.docker.io/v1/';

async function readSecret(ctx: Ctx, prompt: string): Promise<string | null> {
  await ctx.print(prompt);
  await ctx.out.flush();
  const tty = ctx.sys.isatty(0);
  const saved = tty ? ctx.sys.tcgetattr(0) : undefined;
  if (saved) ctx.sys.tcsetattr(0, { ...saved, echo: false });
  try {
    return await readLine(ctx, 0);
  } finally {
    if (saved) ctx.sys.tcsetattr(0, saved);
  }
}

export async function login(ctx: Ctx, p: ParsedCommand): Promise<number> {
  let user = str(p, 'username').trim();
  let password = str(p, 'password');
  const server = p.args[0] && p.args[0] !== 'docker.io' ? p.args[0] : INDEX_SERVER;
  const hub = server === INDEX_SERVER;
  if (password) {
    await ctx.err.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
    if (bool(p, 'password-stdin')) return fail(ctx, '--password and --password-stdin are mutually exclusive');
  }
  if (bool(p, 'password-stdin')) {
    if (!user) return fail(ctx, 'Must provide --username with --password-stdin');
    const chunks: string[] = [];
    for (;;) {
      const c = await ctx.sys.read(0, 4096);
      if (!c || c.length === 0) break;
      chunks.push(new TextDecoder().decode(c));
    }
    password = chunks.join('').replace(/\n$/, '').replace(/\r$/, '');
  }
  if ((!user || !password) && !ctx.sys.isatty(0)) return fail(ctx, 'Error: Cannot perform an interactive login from a non TTY device');
  if (hub && !user && !password) {
    // Docker Hub's web-based login (the device-code flow): it waits for the browser
    const code = `${randomLetters(ctx, 4)}-${randomLetters(ctx, 4)}`;
    await ctx.err.write(`\x1b[1m\nUSING WEB-BASED LOGIN\x1b[0m\nTo sign in with credentials on the command line, use 'docker login -u <username>'\n\nYour one-time device confirmation code is: \x1b[1m${code}\n\x1b[0m\x1b[1mPress ENTER\x1b[0m to open your browser or submit your device code here: \x1b[4mhttps://login.docker.com/activate\n\x1b[0m\nWaiting for authentication in the browser…\n`);
    // the CLI's context ends on SIGINT or SIGTERM (signal.NotifyContext), which ends the wait
    let canceled = false;
    for (const sig of [2, 15]) ctx.sys.signal(sig, () => {
      canceled = true;
    });
    while (!canceled) {
      await ctx.sys.sleep(250).catch(() => undefined);
      await ctx.tick();
    }
    await ctx.err.write('login canceled\n');
    return 1;
  }
  if (!user) {
    if (hub) await ctx.print("Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\nYou can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n");
    await ctx.print('Username: ');
    await ctx.out.flush();
    user = ((await readLine(ctx, 0)) ?? '').trim();
    if (!user) return fail(ctx, 'Error: Non-null Username Required');
  }
  if (!password) {
    password = (await readSecret(ctx, 'Password: ')) ?? '';
    await ctx.print('\n');
    if (!password) return fail(ctx, 'Error: Password Required');
  }
  await call(ctx, { kind: 'login', server, username: user, password });
  return 0;
}

function randomLetters(ctx: Ctx, n: number): string {
  const abc = 'BCDFGHJKLMNPQRSTVWXZ';
  let s = '';
  for (let i = 0; i < n; i++) s += abc[ctx.sys.random(abc.length)];
  return s;
}

async function fail(ctx: Ctx, message: string): Promise<number> {
  await ctx.out.flush();
  await ctx.err.write(`${message}\n`);
  return 1;
}

export async function logout(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const server = p.args[0];
  const shown = server ? server.replace(/^https?:\/\//, '').replace(/\/.*$/, '') : INDEX_SERVER;
  await ctx.print(`Removing login credentials for ${shown}\n`);
  // the file store rewrites config.json without the server's entry (creating it when missing)
  const dir = ctx.env.get('DOCKER_CONFIG') ?? `${ctx.env.get('HOME') ?? '/root'}/.docker`;
  try {
    let config: { auths?: Record<string, unknown> } = {};
    try {
      config = JSON.parse(new TextDecoder().decode(await ctx.sys.readFile(`${dir}/config.json`))) as typeof config;
    } catch {
      await ctx.sys.mkdir(dir, 0o700).catch(() => undefined);
    }
    const auths = { ...(config.auths ?? {}) };
    for (const k of [server ?? INDEX_SERVER, shown, `http://${shown}`, `https://${shown}`]) delete auths[k];
    await ctx.sys.writeFile(`${dir}/config.json`, JSON.stringify({ ...config, auths }, null, '\t'), { mode: 0o600 });
  } catch {
    // an unwritable home: nothing was stored there either
  }
  return 0;
}
